import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import {
  compileDefinition,
  createExecution,
  createVirtualClock,
  DefinitionError,
  resumeExecution,
  STANDARD_HISTORY_QUOTA,
} from '../../../server/src/engine';
import type { ExecutionState, JsonValue, StateVisit, TaskRunner } from '../../../server/src/engine';

function fixture(name: string): JsonValue {
  return JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8')) as JsonValue;
}

function passChain(length: number, last: JsonValue = { Type: 'Pass', End: true }): JsonValue {
  const states: { [name: string]: JsonValue } = {};
  for (let i = 0; i < length - 1; i++) states[`S${i}`] = { Type: 'Pass', Next: `S${i + 1}` };
  states[`S${length - 1}`] = last;
  return { StartAt: 'S0', States: states };
}

/** Fails with "Flaky" twice, then echoes its Payload. */
function flakyRunner(): TaskRunner {
  return {
    run(request) {
      if (request.invocation < 2)
        return { kind: 'failed', error: 'Flaky', cause: `attempt ${request.invocation}` };
      return { kind: 'succeeded', output: request.input };
    },
  };
}

describe('Pass', () => {
  for (const result of [0, false, null, '']) {
    test(`a falsy Result (${JSON.stringify(result)}) is the output`, async () => {
      const machine = compileDefinition({
        StartAt: 'P',
        States: { P: { Type: 'Pass', Result: result, End: true } },
      });
      const outcome = await createExecution(machine, { keep: 'me' }).run();
      assert.deepEqual(outcome, { status: 'SUCCEEDED', output: result });
    });
  }

  test('ResultPath writes into the original input and OutputPath selects from it', async () => {
    const machine = compileDefinition({
      StartAt: 'P',
      States: {
        P: { Type: 'Pass', InputPath: '$.a', Result: 7, ResultPath: '$.b.c', OutputPath: '$.b', End: true },
      },
    });
    const outcome = await createExecution(machine, { a: 1 }).run();
    assert.deepEqual(outcome.output, { c: 7 });
  });
});

describe('step()', () => {
  test('records exactly one event per call, with ids in order and AWS names', () => {
    const machine = compileDefinition(passChain(2));
    const execution = createExecution(machine, {});
    const types: string[] = [];
    for (let event = execution.step(); event !== undefined; event = execution.step()) {
      assert.ok(!(event instanceof Promise), 'Pass states step synchronously');
      assert.equal(event.id, execution.history.length);
      types.push(event.type);
    }
    assert.deepEqual(types, [
      'PassStateEntered',
      'PassStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    assert.equal(execution.history[0]?.type, 'ExecutionStarted');
  });
});

describe('resume', () => {
  test('saving and loading the state after any event gives the same run', async () => {
    const machine = compileDefinition(fixture('retry-then-catch.asl.json'));
    const options = { stateMachineName: 'M', name: 'run-1' };
    const reference = createExecution(machine, { n: 1 }, options, {
      taskRunner: flakyRunner(),
      clock: createVirtualClock(0),
    });
    const expected = await reference.run();
    const expectedHistory = JSON.stringify(reference.history);
    for (let cut = 1; cut < reference.history.length; cut++) {
      const first = createExecution(machine, { n: 1 }, options, {
        taskRunner: flakyRunner(),
        clock: createVirtualClock(0),
      });
      while (first.history.length < cut) await first.step();
      const saved = JSON.parse(JSON.stringify(first.state)) as ExecutionState;
      const resumed = resumeExecution(machine, saved, { taskRunner: flakyRunner() });
      assert.deepEqual(await resumed.run(), expected, `resumed after event ${cut}`);
      assert.equal(
        JSON.stringify(resumed.history),
        expectedHistory,
        `history after resuming at event ${cut}`,
      );
    }
  });
});

describe('Retry and Catch', () => {
  test('retries on the virtual clock with backoff, then succeeds', async () => {
    const machine = compileDefinition(fixture('retry-then-catch.asl.json'));
    const execution = createExecution(
      machine,
      { n: 1 },
      {},
      { taskRunner: flakyRunner(), clock: createVirtualClock(0) },
    );
    const outcome = await execution.run();
    assert.deepEqual(outcome.output, { Payload: { n: 1 } });
    const scheduled = execution.history.filter((e) => e.type === 'TaskScheduled').map((e) => e.timestamp);
    assert.deepEqual(scheduled, [0, 2000, 8000]);
  });

  test('MaxAttempts 0 never retries and Catch hands on Error and Cause', async () => {
    const machine = compileDefinition({
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 0 }],
          Catch: [{ ErrorEquals: ['States.TaskFailed'], Next: 'C' }],
          End: true,
        },
        C: { Type: 'Pass', End: true },
      },
    });
    const outcome = await createExecution(machine, {}, {}, { taskRunner: flakyRunner() }).run();
    assert.deepEqual(outcome.output, { Error: 'Flaky', Cause: 'attempt 0' });
  });

  test('a Task with no runner fails the execution with a message naming the state', async () => {
    const machine = compileDefinition({
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } },
    });
    const outcome = await createExecution(machine, {}).run();
    assert.equal(outcome.status, 'FAILED');
    assert.match(outcome.cause ?? '', /Task state 'T'/);
  });
});

describe('Parallel, Map and Choice', () => {
  test('branches and iterations run in order; $$.Map.Item and StringMatches escapes work', async () => {
    const machine = compileDefinition(fixture('parallel-map.asl.json'));
    const visits: StateVisit[] = [];
    const execution = createExecution(
      machine,
      { items: ['a*bc', 'axbc'] },
      {},
      { observer: { stateEntered: (v) => visits.push(v) } },
    );
    const outcome = await execution.run();
    assert.deepEqual(outcome.output, [0, [true, false]]);
    const starred = visits.find((v) => v.name === 'Starred');
    assert.deepEqual(starred?.path, [
      { state: 'Both', kind: 'branch', index: 1 },
      { state: 'Double', kind: 'iteration', index: 0 },
    ]);
  });
});

describe('limits', () => {
  test('a STANDARD execution fails when it reaches the history quota', async () => {
    const loop = { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'A' } } };
    const machine = compileDefinition(loop);
    const standard = createExecution(machine, {});
    const outcome = await standard.run();
    assert.equal(outcome.status, 'FAILED');
    assert.equal(standard.history.length, STANDARD_HISTORY_QUOTA);
  });

  test('the definition TimeoutSeconds times the execution out during a Wait', async () => {
    const machine = compileDefinition({
      TimeoutSeconds: 5,
      StartAt: 'W',
      States: { W: { Type: 'Wait', Seconds: 60, End: true } },
    });
    const execution = createExecution(machine, {}, {}, { clock: createVirtualClock(0) });
    const outcome = await execution.run();
    assert.equal(outcome.status, 'TIMED_OUT');
    assert.equal(execution.history.at(-1)?.timestamp, 5000);
  });

  test('a definition that cannot run is refused with the state named', () => {
    assert.throws(
      () => compileDefinition({ StartAt: 'X', States: { X: { Type: 'Pass' } } }),
      (error: unknown) => {
        return error instanceof DefinitionError && error.message.includes("'X'");
      },
    );
  });
});
