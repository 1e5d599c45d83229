import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { createProgressPrinter } from '../../../server/src/cli/runProgress';
import {
  compileDefinition,
  createExecution,
  createVirtualClock,
  resumeExecution,
  type TaskRunner,
} from '../../../server/src/engine';

/** A Parallel whose first branch retries once, 2 s later; the run is taken up again inside B. */
const MACHINE = compileDefinition({
  StartAt: 'P',
  States: {
    P: {
      Type: 'Parallel',
      Branches: [
        {
          StartAt: 'A',
          States: {
            A: {
              Type: 'Task',
              Resource: 'arn:aws:lambda:us-east-1:123456789012:function:A',
              Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 2, MaxAttempts: 1 }],
              End: true,
            },
          },
        },
        {
          StartAt: 'B',
          States: {
            B: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:B', End: true },
          },
        },
      ],
      End: true,
    },
  },
});

function flakyRunner(): TaskRunner {
  let calls = 0;
  return {
    run(request) {
      if (request.stateName === 'A' && ++calls === 1) return { kind: 'failed', error: 'Flaky' };
      return { kind: 'succeeded', output: request.stateName };
    },
  };
}

test('a resumed run counts the states it was inside of from their recorded entry', async () => {
  const taskRunner = flakyRunner();
  const first = createExecution(MACHINE, {}, {}, { taskRunner, clock: createVirtualClock(0) });
  for (;;) {
    const top = first.state.frames.at(-1);
    if (top?.state === 'B' && top.phase === 'invoke') break;
    const stepped = first.step();
    if (stepped instanceof Promise) await stepped;
  }
  const saved = first.snapshot();
  const lastTime = saved.history.at(-1)?.timestamp ?? 0;
  assert.equal(lastTime, 2000, 'the retry interval passed before the interruption');

  const lines: string[] = [];
  const clock = createVirtualClock(lastTime);
  const printer = createProgressPrinter((line) => lines.push(line), clock, {
    machine: MACHINE,
    state: saved,
  });
  const resumed = resumeExecution(MACHINE, saved, { taskRunner, clock, observer: printer.observer });
  const result = await resumed.run();
  printer.finish();
  assert.equal(result.status, 'SUCCEEDED');
  assert.deepEqual(lines, ['    B (Task)  0 ms  [branch 1]', '  P (Parallel)  2.00 s']);
});

test('a resumed state that fails is printed as failed when the run ends', async () => {
  const machine = compileDefinition({
    StartAt: 'T',
    States: { T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:T', End: true } },
  });
  const taskRunner: TaskRunner = { run: () => ({ kind: 'failed', error: 'Boom' }) };
  const first = createExecution(machine, {}, {}, { taskRunner, clock: createVirtualClock(0) });
  while (first.state.frames.at(-1)?.phase !== 'invoke') {
    const stepped = first.step();
    if (stepped instanceof Promise) await stepped;
  }
  const saved = first.snapshot();
  const lines: string[] = [];
  const clock = createVirtualClock(0);
  const printer = createProgressPrinter((line) => lines.push(line), clock, { machine, state: saved });
  const result = await resumeExecution(machine, saved, {
    taskRunner,
    clock,
    observer: printer.observer,
  }).run();
  printer.finish();
  assert.equal(result.status, 'FAILED');
  assert.deepEqual(lines, ['  T (Task)  failed']);
});
