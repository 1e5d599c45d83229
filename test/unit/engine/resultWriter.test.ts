import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import {
  compileDefinition,
  counterIds,
  createExecution,
  createVirtualClock,
  DefinitionError,
  resumeExecution,
  toAwsHistoryEvent,
} from '../../../server/src/engine';
import type {
  Execution,
  FileLocation,
  FileStore,
  HistoryEvent,
  IdSource,
  JsonObject,
  JsonValue,
} from '../../../server/src/engine';
import { isRecord } from '../../../server/src/guards';
import { loadCases } from '../../conformance/cases';
import { differences } from '../../conformance/verdict';
import { assertGolden } from '../../support/golden';

const fixtures = path.join(import.meta.dirname, 'fixtures', 'resultWriter');

function fixture(name: string): JsonValue {
  return JSON.parse(fs.readFileSync(path.join(fixtures, name), 'utf8')) as JsonValue;
}

/** A FileStore in memory: what was written, by `bucket|key`, in the order written. */
interface MemoryStore extends FileStore {
  readonly written: Map<string, string>;
}

function memoryStore(refuse: (location: FileLocation) => boolean = () => false): MemoryStore {
  const written = new Map<string, string>();
  return {
    written,
    read: () => '',
    async write(location, content) {
      await Promise.resolve();
      if (refuse(location)) throw new Error(`disk full at ${location.key}`);
      written.set(`${location.bucket}|${location.key}`, content);
    },
  };
}

function start(definition: JsonValue, input: JsonValue, files?: FileStore, ids = counterIds()): Execution {
  return createExecution(
    compileDefinition(definition),
    input,
    { name: 'unit', stateMachineName: 'Orders' },
    { clock: createVirtualClock(Date.UTC(2025, 0, 1)), ids, ...(files && { files }) },
  );
}

/** counterIds, counting what it gave: a resumed run goes on drawing where the interrupted one stopped. */
function countedIds(from = 0): IdSource & { readonly given: () => number } {
  const ids = counterIds();
  let given = 0;
  for (; given < from; given++) ids.uuid();
  return {
    uuid: () => {
      given += 1;
      return ids.uuid();
    },
    given: () => given,
  };
}

function distributedMap(
  resultWriter: JsonValue,
  extra: { readonly [key: string]: JsonValue } = {},
): JsonObject {
  return {
    StartAt: 'M',
    States: {
      M: {
        Type: 'Map',
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'P',
          States: { P: { Type: 'Pass', End: true } },
        },
        ResultWriter: resultWriter,
        End: true,
        ...extra,
      },
    },
  };
}

const putObject = 'arn:aws:states:::s3:putObject';

/** The value, which must be a string. */
function text(value: unknown): string {
  assert.equal(typeof value, 'string', `expected a string, got ${JSON.stringify(value)}`);
  return typeof value === 'string' ? value : '';
}

function mapRunArnOf(history: readonly HistoryEvent[]): string {
  return text(history.find((event) => event.type === 'MapRunStarted')?.details?.['mapRunArn']);
}

function parsed(store: MemoryStore, key: string): unknown {
  const content = store.written.get(key);
  assert.ok(
    content !== undefined,
    `${key} was not written; written: ${[...store.written.keys()].join(', ')}`,
  );
  return JSON.parse(content);
}

describe('ResultWriter writing files', () => {
  test('the recorded AWS run: the same output shape and history, the manifest written', async () => {
    const recorded = loadCases().find((c) => c.name === 'scenarios__test_map_state_result_writer');
    assert.ok(recorded !== undefined, 'the conformance case is in the corpus');
    const store = memoryStore();
    const execution = createExecution(
      compileDefinition(recorded.definition),
      recorded.input,
      { stateMachineName: 'ConformanceMachine', name: 'conformance-execution', roleArn: 'snf_role_arn' },
      { clock: createVirtualClock(Date.UTC(2025, 0, 1)), files: store },
    );
    const result = await execution.run();
    const run = { ...result, history: execution.history.map(toAwsHistoryEvent) };
    assert.deepEqual(differences(recorded, run), []);

    const arn = mapRunArnOf(execution.history);
    const runId = arn.slice(arn.lastIndexOf(':') + 1);
    const key = `mapJobs/${runId}/manifest.json`;
    assert.deepEqual(result.output, {
      MapRunArn: arn,
      ResultWriterDetails: { Bucket: 'result-bucket', Key: key },
    });
    assert.deepEqual(
      [...store.written.keys()],
      [`result-bucket|mapJobs/${runId}/SUCCEEDED_0.json`, `result-bucket|${key}`],
    );
    const records = parsed(store, `result-bucket|mapJobs/${runId}/SUCCEEDED_0.json`);
    assert.ok(Array.isArray(records));
    assert.deepEqual(
      records.map((r: unknown) => (isRecord(r) ? [r['Input'], r['Output'], r['Status']] : r)),
      [
        ['"Hello"', '"Hello"', 'SUCCEEDED'],
        ['"World"', '"World"', 'SUCCEEDED'],
      ],
    );
  });

  test('succeeded and failed children go to their own files; Input is the ItemSelector output', async () => {
    const store = memoryStore();
    const execution = start(fixture('orders.asl.json'), fixture('orders.input.json'), store);
    const result = await execution.run();
    assert.equal(result.status, 'SUCCEEDED', JSON.stringify(result));
    const lines = [`output ${JSON.stringify(result.output)}`];
    lines.push(`events ${execution.history.map((e) => e.type).join(' ')}`);
    for (const [location, content] of store.written) lines.push(`file ${location}`, content);
    assertGolden(path.join(fixtures, 'orders.golden.txt'), `${lines.join('\n')}\n`);

    // Sizes are UTF-8 bytes of what was written ("café" takes one byte more than its length).
    const arn = mapRunArnOf(execution.history);
    const folder = `runs/${arn.slice(arn.lastIndexOf(':') + 1)}`;
    const manifest = parsed(store, `|${folder}/manifest.json`);
    assert.ok(isRecord(manifest) && isRecord(manifest['ResultFiles']));
    for (const status of ['SUCCEEDED', 'FAILED']) {
      const content = store.written.get(`|${folder}/${status}_0.json`) ?? '';
      assert.deepEqual(manifest['ResultFiles'][status], [
        { Key: `${folder}/${status}_0.json`, Size: Buffer.byteLength(content) },
      ]);
    }
    assert.notEqual(Buffer.byteLength(store.written.get(`|${folder}/SUCCEEDED_0.json`) ?? ''), 0);
    assert.deepEqual(manifest['ResultFiles']['PENDING'], []);
  });

  test('a category without children gets no file and an empty list in the manifest', async () => {
    const store = memoryStore();
    const definition = distributedMap({ Resource: putObject, Parameters: { Bucket: 'b' } });
    const result = await start(definition, [], store).run();
    assert.equal(result.status, 'SUCCEEDED');
    assert.equal(store.written.size, 1);
    const [[location, content] = ['', '']] = store.written;
    assert.match(location, /^b\|[0-9a-f-]{36}\/manifest\.json$/);
    const manifest = JSON.parse(content) as unknown;
    assert.ok(isRecord(manifest));
    assert.deepEqual(manifest['ResultFiles'], { FAILED: [], PENDING: [], SUCCEEDED: [] });
    assert.equal(manifest['DestinationBucket'], 'b');
  });

  test('JSONL with FLATTEN writes one line per element of the outputs', async () => {
    const store = memoryStore();
    const definition = distributedMap({
      Resource: putObject,
      Parameters: { Bucket: '', Prefix: 'out/' },
      WriterConfig: { OutputType: 'JSONL', Transformation: 'FLATTEN' },
    });
    const result = await start(definition, [[1, 2], 'x', []], store).run();
    assert.equal(result.status, 'SUCCEEDED');
    const succeeded = [...store.written].find(([location]) => location.endsWith('SUCCEEDED_0.json'));
    assert.ok(succeeded !== undefined);
    assert.match(
      succeeded[0],
      /^\|out\/[0-9a-f-]{36}\/SUCCEEDED_0\.json$/,
      'a Prefix ending in / is not doubled',
    );
    assert.equal(succeeded[1], '1\n2\n"x"\n');
  });

  test('JSONata Arguments name the destination', async () => {
    const store = memoryStore();
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          Items: '{% $states.input.items %}',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED' },
            StartAt: 'P',
            States: { P: { Type: 'Pass', Output: '{% $states.input * 10 %}', End: true } },
          },
          ResultWriter: {
            Resource: putObject,
            Arguments: {
              Bucket: '{% $states.input.bucket %}',
              Prefix: "{% 'jobs-' & $string($count($states.input.items)) %}",
            },
            WriterConfig: { Transformation: 'COMPACT' },
          },
          Output: '{% $states.result.ResultWriterDetails %}',
          End: true,
        },
      },
    };
    const result = await start(definition, { bucket: 'data', items: [1, 2] }, store).run();
    assert.equal(result.status, 'SUCCEEDED', JSON.stringify(result));
    assert.ok(isRecord(result.output));
    assert.equal(result.output['Bucket'], 'data');
    assert.match(text(result.output['Key']), /^jobs-2\/[0-9a-f-]{36}\/manifest\.json$/);
    const folder = text(result.output['Key']).replace(/\/manifest\.json$/, '');
    assert.equal(store.written.get(`data|${folder}/SUCCEEDED_0.json`), '[10,20]');
  });
});

describe('ResultWriter with WriterConfig alone', () => {
  const items = [[1, 2], { a: 1 }];
  for (const [transformation, expected] of [
    ['COMPACT', [[1, 2], { a: 1 }]],
    ['FLATTEN', [1, 2, { a: 1 }]],
  ] as const) {
    test(`${transformation} shapes the Map's result and writes nothing`, async () => {
      const store = memoryStore();
      const definition = distributedMap({
        WriterConfig: { Transformation: transformation, OutputType: 'JSON' },
      });
      const result = await start(definition, items, store).run();
      assert.deepEqual(result, { status: 'SUCCEEDED', output: expected });
      assert.equal(store.written.size, 0);
    });
  }

  test('NONE gives each child execution record, with the names from the id port', async () => {
    const execution = start(distributedMap({ WriterConfig: { Transformation: 'NONE' } }), ['a']);
    const result = await execution.run();
    const arn = mapRunArnOf(execution.history);
    // The map run's id and the child's name, both from the id port, in that order.
    assert.equal(
      arn,
      'arn:aws:states:us-east-1:123456789012:mapRun:Orders/M:00000000-0000-4000-8000-000000000001',
    );
    assert.deepEqual(result.output, [
      {
        ExecutionArn:
          'arn:aws:states:us-east-1:123456789012:execution:Orders/M:00000000-0000-4000-8000-000000000002',
        Input: '"a"',
        InputDetails: { Included: true },
        Name: '00000000-0000-4000-8000-000000000002',
        Output: '"a"',
        OutputDetails: { Included: true },
        RedriveCount: 0,
        RedriveStatus: 'NOT_REDRIVABLE',
        RedriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven',
        StartDate: '2025-01-01T00:00:00.000Z',
        StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Orders/M',
        Status: 'SUCCEEDED',
        StopDate: '2025-01-01T00:00:00.000Z',
      },
    ]);
  });

  test('a failed child is returned as its record whatever the transformation', async () => {
    const definition = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED' },
            StartAt: 'Odd?',
            States: {
              'Odd?': {
                Type: 'Choice',
                Choices: [{ Variable: '$', NumericEquals: 1, Next: 'No' }],
                Default: 'Yes',
              },
              No: { Type: 'Fail', Error: 'Odd', Cause: 'one' },
              Yes: { Type: 'Pass', End: true },
            },
          },
          ToleratedFailurePercentage: 50,
          ResultWriter: { WriterConfig: { Transformation: 'COMPACT' } },
          End: true,
        },
      },
    };
    const result = await start(definition, [0, 1]).run();
    assert.equal(result.status, 'SUCCEEDED');
    assert.ok(Array.isArray(result.output));
    assert.equal(result.output[0], 0);
    const failed = result.output[1];
    assert.ok(isRecord(failed));
    assert.equal(failed['Status'], 'FAILED');
    assert.equal(failed['Error'], 'Odd');
    assert.equal(failed['Cause'], 'one');
    assert.equal(failed['Input'], '1');
    assert.equal(Object.hasOwn(failed, 'Output'), false, 'a failed execution has no output');
  });
});

describe('ResultWriter failures', () => {
  test('without file access the Map fails with States.ResultWriterFailed, which Catch takes', async () => {
    const definition = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED' },
            StartAt: 'P',
            States: { P: { Type: 'Pass', End: true } },
          },
          ResultWriter: { Resource: putObject, Parameters: { Bucket: 'b', Prefix: 'p' } },
          Catch: [{ ErrorEquals: ['States.ResultWriterFailed'], Next: 'Caught' }],
          Next: 'Done',
        },
        Caught: { Type: 'Pass', End: true },
        Done: { Type: 'Succeed' },
      },
    };
    const execution = start(definition, [1]);
    const result = await execution.run();
    assert.equal(result.status, 'SUCCEEDED');
    assert.ok(isRecord(result.output));
    assert.equal(result.output['Error'], 'States.ResultWriterFailed');
    assert.match(
      text(result.output['Cause']),
      /State 'M' writes its results to files, but this run has no file access\./,
    );
    const types = execution.history.map((e) => e.type);
    assert.deepEqual(types.slice(types.indexOf('MapRunStarted')), [
      'MapRunStarted',
      'MapRunFailed',
      'MapStateFailed',
      'MapStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
  });

  test('a write that fails is retried by the Map state’s Retry, then the run succeeds', async () => {
    let refusals = 1;
    const store = memoryStore(() => refusals-- > 0);
    const definition = distributedMap(
      { Resource: putObject, Parameters: { Bucket: 'b' } },
      { Retry: [{ ErrorEquals: ['States.ResultWriterFailed'], IntervalSeconds: 1, MaxAttempts: 1 }] },
    );
    const execution = start(definition, [1], store);
    const result = await execution.run();
    assert.equal(result.status, 'SUCCEEDED', JSON.stringify(result));
    const types = execution.history.map((e) => e.type);
    assert.deepEqual(types.slice(types.indexOf('MapStateStarted')), [
      'MapStateStarted',
      'MapRunStarted',
      'MapRunFailed',
      'MapStateStarted',
      'MapRunStarted',
      'MapRunSucceeded',
      'MapStateSucceeded',
      'MapStateExited',
      'ExecutionSucceeded',
    ]);
    const failed = execution.history.find((e) => e.type === 'MapRunFailed');
    assert.equal(failed?.details?.['error'], 'States.ResultWriterFailed');
    assert.match(
      text(failed?.details?.['cause']),
      /could not be written to 'b\/[0-9a-f-]{36}\/SUCCEEDED_0\.json': disk full/,
    );
    assert.equal(store.written.size, 2);
  });

  test('an uncaught write failure fails the execution with the cause', async () => {
    const store = memoryStore((location) => location.key.endsWith('manifest.json'));
    const result = await start(distributedMap({ Resource: putObject }), [1], store).run();
    assert.equal(result.status, 'FAILED');
    assert.equal(result.error, 'States.ResultWriterFailed');
    assert.match(
      result.cause ?? '',
      /^An error occurred while executing the state 'M' \(entered at the event id #2\)\. The results could not be written to '[0-9a-f-]{36}\/manifest\.json': disk full/,
    );
  });

  test('a JSONata Arguments expression that fails records the evaluation error and fails the state', async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      ...distributedMap({ Resource: putObject, Arguments: { Bucket: '{% $missing.name %}' } }),
    };
    const execution = start(definition, [1], memoryStore());
    const result = await execution.run();
    assert.equal(result.error, 'States.QueryEvaluationError');
    const types = execution.history.map((e) => e.type);
    assert.deepEqual(types.slice(types.indexOf('MapRunStarted')), [
      'MapRunStarted',
      'MapRunFailed',
      'EvaluationFailed',
      'MapStateFailed',
      'ExecutionFailed',
    ]);
    const evaluation = execution.history.find((e) => e.type === 'EvaluationFailed');
    assert.equal(evaluation?.details?.['location'], 'Arguments/Bucket');
  });

  test('a Bucket that is not a string fails the state', async () => {
    const definition = distributedMap({ Resource: putObject, Parameters: { 'Bucket.$': '$[0]' } });
    const result = await start(definition, [7], memoryStore()).run();
    assert.equal(result.error, 'States.ResultWriterFailed');
    assert.match(result.cause ?? '', /The ResultWriter's Bucket must be a string, not 7\./);
  });
});

describe('ResultWriter and resume', () => {
  test('a run resumed from its saved state writes the same files and ends with the same output', async () => {
    const definition = fixture('orders.asl.json');
    const input = fixture('orders.input.json');
    const straight = memoryStore();
    const expected = await start(definition, input, straight).run();

    for (const after of ['MapRunStarted', 'MapRunSucceeded']) {
      const before = memoryStore();
      const ids = countedIds();
      const execution = start(definition, input, before, ids);
      for (let event = await execution.step(); event?.type !== after; event = await execution.step()) {
        assert.ok(event !== undefined, `${after} was recorded`);
      }
      const saved = JSON.parse(JSON.stringify(execution.state)) as typeof execution.state;
      const resumedStore = memoryStore();
      const resumed = resumeExecution(compileDefinition(definition), saved, {
        ids: countedIds(ids.given()),
        files: resumedStore,
      });
      assert.deepEqual(await resumed.run(), expected, `resumed after ${after}`);
      const written = new Map([...before.written, ...resumedStore.written]);
      assert.deepEqual(written, straight.written, `files when resumed after ${after}`);
    }
  });
});

describe('ResultWriter definitions', () => {
  const refused: [string, JsonValue, RegExp][] = [
    ['an empty ResultWriter', {}, /ResultWriter needs a Resource \(with Parameters\) or a WriterConfig/],
    [
      'another Resource',
      { Resource: 'arn:aws:states:::s3:getObject' },
      /Resource must be 'arn:aws:states:::s3:putObject'/,
    ],
    [
      'Parameters without a Resource',
      { Parameters: { Bucket: 'b' }, WriterConfig: {} },
      /Parameters needs a Resource/,
    ],
    [
      'an unknown Transformation',
      { WriterConfig: { Transformation: 'SQUASH' } },
      /Transformation must be one of NONE, COMPACT, FLATTEN/,
    ],
    [
      'an unknown OutputType',
      { WriterConfig: { OutputType: 'CSV' } },
      /OutputType must be one of JSON, JSONL/,
    ],
  ];
  for (const [what, writer, message] of refused) {
    test(`${what} is refused, naming the state`, () => {
      assert.throws(
        () => compileDefinition(distributedMap(writer)),
        (error: unknown) =>
          error instanceof DefinitionError &&
          message.test(error.message) &&
          error.message.includes("State 'M'"),
      );
    });
  }
});
