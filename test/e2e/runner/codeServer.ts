/**
 * Runs extension-host tests inside code-server, with Debian's Chromium as the workbench: the
 * offline counterpart of what @vscode/test-electron does with a downloaded desktop VS Code. The
 * workbench receives the extension and the tests through its `payload` query (honoured with the
 * smoke-test driver option), and reports the tests' exit code through the driver's exit hook.
 */
import * as path from 'node:path';
import { format } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import {
  delay,
  launchWorkbenchBrowser,
  remoteUri,
  startCodeServer,
  type CodeServer,
  type CodeServerInstall,
} from './codeServerProcess';

export interface CodeServerRun extends CodeServerInstall {
  /** The extension under development (a folder with package.json). */
  readonly extensionDevelopmentPath: string;
  /** A module whose `run(): Promise<void>` runs the tests in the extension host. */
  readonly extensionTestsPath: string;
  /** The folder to open, if any. */
  readonly workspace?: string;
  readonly timeoutMs: number;
  /** Where to save a picture of the workbench when the tests end. */
  readonly screenshot?: string;
  readonly log: (line: string) => void;
}

/** The exit code of the tests: 0 when run() resolved, 124 on timeout, 1 when setup failed. */
export async function runInCodeServer(options: CodeServerRun): Promise<number> {
  let server: CodeServer | undefined;
  let browser: BrowserContext | undefined;
  try {
    // Without the smoke-test driver a built workbench ignores the payload's test paths.
    server = await startCodeServer({ ...options, args: ['--vscode-option', 'enable-smoke-test-driver'] });
    options.log(`code-server is up at ${server.url}`);
    browser = await launchWorkbenchBrowser(server);
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
      const parts: unknown[] = Array.isArray(args) ? args : [];
      if (parts.length > 0) options.log(format(...parts));
    });
    page.on('pageerror', (error) => options.log(`workbench error: ${error.message.split('\n')[0] ?? ''}`));
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remoteUri(server.url, options.extensionDevelopmentPath)],
      ['extensionTestsPath', remoteUri(server.url, options.extensionTestsPath)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ]);
    const folder =
      options.workspace === undefined
        ? 'ew=true'
        : `folder=${encodeURIComponent(path.resolve(options.workspace))}`;
    await page.goto(`${server.url}/?${folder}&payload=${encodeURIComponent(payload)}`);
    options.log('workbench open; the tests run in the extension host');
    const code = await Promise.race([finished, delay(options.timeoutMs).then(() => 124)]);
    if (code !== 0) options.log(`code-server's log ends with:\n${server.logTail()}`);
    return code;
  } catch (error) {
    options.log(`setup failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }
}
