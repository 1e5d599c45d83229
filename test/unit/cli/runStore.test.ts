/**
 * `stepwise run` and the execution store: every run stored as it goes, `--resume` after the
 * process was killed mid-run, `--redrive` after a failure, `--clock real`, and the usage errors
 * of these options.
 */
import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import { openExecutionStore } from '../../../server/src/store';
import { cli, REPOSITORY_ROOT, type Captured, runReport } from '../../support/cli';

const fixture = (name: string) => path.join(__dirname, 'fixtures', 'run', name);
const handlers = ['--handlers', fixture('counted.handlers.mjs')];
const scratch = mkdtempSync(path.join(tmpdir(), 'stepwise-store-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A fresh folder in the scratch space. */
let folders = 0;
function folder(name: string): string {
  return mkdtempSync(path.join(scratch, `${name}-${++folders}-`));
}

/** The id the run printed on stderr when it started. */
function idOf(stderr: string): string {
  const match = /^execution (\S+)$/m.exec(stderr);
  assert.ok(match?.[1] !== undefined, `no 'execution <id>' line in:\n${stderr}`);
  return match[1];
}

/** Call starts and completions per Task, from a count file the handlers wrote. */
function countsIn(file: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line !== '') counts[line] = (counts[line] ?? 0) + 1;
  }
  return counts;
}

/** The CLI as a process of its own, in `cwd`, so that a handler can kill it. */
function stepwise(cwd: string, ...args: string[]): SpawnSyncReturns<string> {
  const main = path.join(REPOSITORY_ROOT, 'server', 'src', 'cli', 'main.ts');
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  return spawnSync(process.execPath, ['--import', tsx, main, 'run', ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('stepwise run: stored executions', () => {
  test('a run is stored as it goes, under --store DIR/executions, and can be listed and loaded', async () => {
    const dir = folder('listed');
    const r = await cli(
      'run',
      fixture('counted.asl.json'),
      ...handlers,
      '--input',
      JSON.stringify({ countFile: path.join(dir, 'counts.txt'), amount: 1 }),
      '--store',
      dir,
      '--json',
      '--history',
    );
    assert.equal(r.code, 0, r.err);
    const result = runReport(r);
    assert.equal(idOf(r.err), result.executionId);
    const store = openExecutionStore(path.join(dir, 'executions'));
    const [listed, ...others] = store.list();
    assert.equal(others.length, 0);
    assert.equal(listed?.id, result.executionId);
    assert.equal(listed?.status, 'SUCCEEDED');
    assert.equal(listed?.program, fixture('counted.asl.json'));
    assert.equal(listed?.stateMachineName, 'counted');
    const stored = store.load(result.executionId);
    assert.deepEqual(
      stored.events.map((event) => event.type),
      result.history?.map((event) => event.type),
    );
    assert.deepEqual(stored.latest?.state.result?.output, result.output);
    assert.deepEqual(stored.header.launch, {
      stateMachineName: 'counted',
      workflowType: 'STANDARD',
      clock: 'virtual',
      handlers: fixture('counted.handlers.mjs'),
    });
    assert.ok(existsSync(path.join(dir, 'executions', '.gitignore')), 'the store ignores itself in git');
  });

  test('--no-store runs without writing anything, and still names the execution', async () => {
    const r = await cli('run', fixture('one-second.asl.json'), '--no-store', '--json');
    assert.equal(r.code, 0, r.err);
    const id = runReport(r).executionId;
    assert.equal(idOf(r.err), id);
    const defaultFile = path.join(process.cwd(), '.stepwise', 'executions', `${id}.jsonl`);
    assert.equal(existsSync(defaultFile), false);
  });

  test('a process killed mid-run is resumed: completed Tasks run once, same output as without the kill', async () => {
    const dir = folder('resume');
    const reference = await cli(
      'run',
      fixture('counted.asl.json'),
      ...handlers,
      '--input',
      JSON.stringify({ countFile: path.join(dir, 'reference.txt'), amount: 3, crash: false }),
      '--no-store',
      '--json',
    );
    assert.equal(reference.code, 0, reference.err);

    // No --store: the default, .stepwise/executions in the current directory.
    const counts = path.join(dir, 'counts.txt');
    const input = JSON.stringify({ countFile: counts, amount: 3, crash: true });
    const killed = stepwise(dir, fixture('counted.asl.json'), ...handlers, '--input', input, '--json');
    assert.equal(killed.signal, 'SIGKILL', killed.stderr);
    assert.equal(killed.stdout, '');
    const id = idOf(killed.stderr);
    assert.deepEqual(countsIn(counts), {
      'First start': 1,
      'First done': 1,
      'Second start': 1,
      'Second done': 1,
      'Crash start': 1,
    });
    const store = openExecutionStore(path.join(dir, '.stepwise', 'executions'));
    assert.equal(store.list()[0]?.status, 'RUNNING');

    const resumed = stepwise(dir, '--resume', id, '--json');
    assert.equal(resumed.status, 0, resumed.stderr);
    assert.equal(idOf(resumed.stderr), id);
    const result = runReport(resumed);
    assert.equal(result.executionId, id);
    assert.equal(result.status, 'SUCCEEDED');
    assert.deepEqual(result.output, runReport(reference).output);
    assert.deepEqual(countsIn(counts), {
      'First start': 1,
      'First done': 1,
      'Second start': 1,
      'Second done': 1,
      'Crash start': 2,
      'Crash done': 1,
      'Last start': 1,
      'Last done': 1,
    });
    const events = store.load(id).events;
    assert.deepEqual(
      events.map((event) => event.id),
      events.map((_, index) => index + 1),
      'one history across the kill',
    );
    assert.equal(events.filter((event) => event.type === 'ExecutionStarted').length, 1);
    assert.equal(store.list()[0]?.status, 'SUCCEEDED');

    const again = stepwise(dir, '--resume', id);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /has already ended \(SUCCEEDED\)\.$/m);
  });

  test('--redrive runs a failed execution again from the state that failed', async () => {
    const dir = folder('redrive');
    const counts = path.join(dir, 'counts.txt');
    const input = JSON.stringify({ countFile: counts, amount: 4 });
    const failed = await cli(
      'run',
      fixture('flaky.asl.json'),
      ...handlers,
      '--input',
      input,
      '--store',
      dir,
      '--json',
    );
    assert.equal(failed.code, 1, failed.err);
    const first = runReport(failed);
    assert.equal(first.status, 'FAILED');
    assert.equal(first.error, 'FlakyError');
    assert.deepEqual(countsIn(counts), { 'First start': 1, 'First done': 1, 'Flaky start': 1 });

    const resumed = await cli('run', '--resume', first.executionId, '--store', dir);
    assert.equal(resumed.code, 2);
    assert.match(resumed.err, /has already ended \(FAILED\); redrive it/);

    const redriven = await cli(
      'run',
      '--redrive',
      first.executionId,
      fixture('flaky.asl.json'),
      '--store',
      dir,
    );
    assert.equal(redriven.code, 0, redriven.err);
    assert.equal(idOf(redriven.err), first.executionId);
    assert.match(
      redriven.out,
      /^Redriving flaky \(STANDARD\) from .*flaky\.asl\.json, from the state that failed$/m,
    );
    assert.match(redriven.out, /^ {2}Flaky \(Task\) {2}\d+ ms$/m);
    assert.doesNotMatch(redriven.out, /First \(Task\)/, 'the completed state is not run again');
    assert.match(redriven.out, /^SUCCEEDED after /m);
    assert.deepEqual(countsIn(counts), {
      'First start': 1,
      'First done': 1,
      'Flaky start': 2,
      'Flaky done': 1,
      'Last start': 1,
      'Last done': 1,
    });
    const stored = openExecutionStore(path.join(dir, 'executions')).load(first.executionId);
    const types = stored.events.map((event) => event.type);
    assert.ok(types.indexOf('ExecutionFailed') < types.indexOf('ExecutionRedriven'));
    assert.equal(types.at(-1), 'ExecutionSucceeded');
    assert.deepEqual(stored.latest?.state.result?.output, {
      first: { task: 'First', amount: 8 },
      flaky: { task: 'Flaky', amount: 8 },
      last: { task: 'Last', amount: 8 },
    });
  });

  test('--clock real lets a Wait of one second take a real second', async () => {
    const dir = folder('clock');
    const started = Date.now();
    const r = await cli('run', fixture('one-second.asl.json'), '--clock', 'real', '--store', dir);
    const took = Date.now() - started;
    assert.equal(r.code, 0, r.err);
    assert.ok(took >= 1000, `took ${took} ms`);
    assert.match(r.out, /^ {2}Pause \(Wait\) {2}1\.\d\d s$/m);
    const stored = openExecutionStore(path.join(dir, 'executions')).load(idOf(r.err));
    assert.equal(stored.header.launch.clock, 'real');
  });

  test('continuing an execution: usage errors and refusals are exit 2 and say why', async () => {
    const usage = async (...args: string[]): Promise<string> => {
      const r: Captured = await cli('run', ...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.out, '');
      return r.err;
    };
    const file = fixture('flaky.asl.json');
    const dir = folder('usage');
    assert.match(await usage('--resume', 'a', '--redrive', 'b'), /either '--resume ID' or '--redrive ID'/);
    assert.match(
      await usage('--resume', 'a', '--input', '{}'),
      /'--input' cannot be combined with '--resume'/,
    );
    assert.match(
      await usage('--redrive', 'a', '--clock', 'real'),
      /'--clock' cannot be combined with '--redrive'/,
    );
    assert.match(await usage('--resume', 'a', ...handlers), /'--handlers' cannot be combined/);
    assert.match(await usage('--resume', 'a', '--no-store'), /'--resume' reads the execution from the store/);
    assert.match(await usage('--resume', 'a', file, file), /'--resume' takes at most one FILE/);
    assert.match(await usage('--resume='), /option '--resume' needs an execution id/);
    assert.match(await usage(file, '--store', dir, '--no-store'), /either '--store DIR' or '--no-store'/);
    assert.match(await usage(file, '--store='), /option '--store' needs a non-empty value/);
    assert.match(await usage(file, '--clock', 'wall'), /'--clock' must be one of: virtual, real/);
    assert.match(
      await usage('--resume', 'no-such-run', '--store', dir),
      /^stepwise run: No execution is stored in .*no-such-run\.jsonl\.$/,
    );
    assert.match(await usage('--redrive', '../up', '--store', dir), /'\.\.\/up' is not an execution id\./);

    const failed = await cli(
      'run',
      file,
      ...handlers,
      '--input',
      JSON.stringify({ countFile: path.join(dir, 'counts.txt'), amount: 1 }),
      '--store',
      dir,
      '--json',
    );
    const id = runReport(failed).executionId;
    const other = fixture('counted.asl.json');
    assert.match(
      await usage('--redrive', id, other, '--store', dir),
      new RegExp(
        `the execution '${id}' was started from .*flaky\\.asl\\.json, not from .*counted\\.asl\\.json`,
      ),
    );
  });

  test('a store folder that cannot be written is exit 2 before anything runs', async () => {
    const dir = folder('blocked');
    const blocked = path.join(dir, 'not-a-folder');
    writeFileSync(blocked, 'a file where the store folder would be');
    const r = await cli('run', fixture('one-second.asl.json'), '--store', blocked);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(
      r.err,
      /^stepwise run: cannot store the execution in .*not-a-folder[\\/]executions \((ENOTDIR|EEXIST)\); choose another folder with '--store DIR', or run with '--no-store'\.$/,
    );
  });
});
