import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  isJsonObject,
  isJsonValue,
  JsonTooDeep,
  MAX_JSON_DEPTH,
  parseJson,
} from '../../../server/src/engine/json';

/** Whether parseJson refuses the text (a number JSON.parse would read as ±Infinity). */
function refuses(text: string): boolean {
  try {
    parseJson(text);
    return false;
  } catch (error) {
    if (error instanceof SyntaxError) return true;
    throw error;
  }
}

describe('parseJson', () => {
  test('refuses numbers beyond the double range, wherever they are', () => {
    assert.equal(refuses('1e400'), true);
    assert.equal(refuses('{"a": [1, -1E+309]}'), true);
    assert.equal(refuses(`[${'9'.repeat(310)}]`), true);
    // 250 digits and an exponent of two digits: 1e348.
    assert.equal(refuses(`{"n": 1${'0'.repeat(249)}e99}`), true);
  });

  test('reads everything else as JSON.parse does', () => {
    assert.deepEqual(parseJson('[1e308, -1.7976931348623157e308, 1e-400, "1e999"]'), [
      1e308,
      -1.7976931348623157e308,
      0,
      '1e999',
    ]);
    assert.deepEqual(parseJson(`[${'9'.repeat(150)}e10]`), [Number(`${'9'.repeat(150)}e10`)]);
    assert.throws(() => parseJson('{"a": }'), SyntaxError);
  });

  test(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels, whatever the brackets inside strings`, () => {
    const nest = (depth: number, open: string, close: string) =>
      `${open.repeat(depth)}1${close.repeat(depth)}`;
    assert.throws(() => parseJson(nest(MAX_JSON_DEPTH + 1, '[', ']')), JsonTooDeep);
    assert.throws(() => parseJson(nest(MAX_JSON_DEPTH + 1, '{"a":', '}')), JsonTooDeep);
    assert.throws(
      () =>
        parseJson(
          `[${nest(MAX_JSON_DEPTH / 2, '[', ']')}, ${nest(MAX_JSON_DEPTH / 2, '{"k":', '}')}, ${nest(MAX_JSON_DEPTH, '[', ']')}]`,
        ),
      JsonTooDeep,
    );
    // At the limit, side by side, or with brackets (and escaped quotes) inside strings: read as usual.
    assert.ok(Array.isArray(parseJson(nest(MAX_JSON_DEPTH, '[', ']'))));
    const wide = `[${Array(3)
      .fill(nest(MAX_JSON_DEPTH - 1, '[', ']'))
      .join(',')}]`;
    assert.equal((parseJson(wide) as unknown[]).length, 3);
    // A string holding an escaped quote and then many brackets: none of them nests anything.
    const brackets = '['.repeat(2500);
    const quoted = JSON.stringify({ s: `\\"${brackets}`, t: ['{'.repeat(2500)] });
    const read = parseJson(quoted);
    assert.ok(isJsonObject(read) && read['s'] === `\\"${brackets}`, 'the string is read whole');
  });

  test('refuses a text exactly when JSON.parse would give a number that is not finite', () => {
    const digits = (min: number, max: number) =>
      fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));
    const number = fc
      .tuple(
        fc.constantFrom('', '-'),
        fc.oneof(digits(1, 3), digits(150, 320)),
        fc.option(digits(1, 5), { nil: undefined }),
        fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), digits(1, 4)), {
          nil: undefined,
        }),
      )
      .map(([sign, whole, fraction, exponent]) => {
        const integer = whole.replace(/^0+(?=\d)/, '') || '0';
        const dot = fraction === undefined ? '' : `.${fraction}`;
        const exp = exponent === undefined ? '' : exponent.join('');
        return `${sign}${integer}${dot}${exp}`;
      });
    fc.assert(
      fc.property(fc.array(number, { maxLength: 4 }), (numbers) => {
        const text = `{"values": [${numbers.join(', ')}]}`;
        assert.equal(refuses(text), !isJsonValue(JSON.parse(text)), text);
      }),
      { numRuns: 500, seed: 5 },
    );
  });
});
