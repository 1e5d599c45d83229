import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileDefinition, createExecution, createVirtualClock } from '../../../server/src/engine';
import type { FileStore, HistoryEvent, JsonObject, JsonValue } from '../../../server/src/engine';

/** More items than a spread call (`push(...items)`) can pass as arguments. */
const MANY = 200_000;

function distributedMap(extra: JsonObject = {}): JsonValue {
  return {
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          ReaderConfig: { InputType: 'JSON' },
          Parameters: { Bucket: 'bucket', Key: 'items.json' },
        },
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'Item',
          States: { Item: { Type: 'Pass', End: true } },
        },
        ...extra,
        End: true,
      },
    },
  };
}

/** A FileStore in memory holding one item file, read synchronously or through a promise. */
function itemStore(text: string, asynchronous: boolean): FileStore {
  return {
    read: (location) => {
      assert.deepEqual(location, { bucket: 'bucket', key: 'items.json' });
      return asynchronous ? Promise.resolve(text) : text;
    },
    write: () => undefined,
  };
}

/** Steps the execution to its MapStateStarted event and returns the length it reports. */
async function startedLength(definition: JsonValue, files: FileStore): Promise<JsonValue | undefined> {
  const execution = createExecution(
    compileDefinition(definition),
    {},
    { name: 'many' },
    { clock: createVirtualClock(Date.UTC(2025, 0, 1)), files },
  );
  for (let event: HistoryEvent | undefined = await execution.step(); ; event = await execution.step()) {
    assert.ok(
      event !== undefined,
      `the Map started; the history ends with ${execution.history.at(-1)?.type}`,
    );
    if (event.type === 'MapStateStarted') return event.details?.['length'];
  }
}

describe('a distributed Map reading a large item file', () => {
  const items = JSON.stringify(Array.from({ length: MANY }, (_, i) => i));

  for (const asynchronous of [false, true]) {
    test(`starts with all ${MANY} items (file read ${asynchronous ? 'through a promise' : 'at once'})`, async () => {
      assert.equal(await startedLength(distributedMap(), itemStore(items, asynchronous)), MANY);
    });
  }

  test(`batches all ${MANY} items, one per batch`, async () => {
    const definition = distributedMap({ ItemBatcher: { MaxItemsPerBatch: 1 } });
    assert.equal(await startedLength(definition, itemStore(items, false)), MANY);
  });
});
