import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'yaml';
import {
  buildModel,
  LineIndex,
  parseDocument,
  validate,
  type DocumentFormat,
  type Span,
} from '../../../server/src/asl';
import { buildGraph } from '../../../server/src/asl/graph/build';
import {
  codeLenses,
  completeAt,
  definitionAt,
  documentSymbols,
  foldingRanges,
  formatDocument,
  hoverAt,
  prepareRename,
  referencesAt,
  renameAt,
  selectionRanges,
  type OutlineSymbol,
  type TextEdit,
} from '../../../server/src/asl/service';
import { codeActionsFor } from '../../../server/src/asl/service/codeActions';
import { mutate, seededRandoms } from '../../support/mutate';
import { conformanceEntries, exampleEntries } from '../validation/corpus';

/**
 * The language service answers at any offset of any text, as the editor asks while a document is
 * half-typed: no feature throws, every span it returns lies inside the text, and the edits of one
 * answer (a completion with its additional edits, a rename, a quick fix, a formatting) neither
 * overlap nor share an insert position, which LSP forbids and editors refuse.
 */

const OFFSETS_PER_TEXT = 12;
const MUTANTS_PER_TEXT = 4;
const ALPHABET = '{}[]:,"\'$.-#| \n\tabcXYZ0123456789\\';

function texts(): { readonly name: string; readonly text: string; readonly format: DocumentFormat }[] {
  const entries = [...exampleEntries(), ...conformanceEntries().filter((_, i) => i % 8 === 0)];
  return entries.flatMap((entry) => {
    if (!entry.fileName.endsWith('.json'))
      return [{ name: entry.name, text: entry.text, format: 'yaml' as const }];
    const asYaml = stringify(JSON.parse(entry.text));
    return [
      { name: entry.name, text: entry.text, format: 'json' as const },
      { name: `${entry.name} as YAML`, text: asYaml, format: 'yaml' as const },
    ];
  });
}

function assertInside(text: string, span: Span, what: string): void {
  assert.ok(
    span.offset >= 0 && span.length >= 0 && span.offset + span.length <= text.length,
    `${what}: span ${span.offset}+${span.length} outside a text of ${text.length}`,
  );
}

function assertApart(text: string, edits: readonly TextEdit[], what: string): void {
  const sorted = [...edits].sort((a, b) => a.span.offset - b.span.offset || a.span.length - b.span.length);
  sorted.forEach((edit, i) => {
    assertInside(text, edit.span, what);
    const previous = sorted[i - 1];
    if (previous === undefined) return;
    const end = previous.span.offset + previous.span.length;
    assert.ok(
      end < edit.span.offset ||
        (end === edit.span.offset && previous.span.length > 0 && edit.span.length > 0),
      `${what}: edits at ${previous.span.offset}+${previous.span.length} and ${edit.span.offset}+${edit.span.length} overlap`,
    );
  });
}

function assertSymbols(text: string, symbols: readonly OutlineSymbol[]): void {
  for (const symbol of symbols) {
    assertInside(text, symbol.span, `symbol ${symbol.name}`);
    assertInside(text, symbol.selectionSpan, `symbol ${symbol.name}`);
    assertSymbols(text, symbol.children);
  }
}

function checkText(text: string, format: DocumentFormat, random: () => number): void {
  const parsed = parseDocument(text, format);
  const model = buildModel(parsed);
  const diagnostics = validate(parsed);
  assertSymbols(text, documentSymbols(model));
  for (const range of foldingRanges(parsed)) assert.ok(range.startLine <= range.endLine);
  for (const lens of codeLenses(model)) assertInside(text, lens.span, 'code lens');
  assertApart(text, formatDocument(parsed, { tabSize: 2, insertSpaces: true }), 'formatting');
  buildGraph(model, new LineIndex(text), diagnostics);
  for (let k = 0; k < OFFSETS_PER_TEXT; k++) {
    const offset = Math.floor(random() * (text.length + 1));
    const end = Math.min(text.length, offset + Math.floor(random() * 200));
    const range = { offset, length: end - offset };
    for (const entry of completeAt(parsed, model, offset)) {
      const main = { span: entry.replace, newText: entry.insertText };
      assertApart(text, [main, ...(entry.additionalEdits ?? [])], `completion ${entry.label} at ${offset}`);
    }
    const hover = hoverAt(parsed, model, offset);
    if (hover !== undefined) assertInside(text, hover.span, `hover at ${offset}`);
    for (const span of definitionAt(parsed, model, offset))
      assertInside(text, span, `definition at ${offset}`);
    for (const span of referencesAt(parsed, model, offset, true))
      assertInside(text, span, `references at ${offset}`);
    const prepared = prepareRename(parsed, model, offset);
    if (prepared.kind === 'ok') assertInside(text, prepared.span, `prepareRename at ${offset}`);
    const renamed = renameAt(parsed, model, offset, 'Renamed');
    if (renamed.kind === 'ok') assertApart(text, renamed.edits, `rename at ${offset}`);
    for (const chain of selectionRanges(parsed, [offset]))
      for (const span of chain) assertInside(text, span, `selection at ${offset}`);
    const inRange = diagnostics
      .filter((d) => d.offset <= end && d.offset + d.length >= offset)
      .map((d) => ({ offset: d.offset, length: d.length, code: d.code }));
    for (const fix of codeActionsFor(parsed, model, range, inRange))
      assertApart(text, fix.edits, `quick fix "${fix.title}" for ${offset}+${range.length}`);
    assertApart(text, formatDocument(parsed, { tabSize: 2, insertSpaces: true }, range), 'range formatting');
  }
}

test('every feature answers anywhere in mutated corpus documents, with edits an editor can apply', () => {
  const random = seededRandoms(Number(process.env['SERVICE_SEED'] ?? 7));
  let checked = 0;
  for (const { name, text, format } of texts()) {
    for (let m = 0; m <= MUTANTS_PER_TEXT; m++) {
      const variant = m === 0 ? text : mutate(text, ALPHABET, random);
      try {
        checkText(variant, format, random);
      } catch (error) {
        assert.fail(`${name} (${format}), variant ${m}:\n${JSON.stringify(variant)}\n${String(error)}`);
      }
      checked++;
    }
  }
  assert.ok(checked > 500, `only ${checked} texts checked`);
});
