import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileDefinition, createExecution, resumeExecution } from '../../../../server/src/engine';
import type { ExecutionState, JsonValue, TaskRunner } from '../../../../server/src/engine';
import { runMachine } from '../run';

function machine(
  states: { readonly [name: string]: JsonValue },
  extra: { readonly [key: string]: JsonValue } = {},
): JsonValue {
  return { StartAt: Object.keys(states)[0] ?? '', States: states, ...extra };
}

const pass = (fields: { readonly [key: string]: JsonValue }, next?: string): JsonValue => ({
  Type: 'Pass',
  ...fields,
  ...(next === undefined ? { End: true } : { Next: next }),
});

describe('when assignments take effect', () => {
  test("a state's paths read the values it was entered with; the next state reads the new ones", async () => {
    const result = await runMachine(
      machine({
        A: pass({ Assign: { x: 'old' } }, 'B'),
        B: pass({ Assign: { x: 'new' }, Parameters: { 'during.$': '$x' }, ResultPath: '$.b' }, 'C'),
        C: pass({ Parameters: { 'during.$': '$.b.during', 'after.$': '$x' } }),
      }),
    );
    assert.deepEqual(result.output, { during: 'old', after: 'new' });
  });

  test("JSONPath Assign reads the state's result: a Task's raw result, before ResultSelector", async () => {
    const runner: TaskRunner = { run: () => ({ kind: 'succeeded', output: { raw: 1, more: 2 } }) };
    const result = await runMachine(
      machine({
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          ResultSelector: { 'picked.$': '$.more' },
          Assign: { 'fromRaw.$': '$.raw' },
          Next: 'R',
        },
        R: pass({ Parameters: { 'fromRaw.$': '$fromRaw', 'output.$': '$' } }),
      }),
      {},
      { taskRunner: runner },
    );
    assert.deepEqual(result.output, { fromRaw: 1, output: { picked: 2 } });
  });

  test('a state that fails assigns nothing; its catcher assigns from the error output', async () => {
    const runner: TaskRunner = { run: () => ({ kind: 'failed', error: 'Nope', cause: 'no' }) };
    const result = await runMachine(
      machine({
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Assign: { succeeded: true },
          Catch: [{ ErrorEquals: ['States.ALL'], Assign: { 'why.$': '$.Error' }, Next: 'R' }],
          End: true,
        },
        R: {
          Type: 'Choice',
          Choices: [{ Variable: '$succeeded', IsPresent: true, Next: 'Bad' }],
          Default: 'Good',
        },
        Bad: pass({ Result: 'the failed Task assigned' }),
        Good: pass({ Parameters: { 'why.$': '$why' } }),
      }),
      {},
      { taskRunner: runner },
    );
    assert.deepEqual(result.output, { why: 'Nope' });
  });

  test('a Choice assigns the block of the rule it takes, or its own for the Default', async () => {
    const definition = machine({
      C: {
        Type: 'Choice',
        Choices: [{ Variable: '$.n', NumericGreaterThan: 0, Assign: { sign: 'positive' }, Next: 'R' }],
        Assign: { sign: 'other' },
        Default: 'R',
      },
      R: pass({ Parameters: { 'sign.$': '$sign' } }),
    });
    assert.deepEqual((await runMachine(definition, { n: 3 })).output, { sign: 'positive' });
    assert.deepEqual((await runMachine(definition, { n: -3 })).output, { sign: 'other' });
  });

  test('variables are readable in InputPath, ItemsPath, Choice, intrinsic calls and SecondsPath', async () => {
    const result = await runMachine(
      machine({
        A: pass({ Assign: { list: [1, 2], wait: 1, box: { v: 5 } } }, 'W'),
        W: { Type: 'Wait', SecondsPath: '$wait', Next: 'C' },
        C: { Type: 'Choice', Choices: [{ Variable: '$box.v', NumericEquals: 5, Next: 'M' }], Default: 'M' },
        M: {
          Type: 'Map',
          ItemsPath: '$list',
          ItemProcessor: {
            StartAt: 'Add',
            States: {
              Add: pass({ Parameters: { 'sum.$': 'States.MathAdd($, $box.v)' }, OutputPath: '$.sum' }),
            },
          },
          Next: 'I',
        },
        I: pass({ InputPath: '$box' }),
      }),
    );
    assert.deepEqual(result.output, { v: 5 });
  });
});

describe('scopes', () => {
  test('a branch reads outer variables; what it assigns stays in the branch', async () => {
    const result = await runMachine(
      machine({
        A: pass({ Assign: { outer: 1 } }, 'P'),
        P: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'Own',
              States: {
                Own: pass({ Assign: { inner: 2 } }, 'Read'),
                Read: pass({ Parameters: { 'o.$': '$outer', 'i.$': '$inner' } }),
              },
            },
            {
              StartAt: 'Sibling',
              States: {
                Sibling: {
                  Type: 'Choice',
                  Choices: [{ Variable: '$inner', IsPresent: true, Next: 'Saw' }],
                  Default: 'Blind',
                },
                Saw: pass({ Result: 'saw the sibling' }),
                Blind: pass({ Result: 'isolated' }),
              },
            },
          ],
          Next: 'After',
        },
        After: {
          Type: 'Choice',
          Choices: [{ Variable: '$inner', IsPresent: true, Next: 'Leaked' }],
          Default: 'Kept',
        },
        Leaked: pass({ Result: 'leaked' }),
        Kept: pass({}),
      }),
    );
    assert.deepEqual(result.output, [{ o: 1, i: 2 }, 'isolated']);
  });

  test('each Map iteration starts without the variables of the previous ones', async () => {
    const result = await runMachine(
      machine({
        M: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'Seen',
            States: {
              Seen: {
                Type: 'Choice',
                Choices: [{ Variable: '$seen', IsPresent: true, Next: 'Again' }],
                Default: 'First',
              },
              Again: pass({ Result: 'again' }),
              First: pass({ Assign: { seen: true }, Result: 'first' }),
            },
          },
          End: true,
        },
      }),
      [1, 2, 3],
    );
    assert.deepEqual(result.output, ['first', 'first', 'first']);
  });

  test('a branch cannot assign a variable of an outer scope', async () => {
    const result = await runMachine(
      machine({
        A: pass({ Assign: { count: 1 } }, 'P'),
        P: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'Bump', States: { Bump: pass({ Assign: { count: 2 } }) } }],
          End: true,
        },
      }),
    );
    assert.equal(result.error, 'States.Runtime');
    assert.match(result.cause ?? '', /cannot assign the variable 'count': it belongs to an outer scope/);
  });

  test("a distributed Map's iterations see no outer variables", async () => {
    const result = await runMachine(
      machine({
        A: pass({ Assign: { outer: 1 } }, 'M'),
        M: {
          Type: 'Map',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'Read',
            States: { Read: pass({ Parameters: { 'o.$': '$outer' } }) },
          },
          End: true,
        },
      }),
      [1],
    );
    assert.equal(result.status, 'FAILED');
    assert.match(result.cause ?? '', /\$outer/);
  });

  test('JSONata and JSONPath states share the variables', async () => {
    const result = await runMachine(
      machine({
        A: { Type: 'Pass', QueryLanguage: 'JSONata', Assign: { n: '{% 20 + 1 %}' }, Next: 'B' },
        B: pass({ Assign: { 'm.$': 'States.MathAdd($n, 1)' } }, 'C'),
        C: { Type: 'Pass', QueryLanguage: 'JSONata', Output: '{% [$n, $m] %}', End: true },
      }),
    );
    assert.deepEqual(result.output, [21, 22]);
  });
});

describe('limits and persistence', () => {
  test('an Assign block over 256 KiB fails the state with States.DataLimitExceeded', async () => {
    const big = 'x'.repeat(140_000);
    const result = await runMachine(machine({ A: pass({ Assign: { a: big, b: big } }) }));
    assert.equal(result.error, 'States.DataLimitExceeded');
    assert.match(result.cause ?? '', /more than the 262144 bytes one Assign may hold/);
    const fits = await runMachine(machine({ A: pass({ Assign: { a: big } }) }));
    assert.equal(fits.status, 'SUCCEEDED');
  });

  test('the variables of all scopes survive saving and resuming after any event', async () => {
    const definition = machine({
      A: pass({ Assign: { outer: 'o' } }, 'M'),
      M: {
        Type: 'Map',
        ItemProcessor: {
          StartAt: 'Own',
          States: {
            Own: pass({ Assign: { 'item.$': '$' } }, 'Use'),
            Use: pass({ Parameters: { 'item.$': '$item', 'outer.$': '$outer' } }),
          },
        },
        Assign: { 'all.$': '$' },
        Next: 'Z',
      },
      Z: pass({ Parameters: { 'all.$': '$all' } }),
    });
    const compiled = compileDefinition(definition);
    const reference = createExecution(compiled, [1, 2], { name: 'r' });
    const expected = await reference.run();
    assert.deepEqual(expected.output, {
      all: [
        { item: 1, outer: 'o' },
        { item: 2, outer: 'o' },
      ],
    });
    for (let cut = 1; cut < reference.history.length; cut++) {
      const first = createExecution(compiled, [1, 2], { name: 'r' });
      while (first.history.length < cut) await first.step();
      const saved = JSON.parse(JSON.stringify(first.state)) as ExecutionState;
      assert.deepEqual(await resumeExecution(compiled, saved).run(), expected, `resumed after event ${cut}`);
    }
  });
});
