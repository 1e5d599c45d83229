import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';
import { RESULTS_DIR, ROOT, type Prepared } from './prepare';
import { parseResults, RESULTS_FILE, type E2eResult } from './results';

const OUT_DIR = path.join(ROOT, 'out', 'e2e');

/** A throwaway folder with the banking example and the suite's fixtures. */
function makeWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stepwise-e2e-workspace-'));
  fs.cpSync(path.join(ROOT, 'examples', 'account-processing'), dir, { recursive: true });
  fs.cpSync(path.join(__dirname, 'fixtures', 'extension-host'), dir, { recursive: true });
  return dir;
}

export interface ExtensionHostRun {
  readonly results: readonly E2eResult[];
  /** Why runTests failed, when it did (the results say which tests). */
  readonly failure: string | undefined;
}

/**
 * The Mocha suite of test/e2e/suite/ in the extension host of a real VS Code (code-server,
 * offline), started through @vscode/test-electron's runTests() with our shim as the VS Code
 * executable, so that the same call runs it against a desktop VS Code where one can be had.
 */
export async function runExtensionHostSuite(prepared: Prepared): Promise<ExtensionHostRun> {
  await esbuild.build({
    entryPoints: { index: path.join(__dirname, 'suite', 'index.ts') },
    outdir: OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  const resultsFile = path.join(OUT_DIR, RESULTS_FILE);
  fs.rmSync(resultsFile, { force: true });
  const workspace = makeWorkspace();
  let failure: string | undefined;
  try {
    await runTests({
      vscodeExecutablePath: path.join(__dirname, 'runner', 'vscode-shim.sh'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(OUT_DIR, 'index.js'),
      launchArgs: [workspace],
      extensionTestsEnv: {
        CS_NODE: prepared.codeServerNode,
        CS_ENTRY: prepared.codeServerEntry,
        STEPWISE_E2E_SCREENSHOT: path.join(RESULTS_DIR, 'extension-host.png'),
      },
    });
  } catch (error) {
    failure = String(error);
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
  const results = fs.existsSync(resultsFile) ? parseResults(fs.readFileSync(resultsFile, 'utf8')) : [];
  if (results === undefined) return { results: [], failure: `${resultsFile} does not hold test results` };
  return { results, failure };
}
