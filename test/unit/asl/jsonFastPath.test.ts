import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseJson, parseJsonFully } from '../../../server/src/asl/parseJson';
import { parseJsonFast } from '../../../server/src/asl/parseJsonFast';
import { loadCases } from '../../conformance/cases';
import { mutate, seededRandoms } from '../../support/mutate';

// The fast JSON path must give exactly the tree (and duplicate-key errors) of the full path, or
// decline. These tests hold it to that on every definition AWS accepted in several layouts, on
// documents with repeated keys, on random JSON, and on thousands of mutated texts.

function agree(text: string): 'declined' | 'agreed' {
  const fast = parseJsonFast(text);
  if (fast === undefined) return 'declined';
  assert.deepEqual(fast, parseJsonFully(text), `the two JSON paths disagree on:\n${text}`);
  return 'agreed';
}

describe('the fast JSON path', () => {
  const definitions = loadCases().map((c) => c.definition);

  it('reads every conformance definition, compact, indented and with CRLF line ends, as the full path does', () => {
    let agreed = 0;
    for (const definition of definitions) {
      const indented = JSON.stringify(definition, null, 2);
      for (const text of [JSON.stringify(definition), indented, indented.replace(/\n/g, '\r\n')]) {
        assert.equal(agree(text), 'agreed');
        agreed++;
      }
    }
    assert.equal(agreed, definitions.length * 3);
  });

  it('reports repeated keys as the full path does, the first definition as related information', () => {
    const text = '{"a": 1, "b": {"x": 1, "x": 2, "x": 3}, "a": [1, {"y": 0, "y": 0}], "c": null}';
    assert.equal(agree(text), 'agreed');
    const codes = parseJson(text).errors.map((e) => `${e.code}@${e.offset}`);
    assert.deepEqual(codes, [
      'ASL-DUPLICATE-KEY@23',
      'ASL-DUPLICATE-KEY@31',
      'ASL-DUPLICATE-KEY@58',
      'ASL-DUPLICATE-KEY@40',
    ]);
    // More keys than the pairwise check takes: the Map-based check must agree too.
    const wide = `{${Array.from({ length: 40 }, (_, i) => `"k${i % 25}": ${i}`).join(', ')}}`;
    assert.equal(agree(wide), 'agreed');
    assert.equal(parseJson(wide).errors.length, 15);
  });

  it('agrees with the full path on random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 1, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        assert.equal(agree(text), 'agreed');
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('reads strings with every escape and any Unicode as the full path does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), (a, b) => {
        assert.equal(agree(JSON.stringify({ [a]: b, b: [a, -0.5e-7, 1e21] })), 'agreed');
      }),
      { numRuns: 300, seed: 5 },
    );
    assert.equal(agree('{"a": "\\u00e9\\n\\/\\"\\\\ \\ud83d\\ude00", "\\t": -0, "z": 1E+2}'), 'agreed');
  });

  it('declines what only the full path reports', () => {
    const declined = [
      '',
      '   ',
      '{"a": 1,}',
      '[1, 2,]',
      '{"a": 1 // comment\n}',
      '{"a": /* comment */ 1}',
      '{"a" 1}',
      '{"a": 1 "b": 2}',
      '{"a": "unterminated',
      '{"a": "bad \\q escape"}',
      '{"a": 01}',
      '{"a": tru}',
      '{"a": 1} {"b": 2}',
      '{"a": 1}}',
      '{a: 1}',
      '\uFEFF{"a": 1}',
      '{"a": 1.}',
      '{"a": .5}',
      '{"a": +1}',
      '{"a": -}',
      '{"a": 1e}',
      '{"a": 1e+}',
      '{"a": 0x10}',
      '{"a": 1.5.3}',
      '{"a": nullx}',
      '{"a": true1}',
      '{"a": "tab\tinside"}',
      '{"a": "line\nbreak"}',
      '{"a":\v1}',
      '{"a": "\\u12"}',
      `${'['.repeat(300)}${']'.repeat(300)}`,
    ];
    for (const text of declined) assert.equal(parseJsonFast(text), undefined, JSON.stringify(text));
  });

  it('either declines or agrees on mutated documents', () => {
    const random = seededRandoms(17);
    const alphabet = ' \n\t\r:,{}[]"\\/*tfn01-.eE$a';
    const counts = { declined: 0, agreed: 0 };
    for (const definition of definitions.slice(0, 150)) {
      const base = JSON.stringify(definition, null, 1);
      for (let round = 0; round < 20; round++) counts[agree(mutate(base, alphabet, random))]++;
    }
    // Both outcomes must occur, or the mutations are not testing the boundary.
    assert.ok(counts.agreed > 300 && counts.declined > 1000, JSON.stringify(counts));
  });
});
