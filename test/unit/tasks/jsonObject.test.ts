import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as fc from 'fast-check';
import { toJsonValue } from '../../../server/src/engine/json';

/** What Lambda does to a handler's return: JSON text and back. */
function roundTrip(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? null : JSON.parse(text);
}

class Money {
  constructor(readonly cents: number) {}
}

/** Values a handler may return, plain and not: what JSON.stringify transforms is mixed in. */
const returned = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(
      null,
      undefined,
      true,
      false,
      0,
      -0,
      1.5,
      -7,
      Number.NaN,
      Infinity,
      '',
      'é\u{1F600}\uD800',
    ),
    fc.string(),
    fc.double(),
    fc.constant(new Date(Date.UTC(2025, 0, 2))),
    fc.constant({ toJSON: () => 'custom' }),
    fc.constant(new Money(250)),
    fc.constant(() => 1),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('toJsonValue (a handler’s return as Lambda serializes it)', () => {
  test('gives exactly what the JSON text round trip gives', () => {
    fc.assert(
      fc.property(returned, (value) => {
        assert.deepEqual(toJsonValue(value), roundTrip(value));
      }),
      { numRuns: 500 },
    );
  });

  test('copies: changing the returned value afterwards changes nothing', () => {
    const value = { list: [{ n: 1 }], nested: { deep: true } };
    const copy = toJsonValue(value);
    value.list[0]!.n = 2;
    value.nested.deep = false;
    assert.deepEqual(copy, { list: [{ n: 1 }], nested: { deep: true } });
  });

  test('a "__proto__" key stays an ordinary member', () => {
    const value: unknown = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
    const copy = toJsonValue(value);
    assert.deepEqual(copy, roundTrip(value));
    assert.equal(Object.getPrototypeOf(copy), Object.prototype);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  test('arrays with holes and sparse members read as JSON writes them', () => {
    const holes = [1, , 3]; // eslint-disable-line no-sparse-arrays
    assert.deepEqual(toJsonValue(holes), [1, null, 3]);
    assert.deepEqual(toJsonValue({ a: undefined, b: [undefined] }), { b: [null] });
  });

  test('a cycle is still the TypeError JSON.stringify throws', () => {
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    assert.throws(() => toJsonValue(cycle), TypeError);
  });
});
