import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { stringify, type ToStringOptions } from 'yaml';
import { parseYamlFully } from '../../../server/src/asl/parseYaml';
import { parseYamlBlock } from '../../../server/src/asl/parseYamlBlock';
import { asYaml, generateWorkflow } from '../../bench/generate';
import { loadCases } from '../../conformance/cases';
import { seededRandoms } from '../../support/mutate';

// The block YAML reader must give exactly the tree of the full path (every offset, the
// duplicate-key errors), or decline. Block layouts, which it exists for, must be accepted.

function agree(text: string): 'declined' | 'agreed' {
  const block = parseYamlBlock(text);
  if (block === undefined) return 'declined';
  assert.deepEqual(block, parseYamlFully(text), `the block reader and the full path disagree on:\n${text}`);
  return 'agreed';
}

function withCrlf(text: string): string {
  return text.replace(/\n/g, '\r\n');
}

/**
 * Whether a value holds a string with a line break: yaml.stringify writes those as block scalars
 * (`|-`) or quoted scalars over several lines, both the next path's to read.
 */
function hasLineBreak(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\n');
  if (Array.isArray(value)) return value.some(hasLineBreak);
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).some(([key, item]) => key.includes('\n') || hasLineBreak(item));
  return false;
}

/** Layouts without folding (lineWidth 0), as editors and the benchmark generator write them. */
const UNFOLDED_STYLES: readonly ToStringOptions[] = [
  { lineWidth: 0 },
  { lineWidth: 0, indentSeq: false },
  { lineWidth: 0, indent: 4 },
  { lineWidth: 0, defaultStringType: 'QUOTE_SINGLE' },
  { lineWidth: 0, defaultKeyType: 'QUOTE_DOUBLE' },
  { lineWidth: 0, collectionStyle: 'flow' },
];

/** Layouts folded at a line width: long plain scalars continue over lines, long quoted ones too. */
const FOLDED_STYLES: readonly ToStringOptions[] = [{}, { lineWidth: 40 }, { collectionStyle: 'flow' }];

describe('the block YAML reader', () => {
  const definitions = loadCases().map((c) => c.definition);

  it('accepts every conformance definition in unfolded block and flow layouts, with LF and CRLF, and reads them as the full path does', () => {
    const withoutBreaks = definitions.filter((d) => !hasLineBreak(d)).length;
    assert.ok(withoutBreaks > 0.95 * definitions.length, `${withoutBreaks} of ${definitions.length}`);
    for (const style of UNFOLDED_STYLES) {
      let accepted = 0;
      for (const definition of definitions) {
        const text = stringify(definition, style);
        for (const variant of [text, withCrlf(text)]) {
          if (agree(variant) === 'agreed') accepted++;
          else assert.ok(hasLineBreak(definition), `declined in ${JSON.stringify(style)}:\n${variant}`);
        }
      }
      assert.ok(accepted >= 2 * withoutBreaks, `${JSON.stringify(style)}: ${accepted} accepted`);
    }
  });

  it('accepts them all with double-quoted strings, where line breaks are escapes', () => {
    let accepted = 0;
    for (const definition of definitions) {
      const text = stringify(definition, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE' });
      for (const variant of [text, withCrlf(text)]) if (agree(variant) === 'agreed') accepted++;
    }
    assert.equal(accepted, 2 * definitions.length);
  });

  it('reads folded layouts as the full path does and accepts nearly all of them', () => {
    for (const style of FOLDED_STYLES) {
      let accepted = 0;
      for (const definition of definitions) {
        const text = stringify(definition, style);
        for (const variant of [text, withCrlf(text)]) if (agree(variant) === 'agreed') accepted++;
      }
      // Declined here: block scalars and quoted scalars folded over lines.
      assert.ok(accepted > 0.9 * 2 * definitions.length, `${JSON.stringify(style)}: ${accepted} accepted`);
    }
  });

  it('accepts the generated benchmark workflows of 100, 1,000 and 5,000 states and reads them as the full path does', () => {
    for (const count of [100, 1000, 5000]) {
      const text = asYaml(generateWorkflow(count));
      assert.equal(agree(text), 'agreed', `${count} states`);
    }
  });

  it('accepts the hand-written layouts, with LF and CRLF, and reads them as the full path does', () => {
    const fixtures = join(import.meta.dirname, 'fixtures', 'yaml-block');
    const names = readdirSync(fixtures);
    assert.ok(names.length >= 10);
    for (const name of names) {
      const text = readFileSync(join(fixtures, name), 'utf8');
      assert.equal(agree(text), 'agreed', name);
      assert.equal(agree(withCrlf(text)), 'agreed', `${name} with CRLF`);
    }
  });

  it('reports repeated keys as the full path does', () => {
    const text = readFileSync(
      join(import.meta.dirname, 'fixtures', 'yaml-block', 'duplicate-keys.asl.yaml'),
      'utf8',
    );
    const tree = parseYamlBlock(text);
    assert.ok(tree !== undefined);
    assert.deepEqual(
      tree.errors.map((e) => [e.code, text.slice(e.offset, e.offset + e.length)]),
      [
        // Inner objects close first, in both paths.
        ['ASL-DUPLICATE-KEY', 'x'],
        ['ASL-DUPLICATE-KEY', 'Type'],
        ['ASL-DUPLICATE-KEY', 'A'],
        ['ASL-DUPLICATE-KEY', 'StartAt'],
      ],
    );
  });

  it('declines what the other paths handle', () => {
    const declined: Record<string, string> = {
      anchor: 'a: &x 1\nb: 2\n',
      alias: 'a: 1\nb: *x\n',
      'anchored key': '&k a: 1\n',
      tag: 'a: !!str 1\n',
      'custom tag': 'a: !Ref x\n',
      'literal block scalar': 'a: |\n  text\n',
      'folded block scalar': 'a: >-\n  text\n',
      'double-quoted over lines': 'a: "one\n  two"\n',
      'single-quoted over lines': "a: 'one\n  two'\n",
      'escaped line break': 'a: "one\\\n  two"\n',
      'complex key': '? a\n: b\n',
      'flow key': '[a]: b\n',
      'merge key': 'base: 1\nother:\n  <<: {y: 2}\n',
      'null key': '~: 1\n',
      directive: '%YAML 1.2\n---\na: 1\n',
      'two documents': 'a: 1\n---\nb: 2\n',
      'document end': 'a: 1\n...\n',
      'content after ---': '--- a: 1\n',
      'empty document': '# only a comment\n',
      'byte order mark': '\uFEFFa: 1\n',
      'tab as indentation': 'a:\n\tb: 1\n',
      'tab after a dash': '-\ta: 1\n',
      'lone carriage return': 'a: 1\rb: 2\n',
      'unterminated flow sequence': 'a: [1, 2\n',
      'unterminated quote': 'a: "text\n',
      'key and value on one line twice': 'a: b: c\n',
      'sequence after a key on its line': 'a: - b\n',
      'less indented key': 'a:\n  b: 1\n c: 2\n',
      'more indented key': 'a: 1\n  b: 2\n',
      'less indented root': '  a: 1\nb: 2\n',
      'sequence item in a mapping': 'a: 1\n- b\n',
      'flow line not indented': 'a: {x: 1,\ny: 2}\n',
      'pair in a flow sequence': 'a: [b: 1]\n',
      'flow key without a value': 'a: {b, c: 1}\n',
      'key over 1024 characters': `${'k'.repeat(1025)}: 1\n`,
      'unknown escape': 'a: "\\q"\n',
      'escape beyond Unicode': 'a: "\\U00110000"\n',
      'comment without a space before it': 'a: "b"#c\n',
      'scalar continued after a comment': 'a: b # c\n  d\n',
      'reserved indicator': 'a: @b\n',
    };
    for (const [feature, text] of Object.entries(declined)) {
      assert.equal(parseYamlBlock(text), undefined, feature);
    }
  });

  it('either declines or agrees on mutated documents, and both happen often', () => {
    const random = seededRandoms(23);
    const pick = (items: readonly string[]) => items[Math.floor(random() * items.length)] ?? ' ';
    const insertions = [
      ...' \n:-#{}[],"\'|>?&*!%ab01.\t\r\\~',
      ': ',
      '- ',
      ' #',
      '\n  ',
      '\n- ',
      '---',
      '\\u00',
      '"a": ',
      '\r\n',
    ];
    const counts = { declined: 0, agreed: 0 };
    const styles: readonly ToStringOptions[] = [...UNFOLDED_STYLES, ...FOLDED_STYLES];
    for (const [index, definition] of definitions.slice(0, 150).entries()) {
      const base = stringify(definition, styles[index % styles.length]);
      for (let round = 0; round < 16; round++) {
        let text = base;
        for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
          const at = Math.floor(random() * text.length);
          const lineStart = text.lastIndexOf('\n', at) + 1;
          const roll = random();
          if (roll < 0.3) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
          else if (roll < 0.7) text = text.slice(0, at) + pick(insertions) + text.slice(at);
          else if (roll < 0.8) text = `${text.slice(0, lineStart)} ${text.slice(lineStart)}`;
          else if (roll < 0.9) text = text.slice(0, lineStart) + text.slice(lineStart + 1);
          else text = text.slice(0, at);
        }
        counts[agree(text)]++;
      }
    }
    assert.ok(counts.agreed > 700 && counts.declined > 1000, JSON.stringify(counts));
  });
});
