import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as fc from 'fast-check';
import { exceedsPayloadLimit, PAYLOAD_LIMIT_BYTES } from '../../../server/src/engine/interpreter/size';
import type { JsonValue } from '../../../server/src/engine/json';

/** The reference: the UTF-8 bytes of the JSON text. */
function exceeds(value: JsonValue): boolean {
  return Buffer.byteLength(JSON.stringify(value), 'utf8') > PAYLOAD_LIMIT_BYTES;
}

/** A string whose JSON text (with its quotes) takes `bytes` UTF-8 bytes, in `char`s. */
function textOf(bytes: number, char: string): string {
  const per = Buffer.byteLength(char, 'utf8');
  return char.repeat(Math.floor((bytes - 2) / per)) + 'x'.repeat((bytes - 2) % per);
}

describe('the 256 KiB payload limit', () => {
  test('is exact at the boundary, in ASCII and in multi-byte text', () => {
    for (const char of ['a', 'é', '€', '\u{1F600}']) {
      assert.equal(exceedsPayloadLimit(textOf(PAYLOAD_LIMIT_BYTES, char)), false, char);
      assert.equal(exceedsPayloadLimit(textOf(PAYLOAD_LIMIT_BYTES + 1, char)), true, char);
    }
  });

  test('counts keys, escapes and structure like the JSON text', () => {
    const quotes = '"'.repeat(PAYLOAD_LIMIT_BYTES / 2 - 20);
    assert.equal(exceedsPayloadLimit({ quotes }), exceeds({ quotes }));
    const many = Array.from({ length: 30_000 }, (_, i) => ({ i }));
    assert.equal(exceedsPayloadLimit(many), exceeds(many));
    assert.equal(exceedsPayloadLimit(many.slice(0, 1000)), false);
  });

  test('agrees with the byte count of the JSON text on any value', () => {
    const big = fc.string({ minLength: 0, maxLength: 70_000, unit: 'grapheme' });
    const value = fc.letrec<{ json: JsonValue }>((tie) => ({
      json: fc.oneof(
        { depthSize: 'small' },
        fc.constant(null),
        fc.boolean(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        big,
        fc.array(tie('json'), { maxLength: 5 }),
        fc.dictionary(fc.string(), tie('json'), { maxKeys: 5 }),
      ),
    })).json;
    fc.assert(
      fc.property(value, (json) => {
        assert.equal(exceedsPayloadLimit(json), exceeds(json));
      }),
      { numRuns: 200 },
    );
  });
});
