import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  compileDefinition,
  counterIds,
  createExecution,
  createVirtualClock,
  type ExecutionResult,
  type JsonValue,
} from '../../../server/src/engine';
import type { ExecutionState } from '../../../server/src/engine/state';
import { MAX_JSON_DEPTH, nestsTooDeep } from '../../../server/src/engine/json';
import { runMachine } from './run';

/**
 * Values that grow deeper on every pass of a loop: each state's computed values are held to
 * MAX_JSON_DEPTH, so the execution fails with a States error instead of overflowing the stack
 * (JSON.stringify of the saved state gives up at some 4,500 levels).
 */

/** A loop of `body` and a Choice on `$.n` (or `$n`) up to `passes`, as EXPRESS. */
function loop(
  body: JsonValue,
  passes: number,
  variable = '$.n',
): { StartAt: string; States: { [name: string]: JsonValue } } {
  return {
    StartAt: 'Grow',
    States: {
      Grow: body,
      Again: {
        Type: 'Choice',
        Choices: [{ Variable: variable, NumericLessThan: passes, Next: 'Grow' }],
        Default: 'Done',
      },
      Done: { Type: 'Succeed' },
    },
  };
}

/** The loop with an Init state first that sets the variables n (the counter) and v to 0 and 1. */
function counted(machine: ReturnType<typeof loop>): JsonValue {
  const init = { Type: 'Pass', Assign: { n: 0, v: 1 }, Next: machine.StartAt };
  return { StartAt: 'Init', States: { Init: init, ...machine.States } };
}

function nested(depth: number): JsonValue {
  let value: JsonValue = 1;
  for (let i = 0; i < depth; i++) value = { w: value };
  return value;
}

/** Runs to the end as EXPRESS; `check` sees every event from the `from`-th one on. */
async function runFrom(
  definition: JsonValue,
  input: JsonValue,
  from: number,
  check: (state: ExecutionState) => void,
): Promise<ExecutionResult> {
  const execution = createExecution(
    compileDefinition(definition),
    input,
    { name: 'depth', workflowType: 'EXPRESS' },
    { clock: createVirtualClock(Date.UTC(2025, 0, 1)), ids: counterIds() },
  );
  for (;;) {
    let next = execution.step();
    if (next instanceof Promise) next = await next;
    if (execution.history.length >= from) check(execution.state);
    if (next === undefined) break;
  }
  const result = execution.result;
  assert.ok(result !== undefined);
  return result;
}

/**
 * Runs to the end, then again writing what the store saves after each of the last events (the
 * event, the frames, the variables) as JSON: the values are deepest there, around the failure.
 */
async function runSaving(definition: JsonValue, input: JsonValue): Promise<ExecutionResult> {
  let events = 0;
  await runFrom(definition, input, 0, (state) => (events = state.history.length));
  return runFrom(definition, input, events - 40, ({ history, frames, variables }) => {
    assert.doesNotThrow(() => JSON.stringify([history.at(-1), frames, variables]), 'saved after every event');
  });
}

describe(`values stay within ${MAX_JSON_DEPTH} levels`, () => {
  test('nestsTooDeep counts levels of arrays and objects, and stops past the limit', () => {
    assert.equal(nestsTooDeep(nested(MAX_JSON_DEPTH)), false);
    assert.equal(nestsTooDeep(nested(MAX_JSON_DEPTH + 1)), true);
    assert.equal(nestsTooDeep([1, [2, nested(MAX_JSON_DEPTH - 1)]]), true);
    assert.equal(nestsTooDeep([1, [2, nested(MAX_JSON_DEPTH - 2)]]), false);
    // Far deeper than the stack allows a recursive walk: the check still answers.
    assert.equal(nestsTooDeep(nested(200_000)), true);
  });

  test('a Parameters template that wraps the input again on every pass fails the state', async () => {
    const grow = {
      Type: 'Pass',
      Parameters: { 'n.$': 'States.MathAdd($.n, 1)', v: { 'w.$': '$.v' } },
      Next: 'Again',
    };
    const result = await runSaving(loop(grow, 1100), { n: 0, v: 1 });
    assert.equal(result.status, 'FAILED');
    assert.equal(result.error, 'States.Runtime');
    assert.match(
      result.cause ?? '',
      /^An error occurred while executing the state 'Grow' .*The state's output nests arrays and objects more than 1,000 levels deep/,
    );
    // Below the limit the same loop succeeds.
    assert.equal((await runSaving(loop(grow, 900), { n: 0, v: 1 })).status, 'SUCCEEDED');
  });

  test('a ResultPath that puts the input inside itself on every pass fails the same way', async () => {
    // No Parameters: the result is the input, and ResultPath $.v nests it one level deeper.
    const grow = {
      Type: 'Pass',
      ResultPath: '$.v',
      Assign: { 'n.$': 'States.MathAdd($n, 1)' },
      Next: 'Again',
    };
    const result = await runSaving(counted(loop(grow, 1100, '$n')), {});
    assert.equal(result.error, 'States.Runtime');
    assert.match(
      result.cause ?? '',
      /The state's output nests arrays and objects more than 1,000 levels deep/,
    );
  });

  test('a variable assigned from itself, one level deeper each time, fails the assigning state', async () => {
    const grow = {
      Type: 'Pass',
      Assign: { v: { 'w.$': '$v' }, 'n.$': 'States.MathAdd($n, 1)' },
      Next: 'Again',
    };
    const definition = counted(loop(grow, 1100, '$n'));
    const result = await runSaving(definition, {});
    assert.equal(result.error, 'States.Runtime');
    assert.match(result.cause ?? '', /The variable 'v' nests arrays and objects more than 1,000 levels deep/);
  });

  test('JSONata: a deep result is a States.QueryEvaluationError; growth through direct reads is caught too', async () => {
    const recursive = await runMachine({
      QueryLanguage: 'JSONata',
      StartAt: 'P',
      States: {
        P: {
          Type: 'Pass',
          Output: "{% ($f := function($n){ $n = 0 ? 1 : {'a': $f($n - 1)} }; $f(1500)) %}",
          End: true,
        },
      },
    });
    assert.equal(recursive.error, 'States.QueryEvaluationError');
    assert.match(recursive.cause ?? '', /returned a value nested more than 1,000 levels deep/);
    const growing = await runSaving(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'Grow',
        States: {
          Grow: {
            Type: 'Pass',
            Output: { n: '{% $states.input.n + 1 %}', v: { w: '{% $states.input.v %}' } },
            Next: 'Again',
          },
          Again: {
            Type: 'Choice',
            Choices: [{ Condition: '{% $states.input.n < 1100 %}', Next: 'Grow' }],
            Default: 'Done',
          },
          Done: { Type: 'Succeed' },
        },
      },
      { n: 0, v: 1 },
    );
    assert.equal(growing.error, 'States.Runtime');
    assert.match(
      growing.cause ?? '',
      /The state's output nests arrays and objects more than 1,000 levels deep/,
    );
  });
});
