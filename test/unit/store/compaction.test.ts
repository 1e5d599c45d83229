import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { compileDefinition, createExecution, type TaskRunner } from '../../../server/src/engine';
import { checkpointOf, openExecutionStore } from '../../../server/src/store';

const MACHINE_DEFINITION = {
  StartAt: 'Each',
  States: {
    Each: {
      Type: 'Map',
      ItemProcessor: {
        StartAt: 'Work',
        States: {
          Work: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:Work', End: true },
        },
      },
      End: true,
    },
  },
};

const doubling: TaskRunner = {
  run: (request) => ({ kind: 'succeeded', output: { doubled: JSON.stringify(request.input).length * 2 } }),
};

test('a Map run is stored without rewriting its items and results at every event; every state reads back exactly', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'stepwise-compaction-'));
  try {
    const store = openExecutionStore(dir);
    const items = Array.from({ length: 200 }, (_, i) => ({ id: i, note: `item number ${i}` }));
    const execution = createExecution(
      compileDefinition(MACHINE_DEFINITION),
      items,
      { name: 'map-run' },
      { taskRunner: doubling },
    );
    const recorder = store.create(
      {
        program: '/w/map.asl.json',
        definition: MACHINE_DEFINITION,
        launch: { stateMachineName: 'map', workflowType: 'STANDARD', clock: 'virtual' },
      },
      execution.state,
    );
    const expected = new Map<number, string>([
      [execution.state.history.length, JSON.stringify(checkpointOf(execution.state))],
    ]);
    let naiveBytes = 0;
    for (;;) {
      const next = execution.step();
      if (next === undefined) break;
      if (next instanceof Promise) await next;
      recorder.capture(execution.state);
      const whole = JSON.stringify(checkpointOf(execution.state));
      naiveBytes += whole.length;
      expected.set(execution.state.history.length, whole);
    }
    recorder.close();
    assert.equal(execution.result?.status, 'SUCCEEDED');

    const stored = store.load('map-run');
    for (const [eventId, whole] of expected) {
      // Every 7th state, and the last: each one read back resolves its own chain of references.
      if (eventId % 7 !== 0 && eventId !== execution.state.history.length) continue;
      assert.equal(JSON.stringify(stored.checkpointAt(eventId)), whole, `the state after event ${eventId}`);
    }
    const written = statSync(path.join(dir, 'map-run.jsonl')).size;
    assert.ok(
      written * 10 < naiveBytes,
      `${written} bytes written, ${naiveBytes} bytes if every state were whole`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
