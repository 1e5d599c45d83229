/**
 * One code-server (VS Code in the browser, with a real Node extension host) in a scratch
 * folder of its own: fresh user data and extensions, no marketplace, no telemetry, workspace
 * trust off (local Task handlers run only in trusted workspaces), and Debian's Chromium to
 * show its workbench.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../support/browser';

export interface CodeServerInstall {
  /** Node 24 and code-server's entry script, from test/e2e/setup.sh. */
  readonly codeServerNode: string;
  readonly codeServerEntry: string;
}

export interface CodeServerOptions extends CodeServerInstall {
  /** .vsix files to install before the server starts (with code-server's --install-extension). */
  readonly install?: readonly string[];
  /** Extra code-server arguments. */
  readonly args?: readonly string[];
  /** User settings on top of the quiet defaults. */
  readonly settings?: Readonly<Record<string, unknown>>;
}

export interface CodeServer {
  readonly url: string;
  readonly scratch: string;
  readonly logFile: string;
  /** The last lines of code-server's log, for failure messages. */
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'chat.disableAIFeatures': true,
  'window.commandCenter': false,
};

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'stepwise-e2e-'));
  const userData = path.join(scratch, 'user-data');
  const extensions = path.join(scratch, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2),
  );
  const env = {
    ...process.env,
    PATH: `${path.dirname(options.codeServerNode)}${path.delimiter}${process.env['PATH'] ?? ''}`,
    // No extension marketplace: a closed local port instead of a host on the internet.
    EXTENSIONS_GALLERY: JSON.stringify({
      serviceUrl: 'http://127.0.0.1:9/gallery',
      itemUrl: 'http://127.0.0.1:9/items',
    }),
  };
  for (const vsix of options.install ?? []) {
    const installed = spawnSync(
      options.codeServerNode,
      [
        options.codeServerEntry,
        '--user-data-dir',
        userData,
        '--extensions-dir',
        extensions,
        '--install-extension',
        vsix,
      ],
      { encoding: 'utf8', env },
    );
    if (installed.status !== 0) {
      throw new Error(
        `code-server --install-extension ${vsix} failed:\n${installed.stdout}${installed.stderr}`,
      );
    }
  }
  const port = await freePort();
  const logFile = path.join(scratch, 'code-server.log');
  const out = fs.openSync(logFile, 'w');
  const server = spawn(
    options.codeServerNode,
    [
      options.codeServerEntry,
      ...[
        '--config',
        path.join(scratch, 'config.yaml'),
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--auth',
        'none',
      ],
      ...['--user-data-dir', userData, '--extensions-dir', extensions],
      ...['--disable-telemetry', '--disable-update-check', '--disable-workspace-trust'],
      ...['--disable-getting-started-override', '--ignore-last-opened'],
      ...(options.args ?? []),
    ],
    // Its own process group: stop() ends the server, the extension host and their children.
    { stdio: ['ignore', out, out], detached: true, env },
  );
  fs.closeSync(out);
  const logTail = (lines = 30) => {
    try {
      return fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };
  const stop = async () => {
    await stopGroup(server);
    if (process.env['STEPWISE_E2E_KEEP'] === undefined) fs.rmSync(scratch, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(`${url}/healthz`, server, 60_000);
  } catch (error) {
    const tail = logTail();
    await stop();
    throw new Error(`${String(error)}\n${tail}`, { cause: error });
  }
  return { url, scratch, logFile, logTail, stop };
}

/** Debian's Chromium, headless, with a fresh profile in the server's scratch folder. */
export function launchWorkbenchBrowser(server: CodeServer): Promise<BrowserContext> {
  return chromium.launchPersistentContext(path.join(server.scratch, 'chromium'), {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [...CHROMIUM_ARGS],
  });
}

/** A workbench URL path for a file or folder of this machine. */
export function remoteUri(url: string, file: string): string {
  const host = new URL(url).host;
  return `vscode-remote://${host}${path.resolve(file).split(path.sep).map(encodeURIComponent).join('/')}`;
}

async function stopGroup(server: ChildProcess): Promise<void> {
  if (server.pid === undefined || server.exitCode !== null || server.signalCode !== null) return;
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

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
