import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closestName, closestNames, levenshtein } from '../../../server/src/asl/levenshtein';

describe('levenshtein', () => {
  it('counts insertions, deletions and substitutions', () => {
    assert.equal(levenshtein('kitten', 'sitting'), 3);
    assert.equal(levenshtein('', 'abc'), 3);
    assert.equal(levenshtein('same', 'same'), 0);
  });

  it('stops at the limit', () => {
    assert.equal(levenshtein('abcdef', 'uvwxyz', 2), 2);
  });
});

describe('closestNames', () => {
  it('ranks by distance, a case difference counting for half, ties alphabetically', () => {
    assert.deepEqual(closestNames('processorder', ['ProcessOrders', 'ProcessOrder', 'Other']), [
      'ProcessOrder',
      'ProcessOrders',
    ]);
    assert.deepEqual(closestNames('Stepb', ['StepC', 'StepA', 'Far away']), ['StepA', 'StepC']);
  });

  it('leaves out names too far to be a typo, and keeps at most three', () => {
    assert.deepEqual(closestNames('Go', ['Stop', 'Wait']), []);
    assert.equal(closestNames('Task', ['Tas1', 'Tas2', 'Tas3', 'Tas4']).length, 3);
  });

  it('gives the message the same first name as the quick fix', () => {
    const names = ['StepC', 'StepA', 'StepB2'];
    assert.equal(closestName('StepB', names), closestNames('StepB', names)[0]);
    assert.equal(closestName('StepB', names), 'StepA');
    assert.equal(closestName('Nothing like it', names), undefined);
  });
});
