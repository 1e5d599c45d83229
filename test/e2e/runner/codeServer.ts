/**
 * Runs extension-host tests inside code-server (VS Code in the browser, with a real Node
 * extension host) and Debian's Chromium as the workbench: the offline counterpart of what
 * @vscode/test-electron does with a downloaded desktop VS Code. The workbench receives the
 * extension and the tests through its `payload` query (honoured with the smoke-test driver
 * option), and reports the tests' exit code through the driver's exit hook.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumPath } from '../../support/browser';

export interface CodeServerRun {
  /** The extension under development (a folder with package.json). */
  readonly extensionDevelopmentPath: string;
  /** A module whose `run(): Promise<void>` runs the tests in the extension host. */
  readonly extensionTestsPath: string;
  /** The folder to open, if any. */
  readonly workspace?: string;
  /** Node 24 and code-server's entry script, from test/e2e/setup.sh. */
  readonly codeServerNode: string;
  readonly codeServerEntry: string;
  readonly timeoutMs: number;
  /** Where to save a picture of the workbench when the tests end. */
  readonly screenshot?: string;
  readonly log: (line: string) => void;
}

/** The exit code of the tests: 0 when run() resolved, 124 on timeout, 1 when setup failed. */
export async function runInCodeServer(options: CodeServerRun): Promise<number> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'stepwise-e2e-'));
  const port = await freePort();
  const serverLog = path.join(scratch, 'code-server.log');
  const server = startCodeServer(options, scratch, port, serverLog);
  let browser: BrowserContext | undefined;
  try {
    await waitForHealth(`http://127.0.0.1:${port}/healthz`, server, 60_000);
    options.log(`code-server is up on port ${port}`);
    browser = await chromium.launchPersistentContext(path.join(scratch, 'chromium'), {
      executablePath: chromiumPath(),
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    const finished = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', async (code: unknown) => {
        if (options.screenshot !== undefined)
          await page.screenshot({ path: options.screenshot }).catch(() => undefined);
        resolve(typeof code === 'number' ? code : 1);
      });
    });
    // The workbench's log lines arrive through the driver's log hook: useful when a run fails.
    await page.exposeFunction('codeAutomationLog', (_type: unknown, args: unknown) => {
      if (Array.isArray(args)) options.log(format(...(args as unknown[])));
    });
    page.on('pageerror', (error) => options.log(`workbench error: ${error.message.split('\n')[0] ?? ''}`));
    const remote = (file: string) =>
      `vscode-remote://127.0.0.1:${port}${file.split(path.sep).map(encodeURIComponent).join('/')}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(path.resolve(options.extensionDevelopmentPath))],
      ['extensionTestsPath', remote(path.resolve(options.extensionTestsPath))],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ]);
    const folder =
      options.workspace === undefined
        ? 'ew=true'
        : `folder=${encodeURIComponent(path.resolve(options.workspace))}`;
    await page.goto(`http://127.0.0.1:${port}/?${folder}&payload=${encodeURIComponent(payload)}`);
    options.log('workbench open; the tests run in the extension host');
    return await Promise.race([finished, timeout(options.timeoutMs)]);
  } catch (error) {
    options.log(`setup failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    await browser?.close().catch(() => undefined);
    await stop(server);
    if (process.env['STEPWISE_E2E_KEEP'] === undefined) fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function startCodeServer(
  options: CodeServerRun,
  scratch: string,
  port: number,
  logFile: string,
): ChildProcess {
  const userData = path.join(scratch, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': false,
      'extensions.ignoreRecommendations': true,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'chat.disableAIFeatures': true,
    }),
  );
  const out = fs.openSync(logFile, 'w');
  const args = [
    options.codeServerEntry,
    ...['--config', path.join(scratch, 'config.yaml'), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none'],
    ...['--user-data-dir', userData, '--extensions-dir', path.join(scratch, 'extensions')],
    ...['--disable-telemetry', '--disable-update-check', '--disable-workspace-trust'],
    ...['--disable-getting-started-override', '--ignore-last-opened'],
    // Without the smoke-test driver a built workbench ignores the payload's test paths.
    ...['--vscode-option', 'enable-smoke-test-driver'],
  ];
  return spawn(options.codeServerNode, args, {
    stdio: ['ignore', out, out],
    detached: true, // its own process group: the server, the extension host and their children
    env: {
      ...process.env,
      PATH: `${path.dirname(options.codeServerNode)}${path.delimiter}${process.env['PATH'] ?? ''}`,
      // No extension marketplace: a closed local port instead of a host on the internet.
      EXTENSIONS_GALLERY: JSON.stringify({
        serviceUrl: 'http://127.0.0.1:9/gallery',
        itemUrl: 'http://127.0.0.1:9/items',
      }),
    },
  });
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.pid === undefined || server.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  signalGroup(server.pid, 'SIGTERM');
  await Promise.race([exited, delay(5000)]);
  signalGroup(server.pid, 'SIGKILL');
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`code-server exited with ${server.exitCode} before it was up`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await delay(250);
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs} ms`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function timeout(ms: number): Promise<number> {
  await delay(ms);
  return 124;
}
