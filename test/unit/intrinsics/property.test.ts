import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  checkIntrinsicCall,
  checkPayloadExpression,
  parseIntrinsic,
} from '../../../server/src/asl/intrinsics';

const pieces = [
  'States.',
  'Format',
  'MathAdd',
  'Array',
  '(',
  ')',
  ',',
  ' ',
  "'",
  '\\',
  '{}',
  '$',
  '$$',
  '.a',
  '[0]',
  '[?(@.x > 1)]',
  '1',
  '-2.5',
  'true',
  'null',
  'x',
];

const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 16 }).map((parts) => parts.join(''));

test('parsing and checking never throw, and every problem lies inside the text', () => {
  fc.assert(
    fc.property(fc.oneof(texts, fc.string({ maxLength: 30 })), fc.nat(50), (text, base) => {
      const checked = checkPayloadExpression(text, base);
      for (const problem of checked.problems) {
        assert.ok(problem.offset >= base && problem.length >= 1, JSON.stringify(problem));
        assert.ok(problem.offset <= base + Math.max(text.length, 1), JSON.stringify(problem));
      }
      const parsed = parseIntrinsic(text, base);
      if (parsed.ok) {
        assert.equal(parsed.call.offset, base);
        checkIntrinsicCall(parsed.call);
      }
    }),
    { numRuns: 3000, seed: 20261127 },
  );
});
