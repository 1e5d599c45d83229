import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHitCondition } from '../../../server/src/debug/hitCondition';

function hitsThatStop(text: string): number[] {
  const parsed = parseHitCondition(text);
  assert.equal(parsed.kind, 'ok', text);
  return parsed.kind === 'ok' ? [1, 2, 3, 4, 5, 6].filter(parsed.test) : [];
}

test('hit count conditions', () => {
  assert.deepEqual(hitsThatStop('3'), [3, 4, 5, 6]);
  assert.deepEqual(hitsThatStop('>=3'), [3, 4, 5, 6]);
  assert.deepEqual(hitsThatStop('==3'), [3]);
  assert.deepEqual(hitsThatStop('=3'), [3]);
  assert.deepEqual(hitsThatStop('>4'), [5, 6]);
  assert.deepEqual(hitsThatStop('<3'), [1, 2]);
  assert.deepEqual(hitsThatStop('<= 2'), [1, 2]);
  assert.deepEqual(hitsThatStop('%2'), [2, 4, 6]);
});

test('hit count conditions that cannot be read are refused with a message', () => {
  for (const text of ['abc', '>=', '%0', '3 times']) {
    const parsed = parseHitCondition(text);
    assert.equal(parsed.kind, 'invalid', text);
  }
});
