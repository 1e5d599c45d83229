import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileDefinition, createExecution, createVirtualClock } from '../../../server/src/engine';
import type { JsonValue } from '../../../server/src/engine';
import { CheckpointEncoder, decodeCheckpoint } from '../../../server/src/store/compaction';

/** More results than a spread call (`push(...tail)`) can pass as arguments. */
const MANY = 200_000;

const MAP: JsonValue = {
  StartAt: 'Each',
  States: {
    Each: {
      Type: 'Map',
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        StartAt: 'Item',
        States: { Item: { Type: 'Pass', End: true } },
      },
      End: true,
    },
  },
};

test(`a checkpoint whose Map results grew by ${MANY} since the line before reads back whole`, async () => {
  const execution = createExecution(
    compileDefinition(MAP),
    [1, 2, 3],
    {},
    {
      clock: createVirtualClock(Date.UTC(2025, 0, 1)),
    },
  );
  while (execution.history.at(-1)?.type !== 'MapStateStarted') await execution.step();
  const results = execution.state.frames[0]?.fan?.results;
  assert.ok(results !== undefined, 'the Map frame has its results');

  const encoder = new CheckpointEncoder();
  const first = encoder.encode(execution.state, 1);
  // Distributed children record no events: all their results arrive before the next line.
  for (let i = 0; i < MANY; i++) results.push(i);
  const second = encoder.encode(execution.state, 2);
  assert.match(JSON.stringify(second.state), /"\$ref":1/, 'the second line refers to the first');

  const defs = new Map(Object.entries({ ...first.defs, ...second.defs }));
  const decoded = decodeCheckpoint(second.state, (id) => (id === 1 ? first.state : undefined), defs);
  assert.equal(decoded?.frames[0]?.fan?.results.length, MANY);
  assert.equal(decoded?.frames[0]?.fan?.results.at(-1), MANY - 1);
});
