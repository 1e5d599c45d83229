import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileDefinition, createExecution } from '../../../server/src/engine';
import { evaluateText, isTruthy, languageOf } from '../../../server/src/debug/expressions';

test('JSONPath and intrinsics where the text reads as one, JSONata otherwise', () => {
  assert.deepEqual(languageOf('$.amount'), { language: 'JSONPath', source: '$.amount' });
  assert.deepEqual(languageOf('$$.State.Name'), { language: 'JSONPath', source: '$$.State.Name' });
  assert.deepEqual(languageOf('States.ArrayLength($.items)'), {
    language: 'JSONPath',
    source: 'States.ArrayLength($.items)',
  });
  assert.deepEqual(languageOf('$.amount > 100'), { language: 'JSONata', source: '$.amount > 100' });
  assert.deepEqual(languageOf('$states.input.amount'), {
    language: 'JSONata',
    source: '$states.input.amount',
  });
  assert.deepEqual(languageOf('{% $sum($.items) %}'), { language: 'JSONata', source: '$sum($.items)' });
  assert.deepEqual(languageOf('amount * 2'), { language: 'JSONata', source: 'amount * 2' });
});

test('expressions evaluate over a state input with its variables and context, through the engine', async () => {
  const machine = compileDefinition({
    StartAt: 'Set',
    States: {
      Set: { Type: 'Pass', Assign: { total: 42 }, Next: 'Use' },
      Use: { Type: 'Pass', End: true },
    },
  });
  const execution = createExecution(machine, { amount: 150, items: [1, 2, 3] });
  for (let i = 0; i < 3; i++) void execution.step(); // Set entered and exited, Use entered: all synchronous
  const input = execution.state.frames[0]?.input ?? null;
  const evaluate = (text: string) => evaluateText(machine, execution.state, 0, text, input);
  assert.deepEqual(await evaluate('$.amount'), { ok: true, value: 150 });
  assert.deepEqual(await evaluate('$$.State.Name'), { ok: true, value: 'Use' });
  assert.deepEqual(await evaluate('$total'), { ok: true, value: 42 });
  assert.deepEqual(await evaluate('States.ArrayLength($.items)'), { ok: true, value: 3 });
  assert.deepEqual(await evaluate('$sum($.items) + $total'), { ok: true, value: 48 });
  assert.equal(isTruthy(await evaluate('$.amount > 100')), true);
  assert.equal(isTruthy(await evaluate('$.amount > 200')), false);
  assert.equal(isTruthy(await evaluate('$.missing')), false, 'a path that finds nothing does not hold');
  const broken = await evaluate('$.items[');
  assert.equal(broken.ok, false);
});
