import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  compileDefinition,
  createExecution,
  resumeExecution,
  type Execution,
  type JsonValue,
  type TaskRunner,
} from '../../../server/src/engine';
import {
  openExecutionStore,
  redriveState,
  resumeState,
  runRecorded,
  StoreError,
  type ExecutionRecorder,
  type ExecutionStore,
} from '../../../server/src/store';

const DEFINITION: JsonValue = {
  StartAt: 'A',
  States: {
    A: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:A',
      ResultPath: '$.a',
      Next: 'B',
    },
    B: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:B',
      ResultPath: '$.b',
      Next: 'C',
    },
    C: { Type: 'Pass', Result: 'done', ResultPath: '$.c', End: true },
  },
};
const MACHINE = compileDefinition(DEFINITION);
const LAUNCH = { stateMachineName: 'flow', workflowType: 'STANDARD', clock: 'virtual' } as const;

/** A runner counting its calls per state; `failB` makes B fail that many times first. */
function countingRunner(calls: Map<string, number>, failB = 0): TaskRunner {
  return {
    run(request) {
      const count = (calls.get(request.stateName) ?? 0) + 1;
      calls.set(request.stateName, count);
      if (request.stateName === 'B' && count <= failB)
        return { kind: 'failed', error: 'Flaky', cause: 'try again' };
      return { kind: 'succeeded', output: `${request.stateName}#${count}` };
    },
  };
}

function withStore(body: (store: ExecutionStore, dir: string) => Promise<void> | void): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'stepwise-store-'));
  return Promise.resolve(body(openExecutionStore(path.join(dir, '.stepwise', 'executions')), dir)).finally(
    () => rmSync(dir, { recursive: true, force: true }),
  );
}

function start(runner: TaskRunner, name = 'run-1'): Execution {
  return createExecution(MACHINE, { x: 1 }, { stateMachineName: 'flow', name }, { taskRunner: runner });
}

/** A recorder for `execution` in `store`, as `stepwise run` creates one for flow.asl.json. */
function recorderFor(store: ExecutionStore, execution: Execution): ExecutionRecorder {
  return store.create(
    { program: '/w/flow.asl.json', definition: DEFINITION, launch: LAUNCH },
    execution.state,
  );
}

/** Steps `execution` until `done`, capturing its state into `recorder` after each event. */
async function stepUntil(
  execution: Execution,
  done: (e: Execution) => boolean,
  recorder: ExecutionRecorder,
): Promise<void> {
  while (!done(execution)) {
    const next = execution.step();
    if (next === undefined) return;
    if (next instanceof Promise) await next;
    recorder.capture(execution.state);
  }
}

test('a recorded run reads back: header, every event in order, the final state, a summary', () =>
  withStore(async (store) => {
    const execution = start(countingRunner(new Map()));
    const recorder = recorderFor(store, execution);
    const result = await runRecorded(execution, recorder);
    recorder.close();
    assert.equal(result.status, 'SUCCEEDED');
    const ignore = readFileSync(path.join(store.directory, '.gitignore'), 'utf8');
    assert.match(ignore, /^\*$/m, 'the store folder ignores everything in it');
    const stored = store.load('run-1');
    assert.equal(stored.header.program, '/w/flow.asl.json');
    assert.deepEqual(stored.header.definition, DEFINITION);
    assert.deepEqual(stored.header.info.input, { x: 1 });
    assert.deepEqual(stored.events, JSON.parse(JSON.stringify(execution.history)));
    assert.equal(stored.latest?.eventId, execution.history.length);
    assert.equal(stored.latest?.state.status, 'SUCCEEDED');
    const [summary] = store.list();
    assert.equal(summary?.id, 'run-1');
    assert.equal(summary?.status, 'SUCCEEDED');
    assert.equal(summary?.eventCount, execution.history.length);
    assert.deepEqual(summary?.result?.output, { x: 1, a: 'A#1', b: 'B#1', c: 'done' });
  }));

test('an interrupted run resumes from its last event: completed Tasks are not run again', () =>
  withStore(async (store) => {
    const uninterrupted = await start(countingRunner(new Map()), 'reference').run();

    const calls = new Map<string, number>();
    const execution = start(countingRunner(calls));
    const recorder = recorderFor(store, execution);
    // "Kill" the run once A has answered, mid-way through B's events.
    const started = (e: Execution): number =>
      e.history.filter((ev) => ev.type === 'LambdaFunctionStarted').length;
    await stepUntil(execution, (e) => started(e) === 2, recorder);
    recorder.close();
    assert.equal(calls.get('A'), 1);
    assert.equal(calls.get('B'), undefined);

    const stored = store.load('run-1');
    const resumed = resumeExecution(MACHINE, resumeState(stored), { taskRunner: countingRunner(calls) });
    const appender = store.append(store.load('run-1'));
    const result = await runRecorded(resumed, appender);
    appender.close();
    assert.deepEqual(result, uninterrupted);
    assert.equal(calls.get('A'), 1, 'A ran once in all');
    assert.equal(calls.get('B'), 1);
    const after = store.load('run-1');
    assert.deepEqual(
      after.events.map((e) => e.id),
      after.events.map((_, i) => i + 1),
    );
    assert.throws(
      () => resumeState(after),
      (error: unknown) => error instanceof StoreError && /already ended/.test(error.message),
    );
  }));

test('a torn last line (a write cut by a kill) is ignored, then cut off before appending', () =>
  withStore(async (store) => {
    const execution = start(countingRunner(new Map()));
    const recorder = recorderFor(store, execution);
    await stepUntil(execution, (e) => e.history.length >= 4, recorder);
    recorder.close();
    const file = path.join(store.directory, 'run-1.jsonl');
    appendFileSync(file, '{"kind":"event","event":{"id":5,"previousEv');
    const stored = store.load('run-1');
    assert.equal(stored.events.length, 4);
    const resumed = resumeExecution(MACHINE, resumeState(stored), { taskRunner: countingRunner(new Map()) });
    const appender = store.append(store.load('run-1'));
    await runRecorded(resumed, appender);
    appender.close();
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    assert.ok(
      lines.every((line) => JSON.parse(line) !== null),
      'every line is whole JSON again',
    );
    assert.equal(store.load('run-1').latest?.state.status, 'SUCCEEDED');
  }));

test('redrive runs a failed execution again from the failed state, after an ExecutionRedriven event', () =>
  withStore(async (store) => {
    const calls = new Map<string, number>();
    const execution = start(countingRunner(calls, 1));
    const recorder = recorderFor(store, execution);
    const failed = await runRecorded(execution, recorder);
    recorder.close();
    assert.equal(failed.status, 'FAILED');
    const stored = store.load('run-1');
    assert.throws(() => resumeState(stored), StoreError);
    const state = redriveState(stored, Date.now());
    const redriven = state.history.at(-1);
    assert.equal(redriven?.type, 'ExecutionRedriven');
    assert.deepEqual(redriven?.details, { redriveCount: 1 });
    const again = resumeExecution(MACHINE, state, { taskRunner: countingRunner(calls, 1) });
    const appender = store.append(store.load('run-1'));
    const result = await runRecorded(again, appender);
    appender.close();
    assert.equal(result.status, 'SUCCEEDED');
    assert.deepEqual(
      result.output,
      { x: 1, a: 'A#1', b: 'B#2', c: 'done' },
      'A keeps its result; B runs again',
    );
    assert.equal(calls.get('A'), 1);
    const history = store.load('run-1').events.map((e) => e.type);
    assert.deepEqual(
      history.slice(history.indexOf('ExecutionFailed'), history.indexOf('ExecutionFailed') + 3),
      ['ExecutionFailed', 'ExecutionRedriven', 'TaskStateEntered'],
    );
    assert.equal(history.at(-1), 'ExecutionSucceeded');
    assert.throws(() => redriveState(store.load('run-1'), Date.now()), /nothing to redrive/);
  }));

test('a rewind line (the debugger stepped back) voids the events after it', () =>
  withStore(async (store) => {
    const execution = start(countingRunner(new Map()));
    const recorder = recorderFor(store, execution);
    await stepUntil(execution, (e) => e.history.length >= 6, recorder);
    const back = {
      ...structuredClone({ ...execution.state, history: [] }),
      history: execution.state.history.slice(0, 2),
    };
    recorder.rewound(back);
    const resumed = resumeExecution(MACHINE, back, { taskRunner: countingRunner(new Map()) });
    await stepUntil(resumed, (e) => e.history.length >= 4, recorder);
    recorder.close();
    const stored = store.load('run-1');
    assert.equal(stored.events.length, 4);
    assert.deepEqual(stored.events, JSON.parse(JSON.stringify(resumed.history)));
  }));

test('ids that could leave the store folder, and unknown executions, are refused', () =>
  withStore((store) => {
    assert.throws(() => store.load('../etc/passwd'), /not an execution id/);
    assert.throws(() => store.load('missing'), /No execution is stored/);
    assert.deepEqual(store.list(), [], 'an absent folder lists nothing');
  }));
