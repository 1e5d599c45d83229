import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPayloadExpression } from '../../../server/src/asl/intrinsics';

test('sound expressions of each kind carry their parse and no problems', () => {
  const path = checkPayloadExpression('$.a.b');
  assert.equal(path.kind, 'path');
  assert.deepEqual(path.path?.steps, ['a', 'b']);
  assert.deepEqual(path.problems, []);
  assert.equal(checkPayloadExpression('$$.Map.Item.Value').kind, 'context-path');
  assert.equal(checkPayloadExpression('$total').kind, 'variable-path');
  const call = checkPayloadExpression('States.UUID()');
  assert.equal(call.kind, 'intrinsic');
  assert.equal(call.call?.name, 'States.UUID');
  assert.deepEqual(call.problems, []);
});

test('problems come back at document offsets', () => {
  const base = 40;
  const cases: [string, number, RegExp][] = [
    ['hello', 40, /takes a path/],
    ['$.a b', 43, /bracket notation/],
    ["States.Format('{}')", 54, /1 \{\} placeholder but 0 values follow/],
    ['States.Array(', 52, /never closed/],
    ['States.Nope()', 40, /not an intrinsic function/],
  ];
  for (const [text, offset, message] of cases) {
    const [problem] = checkPayloadExpression(text, base).problems;
    assert.ok(problem !== undefined, text);
    assert.equal(problem.offset, offset, text);
    assert.match(problem.message, message, text);
  }
});
