// Runs the test tiers with node's test runner: `node scripts/test.mjs [tier...]`.
// Tiers are folders of test/ (unit, lsp, dap, ...); with no argument every tier runs.
// TypeScript runs through tsx; the lsp and dap tiers start the bundles in dist/ (npm test builds first).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const testRoot = join(root, 'test');
const excluded = new Set(['support', 'fixtures']);

const requested = process.argv.slice(2);
const tiers =
  requested.length > 0
    ? requested
    : readdirSync(testRoot).filter((name) => {
        return statSync(join(testRoot, name)).isDirectory() && !excluded.has(name);
      });

const files = [];
for (const tier of tiers) {
  const dir = join(testRoot, tier);
  if (!existsSync(dir)) {
    console.error(`No test tier '${tier}' (no folder ${relative(root, dir)}).`);
    process.exit(2);
  }
  files.push(...collect(dir));
}
// The webview tier drives the preview page in a real Chromium (e2e installs its own, with code-server).
if (tiers.includes('webview')) {
  const setup = spawnSync('bash', [join(root, 'scripts', 'ensure-chromium.sh')], { stdio: 'inherit' });
  if (setup.status !== 0) process.exit(setup.status ?? 1);
}
// The lsp tier also drives the server from Neovim, the second editor the issue names.
if (tiers.includes('lsp')) {
  const setup = spawnSync('bash', [join(root, 'scripts', 'ensure-neovim.sh')], { stdio: 'inherit' });
  if (setup.status !== 0) process.exit(setup.status ?? 1);
}
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(2);
}

// People read the spec reporter; the TAP copy gives the counts for the closing line CI reads.
const scratch = mkdtempSync(join(tmpdir(), 'stepwise-test-'));
const tap = join(scratch, 'results.tap');
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files.map((f) => relative(root, f)),
  ],
  { cwd: root, stdio: 'inherit' },
);
const counts = existsSync(tap) ? summarize(readFileSync(tap, 'utf8')) : undefined;
rmSync(scratch, { recursive: true, force: true });
if (counts === undefined) {
  console.log('0 passed, 1 failed');
  process.exit(result.status || 1);
}
console.log(
  `${counts.pass} passed, ${counts.fail + counts.cancelled} failed, ${counts.skipped + counts.todo} skipped`,
);
process.exit(result.status ?? 1);

/** The totals at the end of a TAP stream (`# pass 12`, `# fail 0`, ...). */
function summarize(text) {
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  return {
    pass: count('pass'),
    fail: count('fail'),
    cancelled: count('cancelled'),
    skipped: count('skipped'),
    todo: count('todo'),
  };
}

function collect(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    // fixtures hold documents; the e2e suite/ runs inside VS Code, driven by test/e2e/*.test.ts.
    if (entry.isDirectory()) return ['fixtures', 'suite'].includes(entry.name) ? [] : collect(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}
