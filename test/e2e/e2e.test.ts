/**
 * The e2e tier, in a real VS Code (code-server, offline): the extension-host suite (Mocha in
 * the extension host, through @vscode/test-electron's runTests), then the UI suite (the
 * packaged .vsix in the workbench, driven by playwright-core). One file, so that the two never
 * run at once: packaging rewrites dist/, which the extension-host suite loads.
 * STEPWISE_E2E_ONLY=extension-host or =ui runs one of them (while working on it).
 */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runExtensionHostSuite } from './extensionHost';
import { prepare } from './prepare';
import { registerUiSuite } from './ui/uiSuite';

const only = process.env['STEPWISE_E2E_ONLY'];

if (only === undefined || only === 'extension-host')
  describe('extension host in code-server', async () => {
    const started = Date.now();
    const { results, failure } = await runExtensionHostSuite(prepare());
    const seconds = ((Date.now() - started) / 1000).toFixed(1);

    test(`the suite ran in the extension host (${seconds} s)`, () => {
      assert.ok(results.length > 0, `no results from the extension host (${String(failure)})`);
    });
    for (const result of results) {
      test(result.title, () => {
        if (result.state === 'failed') assert.fail(result.error ?? 'failed');
      });
    }
  });

if (only === undefined || only === 'ui') registerUiSuite();
