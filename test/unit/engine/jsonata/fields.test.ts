import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  compileDefinition,
  createExecution,
  createVirtualClock,
  DefinitionError,
} from '../../../../server/src/engine';
import type { JsonValue, TaskRequest, TaskRunner } from '../../../../server/src/engine';
import { jsonataPass, runMachine } from '../run';

/** Echoes its input, and remembers every request. */
function echoRunner(requests: TaskRequest[] = []): TaskRunner {
  return {
    run(request) {
      requests.push(request);
      return { kind: 'succeeded', output: { echoed: request.input } };
    },
  };
}

const failingRunner: TaskRunner = { run: () => ({ kind: 'failed', error: 'Boom', cause: 'it broke' }) };

function jsonata(
  states: { readonly [name: string]: JsonValue },
  startAt = Object.keys(states)[0] ?? '',
): JsonValue {
  return { QueryLanguage: 'JSONata', StartAt: startAt, States: states };
}

describe('Output and Arguments', () => {
  test('without Output a Pass state hands on its input; Output may be any JSON value', async () => {
    assert.deepEqual((await runMachine(jsonata({ P: { Type: 'Pass', End: true } }), { a: 1 })).output, {
      a: 1,
    });
    for (const output of [0, null, 'text', [1, '{% 1 + 1 %}'], { nested: { sum: '{% 1 + 2 %}' } }]) {
      const result = await runMachine(jsonataPass(output));
      const expected = Array.isArray(output)
        ? [1, 2]
        : typeof output === 'object' && output !== null
          ? { nested: { sum: 3 } }
          : output;
      assert.deepEqual(result.output, expected);
    }
  });

  test('Arguments are the task input; $states.result is the result, and the default output', async () => {
    const requests: TaskRequest[] = [];
    const definition = jsonata({
      T: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Arguments: { Payload: { id: '{% $states.input.id %}' } },
        Next: 'U',
      },
      U: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Output: { got: '{% $states.result.echoed %}', had: '{% $states.input %}' },
        End: true,
      },
    });
    const result = await runMachine(definition, { id: 7 }, { taskRunner: echoRunner(requests) });
    assert.deepEqual(requests[0]?.input, { Payload: { id: 7 } });
    assert.deepEqual(requests[1]?.input, { echoed: { Payload: { id: 7 } } });
    assert.deepEqual(result.output, {
      got: { echoed: { Payload: { id: 7 } } },
      had: { echoed: { Payload: { id: 7 } } },
    });
  });

  test('TimeoutSeconds and HeartbeatSeconds expressions reach the task', async () => {
    const requests: TaskRequest[] = [];
    const definition = jsonata({
      T: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        TimeoutSeconds: '{% $states.input.limit * 2 %}',
        HeartbeatSeconds: '{% $states.input.limit %}',
        End: true,
      },
    });
    await runMachine(definition, { limit: 5 }, { taskRunner: echoRunner(requests) });
    assert.equal(requests[0]?.timeoutSeconds, 10);
    assert.equal(requests[0]?.heartbeatSeconds, 5);
  });

  test('Parallel Arguments feed every branch and Output sees the branch results', async () => {
    const definition = jsonata({
      Par: {
        Type: 'Parallel',
        Arguments: { n: '{% $states.input.n %}' },
        Branches: [
          { StartAt: 'A', States: { A: { Type: 'Pass', Output: '{% $states.input.n + 1 %}', End: true } } },
          { StartAt: 'B', States: { B: { Type: 'Pass', Output: '{% $states.input.n * 10 %}', End: true } } },
        ],
        Output: '{% $sum($states.result) %}',
        End: true,
      },
    });
    assert.equal((await runMachine(definition, { n: 2 })).output, 23);
  });
});

describe('Choice', () => {
  test('Condition picks the rule; the rule Output replaces the state Output', async () => {
    const definition = jsonata({
      C: {
        Type: 'Choice',
        Choices: [{ Condition: '{% $states.input.n > 1 %}', Output: 'big', Next: 'End' }],
        Default: 'End',
        Output: 'small',
      },
      End: { Type: 'Succeed' },
    });
    assert.equal((await runMachine(definition, { n: 5 })).output, 'big');
    assert.equal((await runMachine(definition, { n: 0 })).output, 'small');
  });

  test('a Condition that is not a boolean fails the state', async () => {
    const definition = jsonata({
      C: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.n %}', Next: 'End' }], Default: 'End' },
      End: { Type: 'Succeed' },
    });
    const result = await runMachine(definition, { n: 3 });
    assert.equal(result.error, 'States.QueryEvaluationError');
    assert.match(
      result.cause ?? '',
      /'Condition' returned an unexpected result type. Expected 'boolean', but was 'number' for value: 3$/,
    );
  });
});

describe('Map', () => {
  test('Items, ItemSelector with $states.context.Map.Item, and the limits as expressions', async () => {
    const definition = jsonata({
      M: {
        Type: 'Map',
        Items: [1, '{% $states.input.extra %}'],
        ItemSelector: {
          at: '{% $states.context.Map.Item.Index %}',
          v: '{% $states.context.Map.Item.Value %}',
        },
        MaxConcurrency: '{% 1 %}',
        ToleratedFailureCount: '{% $states.input.tolerate %}',
        ItemProcessor: {
          StartAt: 'Check',
          States: {
            Check: {
              Type: 'Choice',
              Choices: [{ Condition: '{% $states.input.v = 1 %}', Next: 'Ok' }],
              Default: 'Bad',
            },
            Ok: { Type: 'Pass', Output: '{% $states.input.at %}', End: true },
            Bad: { Type: 'Fail', Error: 'Bad' },
          },
        },
        End: true,
      },
    });
    const result = await runMachine(definition, { extra: 2, tolerate: 1 });
    assert.deepEqual(result.output, [0, { Error: 'Bad' }]);
    const strict = await runMachine(definition, { extra: 2, tolerate: 0 });
    assert.equal(strict.error, 'States.ExceedToleratedFailureThreshold');
  });

  test('Items that are not an array fail with AWS wording; so does a non-array input without Items', async () => {
    const withItems = await runMachine(
      jsonata({
        M: {
          Type: 'Map',
          Items: '{% $states.input %}',
          ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
          End: true,
        },
      }),
      { a: 1 },
    );
    assert.match(
      withItems.cause ?? '',
      /The JSONata expression '\$states.input' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'object' for value: \{"a":1\}$/,
    );
    assert.deepEqual(withItems.events.slice(-3), ['EvaluationFailed', 'MapStateFailed', 'ExecutionFailed']);
    const withoutItems = await runMachine(
      jsonata({
        M: {
          Type: 'Map',
          ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
          End: true,
        },
      }),
      'text',
    );
    assert.equal(withoutItems.error, 'States.QueryEvaluationError');
    assert.match(withoutItems.cause ?? '', /Map state input must be an array but was: "text"$/);
  });
});

describe('Wait, Fail and Catch', () => {
  test('Seconds and Timestamp expressions move the virtual clock', async () => {
    const clock = createVirtualClock(Date.UTC(2025, 0, 1));
    const machine = compileDefinition(
      jsonata({
        S: { Type: 'Wait', Seconds: '{% $states.input.s %}', Next: 'T' },
        T: { Type: 'Wait', Timestamp: '{% $states.input.until %}', End: true },
      }),
    );
    const execution = createExecution(machine, { s: 30, until: '2025-01-01T01:00:00Z' }, {}, { clock });
    assert.equal((await execution.run()).status, 'SUCCEEDED');
    const exits = execution.history.filter((e) => e.type === 'WaitStateExited').map((e) => e.timestamp);
    assert.deepEqual(exits, [Date.UTC(2025, 0, 1, 0, 0, 30), Date.UTC(2025, 0, 1, 1)]);
  });

  test('a Timestamp that is not ISO-8601 fails with the recorded wording and location', async () => {
    const result = await runMachine(
      jsonata({ W: { Type: 'Wait', Timestamp: '{% $states.input %}', End: true } }),
      '2016-12-05T21:29:29',
    );
    assert.equal(result.error, 'States.QueryEvaluationError');
    assert.match(
      result.cause ?? '',
      /The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: 2016-12-05T21:29:29$/,
    );
  });

  test('Fail Error and Cause are evaluated', async () => {
    const result = await runMachine(
      jsonata({
        F: {
          Type: 'Fail',
          Error: "{% 'E.' & $states.input.kind %}",
          Cause: '{% $string($states.input.n) %}',
        },
      }),
      { kind: 'Late', n: 3 },
    );
    assert.deepEqual({ error: result.error, cause: result.cause }, { error: 'E.Late', cause: '3' });
  });

  test('a catcher hands on $states.errorOutput by default, or its own Output', async () => {
    const task = {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'After' }],
      End: true,
    };
    const plain = await runMachine(
      jsonata({ T: task, After: { Type: 'Pass', End: true } }),
      {},
      { taskRunner: failingRunner },
    );
    assert.deepEqual(plain.output, { Error: 'Boom', Cause: 'it broke' });
    const shaped = await runMachine(
      jsonata({
        T: {
          ...task,
          Catch: [{ ErrorEquals: ['States.ALL'], Output: '{% $states.errorOutput.Cause %}', Next: 'After' }],
        },
        After: { Type: 'Pass', End: true },
      }),
      {},
      { taskRunner: failingRunner },
    );
    assert.equal(shaped.output, 'it broke');
  });

  test('a failed expression is a States.QueryEvaluationError that States.ALL catches', async () => {
    const result = await runMachine(
      jsonata({
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Arguments: '{% $nothing %}',
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'After' }],
          End: true,
        },
        After: { Type: 'Pass', Output: '{% $states.input.Error %}', End: true },
      }),
      {},
      { taskRunner: echoRunner() },
    );
    assert.equal(result.output, 'States.QueryEvaluationError');
    assert.deepEqual(result.events.slice(0, 4), [
      'ExecutionStarted',
      'TaskStateEntered',
      'EvaluationFailed',
      'TaskStateExited',
    ]);
  });
});

describe('errors and results', () => {
  test('undefined, functions and thrown errors are reported with the expression and the field', async () => {
    const nothing = await runMachine(jsonataPass({ a: { b: '{% $states.input.none %}' } }));
    assert.match(
      nothing.cause ?? '',
      /The JSONata expression '\$states.input.none' specified for the field 'Output\/a\/b' returned nothing \(undefined\)\.$/,
    );
    const fn = await runMachine(jsonataPass('{% function($x) { $x } %}'));
    assert.match(fn.cause ?? '', /specified for the field 'Output' returned an unsupported result type\.$/);
    const threw = await runMachine(jsonataPass('{% $notAFunction(1) %}'));
    assert.match(
      threw.cause ?? '',
      /threw an error during evaluation. T1006: Attempted to invoke a non-function$/,
    );
  });

  test('$states.context is the context object; $states.errorOutput exists only in a Catch', async () => {
    const result = await runMachine(
      jsonataPass({
        name: '{% $states.context.Execution.Name %}',
        state: '{% $states.context.State.Name %}',
      }),
    );
    assert.deepEqual(result.output, { name: 'unit', state: 'P' });
    const outside = await runMachine(jsonataPass('{% $states.errorOutput %}'));
    assert.equal(outside.error, 'States.QueryEvaluationError');
  });
});

describe('Step Functions functions', () => {
  test('$partition, $range, $hash and $parse', async () => {
    const result = await runMachine(
      jsonataPass({
        partition: '{% $partition([1, 2, 3, 4, 5], 2) %}',
        range: '{% $range(0, 10, 5) %}',
        down: '{% $range(3, 1, -1) %}',
        hash: "{% $hash('abc', 'MD5') %}",
        parse: '{% $parse($states.input.text) %}',
      }),
      { text: '{"a":[1,true]}' },
    );
    assert.deepEqual(result.output, {
      partition: [[1, 2], [3, 4], [5]],
      range: [0, 5, 10],
      down: [3, 2, 1],
      hash: '900150983cd24fb0d6963f7d28e17f72',
      parse: { a: [1, true] },
    });
  });

  test('$uuid and $random read the ports; a seeded $random repeats; $now and $millis read the clock', async () => {
    const result = await runMachine(
      jsonataPass({
        id: '{% $uuid() %}',
        random: '{% $random() %}',
        same: '{% $random(42) = $random(42) %}',
        seeded: '{% $random(42) %}',
        now: '{% $now() %}',
        millis: '{% $millis() %}',
      }),
      {},
      { random: { next: () => 0.25 } },
    );
    const output = result.output;
    assert.ok(typeof output === 'object' && output !== null && !Array.isArray(output));
    assert.equal(output['id'], '00000000-0000-4000-8000-000000000001');
    assert.equal(output['random'], 0.25);
    assert.equal(output['same'], true);
    assert.ok(typeof output['seeded'] === 'number' && output['seeded'] >= 0 && output['seeded'] < 1);
    assert.equal(output['now'], '2025-01-01T00:00:00.000Z');
    assert.equal(output['millis'], Date.UTC(2025, 0, 1));
  });

  test('$eval is refused and bad arguments fail the state', async () => {
    const evaluated = await runMachine(jsonataPass("{% $eval('1 + 1') %}"));
    assert.match(evaluated.cause ?? '', /\$eval is not available in Step Functions; use \$parse/);
    const partition = await runMachine(jsonataPass('{% $partition([1], 0) %}'));
    assert.match(
      partition.cause ?? '',
      /\$partition expects a chunk size that is a whole number greater than 0/,
    );
    const deep = await runMachine(jsonataPass('{% $parse($states.input.text) %}'), {
      text: `${'['.repeat(5000)}${']'.repeat(5000)}`,
    });
    assert.equal(deep.error, 'States.QueryEvaluationError');
    assert.match(deep.cause ?? '', /\$parse could not read the text as JSON: .* more than 1,000 levels deep/);
    const range = await runMachine(jsonataPass('{% $range(0, 5000, 1) %}'));
    assert.match(range.cause ?? '', /at most 1000 are allowed/);
    const hash = await runMachine(jsonataPass("{% $hash('x', 'CRC32') %}"));
    assert.match(hash.cause ?? '', /does not support the algorithm 'CRC32'/);
  });
});

describe('budget and compilation', () => {
  test('an endless tail recursion is stopped by the time budget', async () => {
    const started = Date.now();
    const result = await runMachine(
      jsonataPass('{% ($loop := function($n) { $loop($n + 1) }; $loop(0)) %}'),
      {},
      {},
      { jsonataLimits: { timeoutMs: 100, maxDepth: 10_000 } },
    );
    assert.equal(result.error, 'States.QueryEvaluationError');
    assert.match(result.cause ?? '', /D1012/);
    assert.ok(Date.now() - started < 5_000);
  });

  test('a runaway recursion is stopped by the depth budget', async () => {
    const result = await runMachine(
      jsonataPass('{% ($deep := function($n) { 1 + $deep($n + 1) }; $deep(0)) %}'),
      {},
      {},
      { jsonataLimits: { timeoutMs: 5_000, maxDepth: 500 } },
    );
    assert.match(result.cause ?? '', /D1011/);
  });

  test('an unreadable expression is refused when the definition is compiled', () => {
    assert.throws(
      () => compileDefinition(jsonataPass('{% 1 + %}')),
      (error: unknown) => error instanceof DefinitionError && /State 'P' Output/.test(error.message),
    );
  });

  test('an expression written twice is compiled once per definition', () => {
    const machine = compileDefinition(
      jsonata({
        A: { Type: 'Pass', Output: '{% $states.input.a + 1 %}', Next: 'B' },
        B: { Type: 'Pass', Output: '{%  $states.input.a + 1  %}', End: true },
      }),
    );
    const outputs = ['A', 'B'].map((name) => {
      const state = machine.root.states.get(name);
      return state?.output?.kind === 'expression' ? state.output.expression.program : undefined;
    });
    assert.ok(outputs[0] !== undefined);
    assert.equal(outputs[0], outputs[1]);
  });

  test('plain references step synchronously; computed expressions need a promise', () => {
    const plain = createExecution(compileDefinition(jsonataPass({ v: '{% $states.input.a.b %}' })), {
      a: { b: 1 },
    });
    assert.equal(plain.step() instanceof Promise, false);
    const computed = createExecution(compileDefinition(jsonataPass('{% $states.input.a + 1 %}')), { a: 1 });
    assert.equal(computed.step() instanceof Promise, true);
  });
});
