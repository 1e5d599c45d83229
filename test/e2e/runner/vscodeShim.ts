/**
 * A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }):
 * it takes the command line test-electron gives VS Code and runs the same tests in code-server,
 * so the suite keeps test-electron as its entry point and runs unchanged against a desktop VS
 * Code wherever one can be downloaded. Needs CS_NODE and CS_ENTRY (from test/e2e/setup.sh).
 */
import { runInCodeServer } from './codeServer';

function argument(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

async function main(): Promise<number> {
  const extensionDevelopmentPath = argument('extensionDevelopmentPath');
  const extensionTestsPath = argument('extensionTestsPath');
  const codeServerNode = process.env['CS_NODE'];
  const codeServerEntry = process.env['CS_ENTRY'];
  if (!extensionDevelopmentPath || !extensionTestsPath || !codeServerNode || !codeServerEntry) {
    process.stderr.write(
      'usage: --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [FOLDER], with CS_NODE and CS_ENTRY set\n',
    );
    return 2;
  }
  // test-electron puts launchArgs first: the first plain argument is the folder to open.
  const workspace = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
  const screenshot = process.env['STEPWISE_E2E_SCREENSHOT'];
  return runInCodeServer({
    extensionDevelopmentPath,
    extensionTestsPath,
    ...(workspace === undefined ? {} : { workspace }),
    ...(screenshot === undefined ? {} : { screenshot }),
    codeServerNode,
    codeServerEntry,
    timeoutMs: Number(process.env['STEPWISE_E2E_TIMEOUT_MS'] ?? 300_000),
    log: (line) => process.stdout.write(`${line}\n`),
  });
}

void main().then((code) => process.exit(code));
