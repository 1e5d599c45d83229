import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDocument, type StringNode, type ValueNode } from '../../../server/src/asl';
import { offsetMapOf, spanInString } from '../../../server/src/asl/rules/stringOffsets';

function firstString(node: ValueNode | undefined): StringNode {
  if (node?.kind === 'object') return firstString(node.properties[0]?.value);
  assert.ok(node?.kind === 'string');
  return node;
}

/** The document text under value characters [start, end) of the first string. */
function textAt(source: string, format: 'json' | 'yaml', start: number, end: number): string {
  const document = parseDocument(source, format);
  const node = firstString(document.root);
  const span = spanInString(offsetMapOf(source, node), node, start, end);
  return source.slice(span.offset, span.offset + span.length);
}

describe('offsets inside strings', () => {
  test('JSON: past the quote and past escapes', () => {
    // value: a"b\u00e9c  -> characters 0..4 = a, ", b, é, c
    const source = '{"k": "a\\"b\\u00e9c"}';
    assert.equal(textAt(source, 'json', 1, 2), '\\"');
    assert.equal(textAt(source, 'json', 3, 4), '\\u00e9');
    assert.equal(textAt(source, 'json', 4, 5), 'c');
  });

  test('YAML plain, single-quoted and double-quoted scalars', () => {
    assert.equal(textAt('k: ab[c\n', 'yaml', 2, 3), '[');
    assert.equal(textAt("k: 'it''s ['\n", 'yaml', 2, 3), "''");
    assert.equal(textAt("k: 'it''s ['\n", 'yaml', 5, 6), '[');
    assert.equal(textAt('k: "a\\tb["\n', 'yaml', 1, 2), '\\t');
    assert.equal(textAt('k: "a\\tb["\n', 'yaml', 3, 4), '[');
  });

  test('block scalars have no map: the whole string is used', () => {
    const source = 'k: |\n  abc\n';
    const document = parseDocument(source, 'yaml');
    const node = firstString(document.root);
    assert.equal(offsetMapOf(source, node), undefined);
    assert.deepEqual(spanInString(undefined, node, 1, 2), { offset: node.offset, length: node.length });
  });
});
