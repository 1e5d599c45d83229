/**
 * What both e2e suites need, done once per run: code-server and Node 24 installed (outside the
 * clone, by setup.sh) and the extension packaged as users get it (`npm run package`: minified
 * bundles, only what .vscodeignore lets into the .vsix).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeServerInstall } from './runner/codeServerProcess';

export const ROOT = path.join(__dirname, '..', '..');
export const VSIX = path.join(ROOT, 'stepwise.vsix');
/** Screenshots and logs of the e2e runs (ignored by git). */
export const RESULTS_DIR = path.join(ROOT, 'test-results', 'e2e');

export interface Prepared extends CodeServerInstall {
  readonly vsix: string;
}

let prepared: Prepared | undefined;

export function prepare(): Prepared {
  if (prepared !== undefined) return prepared;
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const setup = spawnSync('bash', [path.join(__dirname, 'setup.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (setup.status !== 0) throw new Error(`test/e2e/setup.sh failed with ${String(setup.status)}`);
  const value = (name: string) => {
    const found = new RegExp(`^${name}=(.+)$`, 'm').exec(setup.stdout)?.[1];
    if (found === undefined) throw new Error(`test/e2e/setup.sh printed no ${name}=...`);
    return found;
  };
  const packaged = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, encoding: 'utf8' });
  if (packaged.status !== 0 || !fs.existsSync(VSIX)) {
    throw new Error(`npm run package failed:\n${packaged.stdout}${packaged.stderr}`);
  }
  prepared = { codeServerNode: value('CS_NODE'), codeServerEntry: value('CS_ENTRY'), vsix: VSIX };
  return prepared;
}
