import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { clearPathCache, classifyPayloadString, parsePathCached } from '../../../server/src/asl/paths';

test('payload strings are classified by how they start', () => {
  const cases: [string, string][] = [
    ['$', 'path'],
    ['$.a', 'path'],
    ['$[0]', 'path'],
    ['$$', 'context-path'],
    ['$$.Execution.Id', 'context-path'],
    ['$name', 'variable-path'],
    ['$_x.y', 'variable-path'],
    ["States.Format('{}', $.a)", 'intrinsic'],
    ['States.Nope(1)', 'intrinsic'],
    ['hello', 'invalid'],
    ['', 'invalid'],
    [' $.a', 'invalid'],
  ];
  for (const [text, kind] of cases) assert.equal(classifyPayloadString(text), kind, text);
});

test('the path cache returns the same parse for the same text', () => {
  clearPathCache();
  const first = parsePathCached('$.a.b');
  assert.equal(parsePathCached('$.a.b'), first);
  assert.notEqual(parsePathCached('$.a.c'), first);
  clearPathCache();
  assert.notEqual(parsePathCached('$.a.b'), first);
});
