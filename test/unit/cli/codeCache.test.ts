/**
 * The installed `stepwise` (dist/cli.js) runs its bundle (dist/cliMain.js) through V8's code
 * cache (server/src/launcher/codeCache.ts). These tests run copies of the two built files in a
 * scratch folder, with STEPWISE_CODE_CACHE_DEBUG=1 reporting on stderr what the launcher did.
 */
import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';

const root = path.join(__dirname, '..', '..', '..');
const fixture = (name: string) => path.join(__dirname, 'fixtures', 'codeCache', name);
const example = path.join(root, 'examples', 'account-processing', 'account-processing.asl.json');
const double = [fixture('double.asl.json'), '--no-store', '--json'];
const handlersFile = ['--handlers', fixture('double.handlers.json')];
const handlersModule = ['--handlers', fixture('double.mjs')];

const scratch = mkdtempSync(path.join(tmpdir(), 'stepwise-code-cache-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** The launcher and the bundle, copied into a folder of their own; its own temporary folder too. */
interface Install {
  readonly cli: string;
  readonly dist: string;
  readonly tmp: string;
  /** The cache file next to the bundle for a command. */
  cacheOf(command: string): string;
  /** The cache file in the user's own temporary folder for a command. */
  privateCacheOf(command: string): string;
}

let installs = 0;
function install(bundle = path.join(root, 'dist', 'cliMain.js')): Install {
  const base = path.join(scratch, `install-${++installs}`);
  const dist = path.join(base, 'dist');
  const tmp = path.join(base, 'tmp');
  mkdirSync(dist, { recursive: true });
  mkdirSync(tmp);
  copyFileSync(path.join(root, 'dist', 'cli.js'), path.join(dist, 'cli.js'));
  copyFileSync(bundle, path.join(dist, 'cliMain.js'));
  // The name of a cache holds the hash that esbuild.mjs wrote into the launcher: that of the real bundle.
  const hash = createHash('sha256')
    .update(readFileSync(path.join(root, 'dist', 'cliMain.js')))
    .digest('hex')
    .slice(0, 16);
  const name = (command: string) => `cliMain.js.${hash}.${command}.cache`;
  const privateFolder = path.join(tmp, `stepwise-code-cache-${process.getuid?.() ?? 'user'}`);
  return {
    cli: path.join(dist, 'cli.js'),
    dist,
    tmp,
    cacheOf: (command) => path.join(dist, name(command)),
    privateCacheOf: (command) => path.join(privateFolder, name(command)),
  };
}

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** What the launcher said it did, in order ("accepted <file>", "written <file>", ...). */
  readonly cache: readonly string[];
}

function stepwise(
  at: Install,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; nodeOptions?: readonly string[] } = {},
): Run {
  // Only what these tests set: a NODE_OPTIONS from the test runner (tsx turns on source maps) would change the launcher's choice.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    TMPDIR: at.tmp,
    STEPWISE_CODE_CACHE_DEBUG: '1',
    ...options.env,
  };
  const child: SpawnSyncReturns<string> = spawnSync(
    process.execPath,
    [...(options.nodeOptions ?? []), at.cli, ...args],
    {
      cwd: root,
      encoding: 'utf8',
      env,
      timeout: 60_000,
    },
  );
  const cache: string[] = [];
  const stderr: string[] = [];
  for (const line of child.stderr.split('\n')) {
    if (line.startsWith('code cache: ')) cache.push(line.slice('code cache: '.length));
    else if (line !== '') stderr.push(line);
  }
  return { status: child.status, stdout: child.stdout, stderr: stderr.join('\n'), cache };
}

/** The report of `--json` without its execution id, which differs between runs. */
function reportOf(run: Run): unknown {
  const report: unknown = JSON.parse(run.stdout);
  assert.ok(typeof report === 'object' && report !== null && 'executionId' in report, run.stdout);
  const { executionId: _, ...rest } = report;
  return rest;
}

describe('the stepwise launcher and the code cache', () => {
  test('the first run writes a cache for its command, named by the bundle’s hash; the next run uses it', () => {
    const at = install();
    const first = stepwise(at, ['validate', example]);
    assert.equal(first.status, 0, first.stderr);
    assert.deepEqual(first.cache, ['none', `written ${at.cacheOf('validate')}`]);
    assert.ok(existsSync(at.cacheOf('validate')));

    const second = stepwise(at, ['validate', example]);
    assert.deepEqual(second.cache, [`accepted ${at.cacheOf('validate')}`]);
    assert.equal(second.status, 0);
    assert.equal(second.stdout, first.stdout);

    // Another command has a cache of its own: it calls other functions.
    const version = stepwise(at, ['--version']);
    assert.deepEqual(version.cache, ['none', `written ${at.cacheOf('other')}`]);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  test('Task handlers load with import() when the cache is accepted: a handlers file and a handlers module', () => {
    const at = install();
    for (const handlers of [handlersFile, handlersModule]) {
      const runs = [1, 2].map(() => stepwise(at, ['run', ...double, ...handlers, '--input', '{"value":21}']));
      assert.equal(runs[1]?.cache[0], `accepted ${at.cacheOf('run')}`);
      for (const run of runs) {
        assert.equal(run.status, 0, run.stderr);
        assert.deepEqual(reportOf(run), {
          status: 'SUCCEEDED',
          output: { value: 42 },
          error: null,
          cause: null,
        });
      }
    }
  });

  test('exit codes and output are those of the bundle run without the cache', () => {
    const at = install();
    const cases: readonly (readonly string[])[] = [
      ['run', ...double, ...handlersFile, '--input', '{"value":-1}'], // FAILED: 1
      ['run', ...double, ...handlersFile, '--input', '{"value":1}'], // SUCCEEDED: 0
      ['run', fixture('missing.asl.json')], // usage: 2
      ['validate', path.join(__dirname, 'fixtures', 'duplicate.asl.yaml')], // problems: 1
      ['nonsense'], // usage: 2
      ['--version'],
    ];
    for (const args of cases) {
      const plain = stepwise(at, args, { env: { STEPWISE_NO_CODE_CACHE: '1' } });
      assert.deepEqual(plain.cache, ['disabled (STEPWISE_NO_CODE_CACHE=1)']);
      for (const cached of [stepwise(at, args), stepwise(at, args)]) {
        assert.equal(cached.status, plain.status, args.join(' '));
        assert.equal(cached.stderr.replace(/execution \S+/, ''), plain.stderr.replace(/execution \S+/, ''));
        if (args.includes('--json')) assert.deepEqual(reportOf(cached), reportOf(plain));
        else assert.equal(cached.stdout, plain.stdout);
      }
    }
    // The failed run's cause carries the handler's stack trace, through the bundle: the same lines with the cache.
    const failed = stepwise(at, cases[0] ?? []);
    assert.equal(failed.status, 1);
    const report = reportOf(failed);
    assert.ok(typeof report === 'object' && report !== null && 'cause' in report);
    assert.equal(typeof report.cause, 'string');
    assert.match(String(report.cause), /"errorType":"RangeError"/);
    assert.match(String(report.cause), /at invokeHandler \([^)]*cliMain\.js:\d+:\d+\)/);
  });

  test('a command refused for its command line writes no cache: it ran too little of the code', () => {
    const at = install();
    const refused = stepwise(at, ['run', fixture('missing.asl.json')]);
    assert.equal(refused.status, 2);
    assert.deepEqual(refused.cache, ['none']);
    assert.deepEqual(readdirSync(at.dist).sort(), ['cli.js', 'cliMain.js']);
  });

  test('a damaged cache is ignored, the command still works, and a good cache replaces it', () => {
    const at = install();
    const args = ['run', ...double, ...handlersFile, '--input', '{"value":2}'];
    stepwise(at, args);
    const good = readFileSync(at.cacheOf('run'));
    // V8 would crash on these flipped bytes (it does not check its data's integrity); the launcher checks it first.
    const flipped = Buffer.from(good);
    for (let i = 64; i < flipped.length; i += 4099) flipped[i] = (flipped[i] ?? 0) ^ 0x5a;
    for (const damaged of [flipped, good.subarray(0, good.length >> 1), Buffer.from('not a cache at all')]) {
      writeFileSync(at.cacheOf('run'), damaged);
      const run = stepwise(at, args);
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(reportOf(run), {
        status: 'SUCCEEDED',
        output: { value: 4 },
        error: null,
        cause: null,
      });
      assert.deepEqual(run.cache, [
        `rejected ${at.cacheOf('run')} (damaged)`,
        `written ${at.cacheOf('run')}`,
      ]);
      assert.deepEqual(stepwise(at, args).cache, [`accepted ${at.cacheOf('run')}`]);
    }
  });

  test('a cache V8 rejects (made by another Node or with other flags) is replaced', () => {
    const at = install();
    stepwise(at, ['--version']);
    const other = stepwise(at, ['--version'], { nodeOptions: ['--no-opt'] });
    assert.deepEqual(other.cache, [`rejected ${at.cacheOf('other')}`, `written ${at.cacheOf('other')}`]);
    assert.equal(other.status, 0);
    assert.deepEqual(stepwise(at, ['--version'], { nodeOptions: ['--no-opt'] }).cache, [
      `accepted ${at.cacheOf('other')}`,
    ]);
  });

  test('caches of an earlier build are removed when the new one is written', () => {
    const at = install();
    const stale = [
      path.join(at.dist, 'cliMain.js.0123456789abcdef.run.cache'),
      path.join(at.dist, 'cliMain.js.0123456789abcdef.validate.cache'),
    ];
    for (const file of stale) writeFileSync(file, readFileSync(at.cli));
    const unrelated = path.join(at.dist, 'other.js.0123456789abcdef.run.cache');
    writeFileSync(unrelated, 'not ours');
    assert.deepEqual(stepwise(at, ['--version']).cache, ['none', `written ${at.cacheOf('other')}`]);
    for (const file of stale) assert.equal(existsSync(file), false, file);
    assert.ok(existsSync(unrelated));
  });

  test('a folder beside the bundle that cannot take the cache: the user’s own temporary folder does', () => {
    const at = install();
    // Running as root, a read-only folder would still be written: a folder in the cache's place fails instead.
    mkdirSync(path.join(at.cacheOf('other'), 'blocker'), { recursive: true });
    const first = stepwise(at, ['--version']);
    assert.equal(first.status, 0);
    assert.deepEqual(first.cache, ['none', `written ${at.privateCacheOf('other')}`]);
    assert.deepEqual(stepwise(at, ['--version']).cache, [`accepted ${at.privateCacheOf('other')}`]);
  });

  test('once the folder beside the bundle takes a cache again, it replaces the private one', () => {
    const at = install();
    const blocker = at.cacheOf('other');
    mkdirSync(path.join(blocker, 'blocker'), { recursive: true });
    stepwise(at, ['--version']);
    assert.ok(existsSync(at.privateCacheOf('other')));
    rmSync(blocker, { recursive: true });
    // Other V8 flags: V8 rejects the private cache, whose replacement now goes beside the bundle.
    const rejected = stepwise(at, ['--version'], { nodeOptions: ['--no-opt'] });
    assert.deepEqual(rejected.cache, [
      `rejected ${at.privateCacheOf('other')}`,
      `written ${at.cacheOf('other')}`,
    ]);
    assert.equal(existsSync(at.privateCacheOf('other')), false);
    assert.deepEqual(stepwise(at, ['--version'], { nodeOptions: ['--no-opt'] }).cache, [
      `accepted ${at.cacheOf('other')}`,
    ]);
  });

  test('a temporary folder that others can write is neither read nor written', () => {
    const at = install();
    mkdirSync(path.join(at.cacheOf('other'), 'blocker'), { recursive: true });
    stepwise(at, ['--version']);
    const folder = path.dirname(at.privateCacheOf('other'));
    chmodSync(folder, 0o777);
    const run = stepwise(at, ['--version']);
    assert.equal(run.status, 0);
    assert.equal(run.cache[0], 'none');
    assert.match(run.cache[1] ?? '', /^not written \(.*is not a folder of this user alone\)$/);
  });

  test('no cache with STEPWISE_NO_CODE_CACHE=1, with source maps (Node maps only what it loads) or under a debugger', () => {
    const at = install();
    const disabled: readonly (readonly [Run, string])[] = [
      [stepwise(at, ['--version'], { env: { STEPWISE_NO_CODE_CACHE: '1' } }), 'STEPWISE_NO_CODE_CACHE=1'],
      [stepwise(at, ['--version'], { nodeOptions: ['--enable-source-maps'] }), 'source maps are enabled'],
      [
        stepwise(at, ['--version'], { env: { NODE_OPTIONS: '--enable-source-maps' } }),
        'source maps are enabled',
      ],
      [stepwise(at, ['--version'], { env: { NODE_OPTIONS: '--inspect=0' } }), 'a debugger is attached'],
    ];
    for (const [run, reason] of disabled) {
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(run.cache, [`disabled (${reason})`]);
    }
    assert.deepEqual(readdirSync(at.dist).sort(), ['cli.js', 'cliMain.js']);
  });

  test('an error thrown by the bundle points at the same line and column, and exits 1, with or without the cache', () => {
    const at = install(fixture('throwing-bundle.js'));
    const bundle = path.join(at.dist, 'cliMain.js');
    for (const env of [{}, { STEPWISE_NO_CODE_CACHE: '1' }]) {
      const run = stepwise(at, ['--version'], { env });
      assert.equal(run.status, 1);
      assert.match(run.stderr, /Error: thrown by the bundle/);
      assert.ok(run.stderr.includes(`at main (${bundle}:5:9)`), run.stderr);
    }
  });
});
