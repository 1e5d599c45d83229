import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseJsonPath } from '../../../../server/src/asl/paths';
import type { JsonValue } from '../../../../server/src/engine/json';
import type { PathRoots } from '../../../../server/src/engine/jsonpath';
import { StatesFailure } from '../../../../server/src/engine/errors';
import {
  evaluatePath,
  explainMissing,
  requirePath,
  rootsOf,
  selectMatches,
} from '../../../../server/src/engine/jsonpath';

const shop: JsonValue = {
  name: 'corner shop',
  items: [
    { sku: 'a1', price: 4, tags: ['new'] },
    { sku: 'b2', price: 12, stock: 0 },
    { sku: 'c3', price: 9.5, tags: [] },
    'not an object',
  ],
  owner: { name: 'Ana', address: { city: 'Porto' } },
  'detail-type': 'x',
  limit: 10,
};

const roots: PathRoots = rootsOf(shop, { Execution: { Id: 'exec-1' } }, { greeting: { text: 'hi' } });

function path(text: string) {
  const result = parseJsonPath(text);
  if (!result.ok) assert.fail(result.problem.message);
  return result.path;
}

describe('definite paths return the node itself', () => {
  const cases: [string, JsonValue | undefined][] = [
    ['$', shop],
    ['$.name', 'corner shop'],
    ['$.owner.address.city', 'Porto'],
    ['$.items[1].price', 12],
    ['$.items[-1]', 'not an object'],
    ["$['detail-type']", 'x'],
    ['$.detail-type', 'x'],
    ['$$.Execution.Id', 'exec-1'],
    ['$greeting.text', 'hi'],
    ['$.items[1].stock', 0],
    ['$.missing', undefined],
    ['$.owner.missing.city', undefined],
    ['$.items[10]', undefined],
    ['$.name.length', undefined],
    ['$nobody', undefined],
  ];
  for (const [text, expected] of cases) {
    test(text, () => assert.deepEqual(evaluatePath(path(text), roots), expected));
  }
});

describe('indefinite paths return the list of matches', () => {
  const cases: [string, JsonValue[]][] = [
    ['$.items[*].sku', ['a1', 'b2', 'c3']],
    ['$.owner.*', ['Ana', { city: 'Porto' }]],
    ['$..city', ['Porto']],
    ['$..name', ['corner shop', 'Ana']],
    ['$.items[0:2].sku', ['a1', 'b2']],
    ['$.items[-2:].sku', ['c3']],
    ['$.items[::2].sku', ['a1', 'c3']],
    ['$.items[::-1].sku', ['c3', 'b2', 'a1']],
    ['$.items[0,2].sku', ['a1', 'c3']],
    ["$.owner['name','nope']", ['Ana']],
    ['$.items[?(@.price < 10)].sku', ['a1', 'c3']],
    ['$.items[?(@.price >= 9.5 && @.price <= 12)].sku', ['b2', 'c3']],
    ['$.items[?(@.price < 5 || @.price > 10)].sku', ['a1', 'b2']],
    ['$.items[?(!(@.price < 10))].sku', ['b2']],
    ['$.items[?(@.tags)].sku', ['a1', 'c3']],
    ['$.items[?(!@.tags)].sku', ['b2']],
    ["$.items[?(@.sku == 'b2')].price", [12]],
    ["$.items[?(@.sku != 'b2')].sku", ['a1', 'c3']],
    ['$.items[?(@.stock == 0)].sku', ['b2']],
    ['$.items[?(@.price < $.limit)].sku', ['a1', 'c3']],
    ["$.items[?(@.sku > 'a9')].sku", ['b2', 'c3']],
    ['$.items[?(@.price == "4")].sku', []],
    ['$.missing[*]', []],
    ['$..tags[0]', ['new']],
  ];
  for (const [text, expected] of cases) {
    test(text, () => {
      assert.deepEqual(evaluatePath(path(text), roots), expected);
      assert.deepEqual(selectMatches(path(text), roots), expected);
    });
  }
});

test('the context object may be built on demand, only when a path reads it', () => {
  let built = 0;
  const lazy = rootsOf({ a: 1 }, () => {
    built++;
    return { State: { Name: 'S' } };
  });
  assert.equal(evaluatePath(path('$.a'), lazy), 1);
  assert.equal(built, 0);
  assert.equal(evaluatePath(path('$$.State.Name'), lazy), 'S');
  assert.equal(built, 1);
});

describe('why a definite path found nothing, worded as AWS words it', () => {
  // Recorded: OutputPath "$.no.such.result.path" over {} → "Missing property in path $['no']";
  // TimeoutSecondsPath "$.NoSuchTimeoutSecondsPath" → "No results for path: $['NoSuchTimeoutSecondsPath']".
  const cases: [string, JsonValue, string][] = [
    ['$.no.such.result.path', {}, "Missing property in path $['no']"],
    ['$.NoSuchTimeoutSecondsPath', {}, "No results for path: $['NoSuchTimeoutSecondsPath']"],
    ['$.a.b', { a: {} }, "No results for path: $['a']['b']"],
    ['$.a.b.c', { a: {} }, "Missing property in path $['a']['b']"],
    ['$.a[3]', { a: [1] }, "No results for path: $['a'][3]"],
    [
      '$.a.b',
      { a: 'text' },
      "Expected to find an object with property ['b'] in path $['a'] but found 'string'",
    ],
  ];
  for (const [text, input, reason] of cases) {
    test(text, () => {
      assert.equal(evaluatePath(path(text), rootsOf(input)), undefined);
      assert.equal(explainMissing(path(text), rootsOf(input)), reason);
    });
  }
});

test('requirePath returns what a path finds and fails with the recorded States.Runtime cause otherwise', () => {
  assert.deepEqual(requirePath(path('$.owner.address'), roots), { city: 'Porto' });
  assert.deepEqual(requirePath(path('$.items[?(@.price > 100)]'), roots), []);
  assert.throws(
    () => requirePath(path('$.no.such.result.path'), rootsOf({})),
    (error: unknown) =>
      error instanceof StatesFailure &&
      error.statesError.error === 'States.Runtime' &&
      error.statesError.cause === "Invalid path '$.no.such.result.path' : Missing property in path $['no']",
  );
});
