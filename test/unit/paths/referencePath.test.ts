import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkReferencePath, isReferencePath, parseJsonPath } from '../../../server/src/asl/paths';

function check(text: string): ReturnType<typeof checkReferencePath> {
  const result = parseJsonPath(text);
  if (!result.ok) assert.fail(result.problem.message);
  return checkReferencePath(result.path);
}

test('names and non-negative indexes make reference paths', () => {
  for (const text of ['$', '$.a', "$.a['b c'][0]", '$$.Execution.Input', '$var.x[2]']) {
    assert.equal(check(text), undefined, text);
  }
});

test('every indefinite step is refused, at its position', () => {
  const refused: [string, number, number, RegExp][] = [
    ['$.a[*]', 3, 3, /every member/],
    ['$.a.*', 3, 2, /every member/],
    ['$..a', 1, 3, /any depth/],
    ['$.a[1:2]', 3, 5, /range/],
    ["$['a','b']", 1, 9, /several/],
    ['$.a[?(@.x)]', 3, 8, /filter/],
    ['$.a[-1]', 3, 4, /negative/],
  ];
  for (const [text, offset, length, message] of refused) {
    const problem = check(text);
    assert.ok(problem !== undefined, text);
    assert.match(problem.message, message, text);
    assert.deepEqual([problem.offset, problem.length], [offset, length], text);
  }
});

test('isReferencePath agrees with the check', () => {
  const ok = parseJsonPath('$.a.b');
  const bad = parseJsonPath('$.a[*]');
  assert.ok(ok.ok && bad.ok);
  assert.equal(isReferencePath(ok.path), true);
  assert.equal(isReferencePath(bad.path), false);
});
