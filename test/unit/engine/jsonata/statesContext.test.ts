import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createExpressionCompiler } from '../../../../server/src/engine/jsonata/expression';
import { jsonataPass, runMachine } from '../run';

const compile = createExpressionCompiler();
const readsContext = (expression: string) => compile(`{% ${expression} %}`, 'The test').readsContext;

describe('$states.context is built only for the expressions that may read it', () => {
  test('the input, result and error output alone do not need it', () => {
    assert.equal(readsContext('$states.input.i + 1'), false);
    assert.equal(readsContext('$states.result.total > $states.input . limit'), false);
    assert.equal(readsContext('$states.errorOutput.Error & $count($states.input.items)'), false);
    assert.equal(readsContext('$total * 2'), false);
  });

  test('any other way to reach $states needs it', () => {
    assert.equal(readsContext('$states.context.Execution.Id'), true);
    assert.equal(readsContext('$states . context.State.Name'), true);
    assert.equal(readsContext('$keys($states)'), true);
    assert.equal(readsContext('$states.input.a & $string($states)'), true);
    assert.equal(readsContext('($s := $states; $s.context.State.Name)'), true);
    assert.equal(readsContext('$states.inputs'), true);
  });

  test('an expression that reads it sees it, after one of the same state that did not', async () => {
    const result = await runMachine(
      jsonataPass({
        first: '{% $states.input.n %}',
        name: '{% $states.context.State.Name %}',
        keys: '{% $keys($states) %}',
      }),
      { n: 1 },
    );
    assert.deepEqual(result.output, { first: 1, name: 'P', keys: ['input', 'context'] });
  });
});
