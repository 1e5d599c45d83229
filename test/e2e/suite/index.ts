/**
 * The extension-host side of the e2e tests: @vscode/test-electron (or our code-server shim)
 * loads this module in VS Code's extension host and awaits run(). Mocha runs the suites; every
 * result goes to results.json beside this bundle for the node:test wrapper
 * (test/e2e/extensionHost.ts) to report.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { RESULTS_FILE, type E2eResult } from '../results';
import { registerDebugSuite } from './debug.suite';
import { registerDiagnosticsSuite } from './diagnostics.suite';
import { registerLanguageSuite } from './language.suite';
import { registerPreviewSuite } from './preview.suite';

/** Reports nothing itself: run() collects each result. */
class SilentReporter extends Mocha.reporters.Base {}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: SilentReporter });
  // The suites are bundled into this file rather than loaded by Mocha, so install its globals
  // (describe, it, before, ...) by hand before registering them.
  mocha.suite.emit('pre-require', globalThis, 'extension.suite', mocha);
  // Diagnostics first: its first test checks that opening a workflow is what activates the extension.
  registerDiagnosticsSuite();
  registerLanguageSuite();
  registerPreviewSuite();
  registerDebugSuite();

  const results: E2eResult[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (test) =>
      results.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 }),
    );
    runner.on('fail', (test, error: unknown) =>
      results.push({
        title: test.fullTitle(),
        state: 'failed',
        durationMs: test.duration ?? 0,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
    );
  });
  fs.writeFileSync(path.join(__dirname, RESULTS_FILE), JSON.stringify(results, null, 2));
  if (failures > 0) throw new Error(`${failures} e2e test(s) failed.`);
}
