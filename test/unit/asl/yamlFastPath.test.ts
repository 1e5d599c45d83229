import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { parseYamlFully } from '../../../server/src/asl/parseYaml';
import { parseYamlFast } from '../../../server/src/asl/parseYamlFast';
import { loadCases } from '../../conformance/cases';
import { mutate, seededRandoms } from '../../support/mutate';

// The fast YAML path must give exactly the tree of the full path, or decline. These tests hold
// it to that on every definition AWS accepted, written in several YAML styles, and on thousands
// of mutated texts, where it must either decline or agree (errors included).

const STYLES = [
  {},
  { collectionStyle: 'flow' },
  { defaultStringType: 'QUOTE_DOUBLE' },
  { blockQuote: 'literal', lineWidth: 20 },
] as const;

function agree(text: string): 'declined' | 'agreed' {
  const fast = parseYamlFast(text);
  if (fast === undefined) return 'declined';
  assert.deepEqual(fast, parseYamlFully(text), `the two YAML paths disagree on:\n${text}`);
  return 'agreed';
}

describe('the fast YAML path', () => {
  const definitions = loadCases().map((c) => c.definition);

  it('reads every conformance definition, in four styles and with CRLF line ends, as the full path does', () => {
    let agreed = 0;
    for (const definition of definitions) {
      for (const style of STYLES) {
        const text = stringify(definition, style);
        for (const variant of [text, text.replace(/\n/g, '\r\n')]) {
          assert.equal(agree(variant), 'agreed');
          agreed++;
        }
      }
    }
    assert.equal(agreed, definitions.length * STYLES.length * 2);
  });

  it('reads the hand-written layouts it accepts as the full path does', () => {
    const fixtures = join(import.meta.dirname, 'fixtures', 'yaml-fast');
    for (const name of readdirSync(fixtures)) {
      assert.equal(agree(readFileSync(join(fixtures, name), 'utf8')), 'agreed', name);
    }
  });

  it('declines what only the full path handles', () => {
    const declined = [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'base: {x: 1}\nother:\n  <<: {y: 2}\n',
      '%YAML 1.2\n---\na: 1\n',
      'a: 1\n---\nb: 2\n',
      'a: [1, 2\n',
      'a: "unterminated\n',
      '\uFEFFa: 1\n',
      '? [complex]\n: key\n',
    ];
    for (const text of declined) assert.equal(parseYamlFast(text), undefined, text);
  });

  it('either declines or agrees on mutated documents', () => {
    const random = seededRandoms(11);
    const alphabet = ' \n:-#{}[],"\'|>?&*!%abc01.';
    const counts = { declined: 0, agreed: 0 };
    for (const definition of definitions.slice(0, 120)) {
      const base = stringify(definition, { lineWidth: 30 });
      for (let round = 0; round < 20; round++) counts[agree(mutate(base, alphabet, random))]++;
    }
    // Both outcomes must occur, or the mutations are not testing the boundary.
    assert.ok(counts.agreed > 500 && counts.declined > 200, JSON.stringify(counts));
  });
});
