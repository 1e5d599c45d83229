import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel, parseDocument } from '../../../server/src/asl';
import { bindLine } from '../../../server/src/debug/breakpointBinding';

/** Lines are 0-based here, as bindLine takes them. */
const JSON_TEXT = [
  '{', //                                              0
  '  "StartAt": "Fan",', //                            1
  '  "States": {', //                                  2
  '    "Fan": {', //                                   3
  '      "Type": "Parallel",', //                      4
  '      "Branches": [', //                            5
  '        {', //                                      6
  '          "StartAt": "Inner",', //                  7
  '          "States": {', //                          8
  '            "Inner": {', //                         9
  '              "Type": "Pass",', //                  10
  '',
  '              "End": true', //                      12
  '            }', //                                  13
  '          }', //                                    14
  '        }', //                                      15
  '      ],', //                                       16
  '      "Next": "Done"', //                           17
  '    },', //                                         18
  '',
  '    "Done": { "Type": "Succeed" }', //             20
  '  }', //                                            21
  '}', //                                              22
].join('\n');

function bind(text: string, line: number, format: 'json' | 'yaml' = 'json') {
  const document = parseDocument(text, format);
  return bindLine(document, buildModel(document), line);
}

test('any line of a state binds to it, at the line of its name', () => {
  assert.deepEqual(bind(JSON_TEXT, 3), { kind: 'bound', state: 'Fan', line: 3, column: 4 });
  assert.deepEqual(bind(JSON_TEXT, 4), { kind: 'bound', state: 'Fan', line: 3, column: 4 });
  assert.deepEqual(bind(JSON_TEXT, 17), { kind: 'bound', state: 'Fan', line: 3, column: 4 });
  assert.deepEqual(
    bind(JSON_TEXT, 18),
    { kind: 'bound', state: 'Fan', line: 3, column: 4 },
    'its closing brace',
  );
  assert.deepEqual(bind(JSON_TEXT, 20), { kind: 'bound', state: 'Done', line: 20, column: 4 });
});

test('lines of a nested state bind to the innermost state; the branch around it to the Parallel', () => {
  assert.deepEqual(bind(JSON_TEXT, 10), { kind: 'bound', state: 'Inner', line: 9, column: 12 });
  assert.deepEqual(
    bind(JSON_TEXT, 11),
    { kind: 'bound', state: 'Inner', line: 9, column: 12 },
    'a blank line inside it',
  );
  assert.deepEqual(bind(JSON_TEXT, 13), { kind: 'bound', state: 'Inner', line: 9, column: 12 });
  assert.deepEqual(
    bind(JSON_TEXT, 7),
    { kind: 'bound', state: 'Fan', line: 3, column: 4 },
    "a branch's StartAt",
  );
});

test('lines outside every state are unbound, with the reason', () => {
  for (const line of [0, 1, 2, 19, 21, 22]) {
    const binding = bind(JSON_TEXT, line);
    assert.equal(binding.kind, 'unbound', `line ${line}`);
    assert.ok(
      binding.kind === 'unbound' && binding.reason.includes(`Line ${line + 1} is not part of any state`),
    );
  }
  const past = bind(JSON_TEXT, 40);
  assert.ok(past.kind === 'unbound' && /past the end/.test(past.reason));
});

test('YAML workflows bind the same way', () => {
  const yaml = [
    'StartAt: A',
    'States:',
    '  A:',
    '    Type: Pass',
    '    Next: B',
    '  B:',
    '    Type: Succeed',
    '',
  ].join('\n');
  assert.deepEqual(bind(yaml, 3, 'yaml'), { kind: 'bound', state: 'A', line: 2, column: 2 });
  assert.deepEqual(bind(yaml, 6, 'yaml'), { kind: 'bound', state: 'B', line: 5, column: 2 });
  assert.equal(bind(yaml, 0, 'yaml').kind, 'unbound');
});
