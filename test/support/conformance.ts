import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Where the executions recorded against AWS are: the tests read them in place and never copy
 * them into the repository. In order:
 * - STEPWISE_CONFORMANCE, when set;
 * - `../shared/conformance/cases` beside the project, and the same beside each folder above it;
 * - beside the repository this one was cloned from, when that is a local folder: a clone made
 *   in a temporary directory (`git clone . "$(mktemp -d)"`, as CI does) still finds the corpus
 *   of the checkout it came from.
 * Undefined when none exists; the tests then fail and say where they looked.
 */
export function conformanceDirectory(): string {
  const explicit = process.env['STEPWISE_CONFORMANCE'];
  if (explicit !== undefined) return explicit;
  const candidates = [...besideAncestors(PROJECT_ROOT), ...besideAncestors(localOrigin())];
  return candidates.find((dir) => existsSync(dir)) ?? path.join(PROJECT_ROOT, '..', CORPUS);
}

const PROJECT_ROOT = path.join(import.meta.dirname, '..', '..');
const CORPUS = path.join('shared', 'conformance', 'cases');

function besideAncestors(start: string | undefined): string[] {
  const dirs: string[] = [];
  for (let dir = start; dir !== undefined;) {
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dirs.push(path.join(parent, CORPUS));
    dir = parent;
  }
  return dirs;
}

/** The folder of the `origin` remote when it is a path on this machine. */
function localOrigin(): string | undefined {
  try {
    const url = execFileSync('git', ['config', '--get', 'remote.origin.url'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const folder = url.startsWith('file://') ? url.slice('file://'.length) : url;
    return path.isAbsolute(folder) && existsSync(folder) ? folder : undefined;
  } catch {
    return undefined;
  }
}
