import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkIntrinsicCall,
  FAIL_PATH_INTRINSICS,
  INTRINSIC_FUNCTIONS,
  intrinsicFunction,
  parameterAt,
  parseIntrinsic,
} from '../../../server/src/asl/intrinsics';

const NAMES = [
  'States.Format',
  'States.StringToJson',
  'States.JsonToString',
  'States.Array',
  'States.ArrayPartition',
  'States.ArrayContains',
  'States.ArrayRange',
  'States.ArrayGetItem',
  'States.ArrayLength',
  'States.ArrayUnique',
  'States.Base64Encode',
  'States.Base64Decode',
  'States.Hash',
  'States.JsonMerge',
  'States.MathRandom',
  'States.MathAdd',
  'States.StringSplit',
  'States.UUID',
];

test('the catalogue holds exactly the 18 functions', () => {
  assert.deepEqual(INTRINSIC_FUNCTIONS.map((fn) => fn.name).sort(), [...NAMES].sort());
});

test('arities as AWS defines them', () => {
  const arity = (name: string): [number, number] => {
    const fn = intrinsicFunction(name);
    assert.ok(fn !== undefined, name);
    return [fn.minArgs, fn.maxArgs];
  };
  assert.deepEqual(arity('States.Format'), [1, Infinity]);
  assert.deepEqual(arity('States.Array'), [0, Infinity]);
  assert.deepEqual(arity('States.MathRandom'), [2, 3]);
  assert.deepEqual(arity('States.JsonMerge'), [3, 3]);
  assert.deepEqual(arity('States.ArrayRange'), [3, 3]);
  assert.deepEqual(arity('States.UUID'), [0, 0]);
  assert.deepEqual(arity('States.Hash'), [2, 2]);
});

test('every entry documents itself, and its example passes the checker', () => {
  for (const fn of INTRINSIC_FUNCTIONS) {
    assert.ok(fn.signature.startsWith(`${fn.name}(`), fn.name);
    assert.ok(fn.description.endsWith('.'), fn.name);
    const parsed = parseIntrinsic(fn.example);
    assert.ok(parsed.ok, fn.example);
    assert.equal(parsed.call.name, fn.name);
    assert.deepEqual(checkIntrinsicCall(parsed.call), [], fn.example);
  }
});

test('signatures show optional and variadic parameters', () => {
  assert.equal(
    intrinsicFunction('States.MathRandom')?.signature,
    'States.MathRandom(start: integer, end: integer, seed?: integer): integer',
  );
  assert.equal(
    intrinsicFunction('States.Format')?.signature,
    'States.Format(template: string, ...values: JSON[]): string',
  );
});

test('parameterAt binds extra arguments to the variadic parameter', () => {
  const format = intrinsicFunction('States.Format');
  const add = intrinsicFunction('States.MathAdd');
  assert.ok(format !== undefined && add !== undefined);
  assert.equal(parameterAt(format, 5)?.name, 'values');
  assert.equal(parameterAt(add, 2), undefined);
});

test('the intrinsics allowed in ErrorPath/CausePath all exist', () => {
  assert.equal(FAIL_PATH_INTRINSICS.length, 7);
  for (const name of FAIL_PATH_INTRINSICS) assert.ok(intrinsicFunction(name) !== undefined, name);
});
