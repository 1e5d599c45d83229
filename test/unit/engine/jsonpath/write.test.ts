import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseJsonPath } from '../../../../server/src/asl/paths';
import { StatesFailure } from '../../../../server/src/engine/errors';
import type { JsonValue } from '../../../../server/src/engine/json';
import { writeAtPath } from '../../../../server/src/engine/jsonpath';

function path(text: string) {
  const result = parseJsonPath(text);
  if (!result.ok) assert.fail(result.problem.message);
  return result.path;
}

test('"$" replaces the whole input', () => {
  assert.deepEqual(writeAtPath({ a: 1 }, path('$'), [1, 2]), [1, 2]);
});

test('writes a member, creating missing objects, without changing the input', () => {
  const input: JsonValue = { keep: { x: 1 }, a: { b: 1 } };
  const output = writeAtPath(input, path('$.a.c.d'), 'v');
  assert.deepEqual(output, { keep: { x: 1 }, a: { b: 1, c: { d: 'v' } } });
  assert.deepEqual(input, { keep: { x: 1 }, a: { b: 1 } });
});

test('replaces an existing member and an existing array item', () => {
  assert.deepEqual(writeAtPath({ a: { b: 1 } }, path('$.a.b'), null), { a: { b: null } });
  assert.deepEqual(writeAtPath({ a: [1, 2, 3] }, path('$.a[1]'), 'x'), { a: [1, 'x', 3] });
  assert.deepEqual(writeAtPath({ a: [{ b: 1 }] }, path('$.a[0].c'), 2), { a: [{ b: 1, c: 2 }] });
});

test('fails with States.ResultPathMatchFailure where the path cannot apply', () => {
  const failures: [JsonValue, string][] = [
    ['text', '$.a'],
    [{ a: 5 }, '$.a.b'],
    [{ a: [1] }, '$.a[3]'],
    [{ a: { b: 1 } }, '$.a[0]'],
    [{}, '$.a[*]'],
  ];
  for (const [input, text] of failures) {
    assert.throws(
      () => writeAtPath(input, path(text), 1),
      (error: unknown) =>
        error instanceof StatesFailure &&
        error.statesError.error === 'States.ResultPathMatchFailure' &&
        error.statesError.cause ===
          `Unable to apply ReferencePath ${text} to input ${JSON.stringify(JSON.stringify(input))}`,
      text,
    );
  }
});
