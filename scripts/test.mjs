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

// The e2e tier packages the extension, which rewrites dist/ that the other tiers run: it goes
// last, in a node --test run of its own, never beside them.
const runs = [
  { name: 'tiers', files: tiers.filter((tier) => tier !== 'e2e').flatMap(filesOf) },
  { name: 'e2e', files: tiers.includes('e2e') ? filesOf('e2e') : [] },
];
// The webview tier drives the preview page in a real Chromium (e2e installs its own, with code-server).
if (tiers.includes('webview')) ensure('ensure-chromium.sh');
// The lsp tier also drives the server from Neovim, the second editor the issue names.
if (tiers.includes('lsp')) ensure('ensure-neovim.sh');
if (runs.every((r) => r.files.length === 0)) {
  console.error('No test files found.');
  process.exit(2);
}

// People read the spec reporter; the TAP copy gives the counts for the closing line CI reads.
const total = { pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
let status = 0;
for (const run of runs) {
  if (run.files.length === 0) continue;
  const started = Date.now();
  const counts = runNodeTest(run.files);
  if (run.name === 'e2e') console.log(`# e2e tier: ${Math.round((Date.now() - started) / 1000)} s`);
  if (counts === undefined) {
    total.fail += 1;
    status = 1;
    continue;
  }
  for (const key of Object.keys(total)) total[key] += counts[key];
  if (counts.status !== 0) status = counts.status || 1;
}
console.log(
  `${total.pass} passed, ${total.fail + total.cancelled} failed, ${total.skipped + total.todo} skipped`,
);
process.exit(status);

function filesOf(tier) {
  const dir = join(testRoot, tier);
  if (!existsSync(dir)) {
    console.error(`No test tier '${tier}' (no folder ${relative(root, dir)}).`);
    process.exit(2);
  }
  return collect(dir);
}

function ensure(script) {
  const setup = spawnSync('bash', [join(root, 'scripts', script)], { stdio: 'inherit' });
  if (setup.status !== 0) process.exit(setup.status ?? 1);
}

/** One `node --test` over `files`; its counts, or undefined when it printed none. */
function runNodeTest(files) {
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
  return counts === undefined ? undefined : { ...counts, status: result.status ?? 1 };
}

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
