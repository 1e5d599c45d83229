import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { buildModel, formatOf, parseDocument } from '../../../server/src/asl';
import {
  codeLenses,
  documentSymbols,
  foldingRanges,
  formatDocument,
  selectionRanges,
  type OutlineSymbol,
} from '../../../server/src/asl/service';
import { assertGolden } from '../../support/golden';
import { applyEdits, FIXTURES, showSpan } from './harness';

const folder = path.join(FIXTURES, 'structure');

function load(name: string) {
  const parsed = parseDocument(fs.readFileSync(path.join(folder, name), 'utf8'), formatOf(name));
  return { parsed, model: buildModel(parsed) };
}

describe('document symbols, folding (goldens: fixtures/structure)', () => {
  for (const name of ['outline.asl.json', 'outline.asl.yaml']) {
    test(name, () => {
      const { parsed, model } = load(name);
      const show = (symbol: OutlineSymbol, indent: string): string[] => [
        `${indent}${symbol.name} (${symbol.detail}) name ${showSpan(parsed, symbol.selectionSpan)}`,
        ...symbol.children.flatMap((child) => show(child, `${indent}  `)),
      ];
      const symbols = documentSymbols(model).flatMap((s) => show(s, ''));
      const folds = foldingRanges(parsed).map((r) => `fold ${r.startLine + 1}-${r.endLine + 1}`);
      assertGolden(path.join(folder, `${name}.golden.txt`), [...symbols, ...folds].join('\n') + '\n');
    });
  }
});

describe('selection ranges', () => {
  test('grow from a string’s text to its property, object and the document, in JSON', () => {
    const text = '{"States": {"A": {"Type": "Pass"}}}';
    const parsed = parseDocument(text, 'json');
    const [chain] = selectionRanges(parsed, [text.indexOf('Pass') + 1]);
    assert.deepEqual(
      chain?.map((s) => text.slice(s.offset, s.offset + s.length)),
      [
        'Pass',
        '"Pass"',
        '"Type": "Pass"',
        '{"Type": "Pass"}',
        '"A": {"Type": "Pass"}',
        '{"A": {"Type": "Pass"}}',
        '"States": {"A": {"Type": "Pass"}}',
        text,
      ],
    );
  });

  test('work the same way in YAML', () => {
    const text = 'States:\n  A:\n    Type: Pass\n';
    const parsed = parseDocument(text, 'yaml');
    const [chain] = selectionRanges(parsed, [text.indexOf('Pass') + 1]);
    assert.deepEqual(
      chain?.map((s) => text.slice(s.offset, s.offset + s.length)),
      ['Pass', 'Type: Pass', 'A:\n    Type: Pass', 'States:\n  A:\n    Type: Pass'],
    );
  });
});

describe('formatting', () => {
  test('formats a whole JSON document and a range of it', () => {
    const text = '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}';
    const parsed = parseDocument(text, 'json');
    const whole = applyEdits(text, formatDocument(parsed, { tabSize: 2, insertSpaces: true }));
    assert.equal(
      whole,
      '{\n  "StartAt": "A",\n  "States": {\n    "A": {\n      "Type": "Succeed"\n    }\n  }\n}\n',
    );
    const start = text.indexOf('{"Type"');
    const ranged = applyEdits(
      text,
      formatDocument(parsed, { tabSize: 2, insertSpaces: true }, { offset: start, length: 18 }),
    );
    assert.notEqual(ranged, text);
    assert.equal(ranged.startsWith('{"StartAt":"A","States":{"A":'), true);
  });

  test('leaves YAML alone', () => {
    const parsed = parseDocument('StartAt: A\n', 'yaml');
    assert.deepEqual(formatDocument(parsed, { tabSize: 2, insertSpaces: true }), []);
  });
});

describe('code lenses', () => {
  test('Run, Debug and Show graph above StartAt; none without a state machine', () => {
    const text = '{\n  "StartAt": "A",\n  "States": {}\n}';
    const parsed = parseDocument(text, 'json');
    const lenses = codeLenses(buildModel(parsed));
    assert.deepEqual(
      lenses.map((l) => [l.action, l.span.offset]),
      [
        ['run', text.indexOf('"StartAt"')],
        ['debug', text.indexOf('"StartAt"')],
        ['graph', text.indexOf('"StartAt"')],
      ],
    );
    assert.deepEqual(codeLenses(buildModel(parseDocument('[]', 'json'))), []);
  });
});
