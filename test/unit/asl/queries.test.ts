import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  buildModel,
  locate,
  parseDocument,
  scopeAt,
  stateAt,
  type DocumentFormat,
} from '../../../server/src/asl';

/** `|` marks the cursor; it is removed before parsing. */
function at(marked: string, format: DocumentFormat) {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'the fixture needs a | cursor');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const parsed = parseDocument(text, format);
  return { offset, parsed, model: buildModel(parsed) };
}

const JSON_DOC = `{
  "StartAt": "P",
  "States": {
    "P": {
      "Type": "Parallel",
      "Branches": [
        { "StartAt": "Inner", "States": { "Inner": { "Type": "Task", "Resource": "arn:x", "End": true } } }
      ],
      "Next": "Done"
    },
    "Done": { "Type": "Succeed" }
  }
}`;

function mark(text: string, needle: string, shift = 0): string {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `${needle} not in fixture`);
  return text.slice(0, i + shift) + '|' + text.slice(i + shift);
}

describe('stateAt', () => {
  test('finds the innermost state, in a branch', () => {
    const { offset, model } = at(mark(JSON_DOC, '"arn:x"', 2), 'json');
    assert.equal(stateAt(model, offset)?.name, 'Inner');
  });

  test('finds the owner when the cursor is on its own fields', () => {
    const { offset, model } = at(mark(JSON_DOC, '"Next": "Done"', 3), 'json');
    assert.equal(stateAt(model, offset)?.name, 'P');
  });

  test('the state name itself belongs to the state', () => {
    const { offset, model } = at(mark(JSON_DOC, '"Done": {', 2), 'json');
    assert.equal(stateAt(model, offset)?.name, 'Done');
  });

  test('outside any state there is none', () => {
    const { offset, model } = at(mark(JSON_DOC, '"StartAt": "P"', 1), 'json');
    assert.equal(stateAt(model, offset), undefined);
    assert.equal(scopeAt(model, offset)?.kind, 'machine');
  });

  test('scopeAt gives the branch inside a Parallel, the state scope otherwise', () => {
    const inBranch = at(mark(JSON_DOC, '"StartAt": "Inner"', 1), 'json');
    assert.equal(scopeAt(inBranch.model, inBranch.offset)?.kind, 'branch');
    const onInner = at(mark(JSON_DOC, '"Resource"', 1), 'json');
    assert.equal(scopeAt(onInner.model, onInner.offset)?.kind, 'branch');
  });

  test('works in YAML', () => {
    const yaml =
      'StartAt: A\nStates:\n  A:\n    Type: Map\n    ItemProcessor:\n      StartAt: B\n      States:\n        B:\n          Type: Pa|ss\n          End: true\n    End: true\n';
    const { offset, model } = at(yaml, 'yaml');
    assert.equal(stateAt(model, offset)?.name, 'B');
    assert.equal(scopeAt(model, offset)?.kind, 'itemProcessor');
  });
});

describe('locate', () => {
  test('on a key', () => {
    const { offset, parsed } = at(mark(JSON_DOC, '"Resource"', 3), 'json');
    const location = locate(parsed.root, offset);
    assert.equal(location.onKey, true);
    assert.deepEqual(location.path, ['States', 'P', 'Branches', 0, 'States', 'Inner', 'Resource']);
  });

  test('on a value', () => {
    const { offset, parsed } = at(mark(JSON_DOC, '"Next": "Done"', 10), 'json');
    const location = locate(parsed.root, offset);
    assert.equal(location.onKey, false);
    assert.equal(location.value?.kind, 'string');
    assert.equal(location.property?.key.value, 'Next');
    assert.deepEqual(location.path, ['States', 'P', 'Next']);
  });

  test('in an array item', () => {
    const { offset, parsed } = at(mark(JSON_DOC, '{ "StartAt": "Inner"', 1), 'json');
    const location = locate(parsed.root, offset);
    assert.deepEqual(location.path, ['States', 'P', 'Branches', 0]);
    assert.equal(location.value?.kind, 'object');
  });

  test('after a colon with no value yet', () => {
    const { offset, parsed } = at('{ "States": { "A": { "Type": "Pass", "Next": | } } }', 'json');
    const location = locate(parsed.root, offset);
    assert.deepEqual(location.path, ['States', 'A']);
    assert.equal(location.value?.kind, 'object');
  });

  test('YAML value and key', () => {
    const value = at('StartAt: A\nStates:\n  A:\n    Next: B|\n', 'yaml');
    const v = locate(value.parsed.root, value.offset);
    assert.deepEqual(v.path, ['States', 'A', 'Next']);
    assert.equal(v.value?.kind, 'string');
    const key = at('StartAt: A\nStates:\n  A:\n    Ne|xt: B\n', 'yaml');
    const k = locate(key.parsed.root, key.offset);
    assert.equal(k.onKey, true);
    assert.deepEqual(k.path, ['States', 'A', 'Next']);
  });

  test('outside the root there is nothing', () => {
    const { offset, parsed } = at('|  {"a": 1}', 'json');
    assert.deepEqual(locate(parsed.root, offset).path, []);
    assert.equal(locate(parsed.root, offset).value, undefined);
  });
});
