import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { closest, editDistance } from '../../../server/src/asl/schema/suggest';

describe('suggestions for misspelt names', () => {
  test('edit distance counts insertions, deletions, substitutions and swaps', () => {
    assert.equal(editDistance('next', 'next'), 0);
    assert.equal(editDistance('nxt', 'next'), 1);
    assert.equal(editDistance('nexts', 'next'), 1);
    assert.equal(editDistance('nezt', 'next'), 1);
    assert.equal(editDistance('netx', 'next'), 1);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });

  test('the closest candidate within a third of the word wins', () => {
    const fields = ['Next', 'End', 'Type', 'TimeoutSeconds', 'TimeoutSecondsPath'];
    assert.equal(closest('Nxt', fields), 'Next');
    assert.equal(closest('next', fields), 'Next');
    assert.equal(closest('TimeoutSecond', fields), 'TimeoutSeconds');
    assert.equal(closest('Bogus', fields), undefined);
  });

  test('a word that starts a candidate suggests the shortest such candidate', () => {
    assert.equal(closest('Role', ['RoleArn', 'RoleArn.$']), 'RoleArn');
    assert.equal(closest('Pa', ['Pass', 'Parallel', 'Map']), 'Pass');
    assert.equal(closest('P', ['Pass']), undefined);
  });

  test('the word itself is never suggested', () => {
    assert.equal(closest('Next', ['Next']), undefined);
  });
});
