import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  buildModel,
  formatOf,
  parseDocument,
  type ParsedDocument,
  type Span,
  type StateMachine,
} from '../../../server/src/asl';
import type { TextEdit } from '../../../server/src/asl/service';

/**
 * Fixtures mark cursors with `|` (several allowed); the marks are removed before parsing.
 * Goldens show each cursor as `line:col` (one-based) and spans with the text they cover.
 */
export interface Fixture {
  readonly name: string;
  readonly parsed: ParsedDocument;
  readonly model: StateMachine;
  readonly cursors: readonly number[];
}

export const FIXTURES = path.join(__dirname, 'fixtures');

export function loadFixture(folder: string, name: string, needsCursor = true): Fixture {
  const marked = fs.readFileSync(path.join(FIXTURES, folder, name), 'utf8');
  const cursors: number[] = [];
  let text = '';
  for (const char of marked) {
    if (char === '|') cursors.push(text.length);
    else text += char;
  }
  assert.ok(!needsCursor || cursors.length > 0, `${name} needs a | cursor`);
  const parsed = parseDocument(text, formatOf(name));
  return { name, parsed, model: buildModel(parsed), cursors };
}

/** Every fixture of a folder, JSON and YAML. */
export function fixtureNames(folder: string): string[] {
  return fs
    .readdirSync(path.join(FIXTURES, folder))
    .filter((f) => /\.asl\.(json|yaml)$/.test(f))
    .sort();
}

export function goldenPath(folder: string, name: string): string {
  return path.join(FIXTURES, folder, `${name}.golden.txt`);
}

export function position(parsed: ParsedDocument, offset: number): string {
  const p = parsed.lines.positionAt(offset);
  return `${p.line + 1}:${p.character + 1}`;
}

/** `3:5-3:9 "text"`. */
export function showSpan(parsed: ParsedDocument, span: Span): string {
  const covered = parsed.text.slice(span.offset, span.offset + span.length);
  return `${position(parsed, span.offset)}-${position(parsed, span.offset + span.length)} ${JSON.stringify(covered)}`;
}

/** The cursor's line with a `|` where it is: what the golden is about. */
export function showCursor(parsed: ParsedDocument, offset: number): string {
  const p = parsed.lines.positionAt(offset);
  const start = offset - p.character;
  let end = offset;
  while (end < parsed.text.length && parsed.text[end] !== '\n') end++;
  return `@${position(parsed, offset)} ${parsed.text.slice(start, offset)}|${parsed.text.slice(offset, end)}`;
}

/** The text after applying edits (which must not overlap). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.offset - a.span.offset);
  let result = text;
  for (const edit of sorted) {
    result =
      result.slice(0, edit.span.offset) + edit.newText + result.slice(edit.span.offset + edit.span.length);
  }
  return result;
}
