import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseJsonPath } from '../../../../server/src/asl/paths';
import { evaluatePath, rootsOf } from '../../../../server/src/engine/jsonpath';

/** More elements than a spread call (`push(...array)`) can pass as arguments. */
const MANY = 200_000;

test(`a wildcard selects all ${MANY} elements of an array and all members of an object`, () => {
  const parsed = parseJsonPath('$.all[*]');
  assert.ok(parsed.ok);
  const numbers = Array.from({ length: MANY }, (_, i) => i);
  const fromArray = evaluatePath(parsed.path, rootsOf({ all: numbers }));
  assert.ok(Array.isArray(fromArray));
  assert.equal(fromArray.length, MANY);
  assert.equal(fromArray.at(-1), MANY - 1);
  const members = Object.fromEntries(numbers.map((n) => [`k${n}`, n]));
  const fromObject = evaluatePath(parsed.path, rootsOf({ all: members }));
  assert.ok(Array.isArray(fromObject));
  assert.equal(fromObject.length, MANY);
});
