import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';
import { RESULTS_FILE, type E2eResult } from './results';

/**
 * The extension-host suite in a real VS Code (code-server, offline), started through
 * @vscode/test-electron's runTests() with our shim as the VS Code executable. Each Mocha test
 * of the suite is reported here as a test of its own.
 */
const root = path.join(__dirname, '..', '..');
const outDir = path.join(root, 'out', 'e2e');

function setUp(): Record<string, string> {
  const setup = spawnSync('bash', [path.join(__dirname, 'setup.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  assert.equal(setup.status, 0, 'test/e2e/setup.sh failed');
  return Object.fromEntries(
    setup.stdout
      .split('\n')
      .map((line) => /^(CS_NODE|CS_ENTRY)=(.+)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1] ?? '', m[2] ?? '']),
  );
}

/** A throwaway folder with the banking example and two broken definitions. */
function makeWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stepwise-e2e-workspace-'));
  for (const name of ['account-processing.asl.json', 'account-processing.asl.yaml', 'input.json']) {
    fs.copyFileSync(path.join(root, 'examples', 'account-processing', name), path.join(dir, name));
  }
  fs.cpSync(path.join(__dirname, 'fixtures'), dir, { recursive: true });
  return dir;
}

describe('extension host in code-server', async () => {
  const env = setUp();
  await esbuild.build({
    entryPoints: { index: path.join(__dirname, 'suite', 'index.ts') },
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  const resultsFile = path.join(outDir, RESULTS_FILE);
  fs.rmSync(resultsFile, { force: true });
  const workspace = makeWorkspace();
  let failure: unknown;
  try {
    await runTests({
      vscodeExecutablePath: path.join(__dirname, 'runner', 'vscode-shim.sh'),
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(outDir, 'index.js'),
      launchArgs: [workspace],
      extensionTestsEnv: {
        ...env,
        STEPWISE_E2E_SCREENSHOT: path.join(root, 'test-results', 'e2e-extension-host.png'),
      },
    });
  } catch (error) {
    failure = error;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
  const results = fs.existsSync(resultsFile)
    ? (JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as E2eResult[])
    : [];

  test('the suite ran in the extension host', () => {
    assert.ok(results.length > 0, `no results from the extension host (${String(failure)})`);
  });
  for (const result of results) {
    test(result.title, () => {
      if (result.state === 'failed') assert.fail(result.error ?? 'failed');
    });
  }
});
