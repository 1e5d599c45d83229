import { endOf, propertyOf, spanOf, type ObjectNode, type PropertyNode, type Span } from '../ast';
import type { ParsedDocument } from '../parse';
import { renderString } from './template';
import type { TextEdit } from './types';

/** Text edits that respect the document's format and layout (commas in JSON, indentation in YAML). */

/** One level of indentation as the document uses it (two spaces when it does not tell). */
export function indentUnit(text: string): string {
  const match = /\n([ \t]+)\S/.exec(text);
  const found = match?.[1];
  if (found === undefined) return '  ';
  return found.startsWith('\t') ? '\t' : ' '.repeat(Math.min(found.length, 8));
}

export function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** The leading white space of the line holding the offset. */
export function lineIndent(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset + 200))?.[0] ?? '';
}

/** Indents every line after the first. */
export function indentLater(text: string, indent: string): string {
  return text.replace(/\n/g, `\n${indent}`);
}

/**
 * Inserting an entry at `span` of a JSON object: a comma to add after the previous entry and a
 * comma to end the inserted text with when another entry follows. The first comma is an edit of
 * its own, unless the previous entry ends right where `span` starts: an editor takes no extra
 * edit at the same place as the main one, so it starts the inserted text (`prefix`) instead.
 */
export function jsonCommas(
  text: string,
  span: Span,
): { readonly prefix: string; readonly suffix: string; readonly before: TextEdit | undefined } {
  let after = endOf(span);
  while (after < text.length && /\s/.test(text[after] ?? '')) after++;
  const next = text[after];
  const suffix = next === '"' || next === '{' ? ',' : '';
  let before = span.offset - 1;
  while (before >= 0 && /\s/.test(text[before] ?? '')) before--;
  const previous = text[before];
  const needsComma = before >= 0 && previous !== '{' && previous !== '[' && previous !== ',';
  if (!needsComma) return { prefix: '', suffix, before: undefined };
  if (before + 1 === span.offset) return { prefix: ',', suffix, before: undefined };
  return { prefix: '', suffix, before: { span: { offset: before + 1, length: 0 }, newText: ',' } };
}

/** Adds `key: value` (already rendered for the format) as the last property of an object. */
export function appendProperty(document: ParsedDocument, object: ObjectNode, entry: string): TextEdit {
  const text = document.text;
  const last = lastOwnProperty(object);
  if (document.format === 'yaml') {
    const anchor = last ?? object;
    const indent = ' '.repeat(anchor.offset - lineStart(text, anchor.offset));
    const end = last === undefined ? endOf(object) : endOfValue(last);
    return { span: { offset: end, length: 0 }, newText: `\n${indent}${entry}` };
  }
  if (last === undefined) {
    const indent = lineIndent(text, object.offset) + indentUnit(text);
    return {
      span: { offset: object.offset + 1, length: 0 },
      newText: `\n${indent}${entry}\n${lineIndent(text, object.offset)}`,
    };
  }
  const indent = lineIndent(text, last.offset);
  const sameLine = lineStart(text, last.offset) === lineStart(text, object.offset);
  const separator = sameLine ? ' ' : `\n${indent}`;
  return { span: { offset: endOfValue(last), length: 0 }, newText: `,${separator}${entry}` };
}

/** `Next` naming the state, as the document's format writes an entry. */
export function nextEntry(document: ParsedDocument, name: string): string {
  const nameText = renderString(name, document.format);
  return document.format === 'json' ? `"Next": ${nameText}` : `Next: ${nameText}`;
}

/**
 * Sends a state (its body `node`) to `name` instead: its Next value is replaced, or its End by a
 * Next. Undefined when it has neither: whether to add one is the caller's choice.
 */
export function redirectTransition(
  document: ParsedDocument,
  node: ObjectNode,
  name: string,
): TextEdit | undefined {
  const next = propertyOf(node, 'Next');
  if (next?.value !== undefined)
    return {
      span: spanOf(next.value),
      newText: renderString(name, document.format),
    };
  const end = propertyOf(node, 'End');
  if (end !== undefined) return { span: spanOf(end), newText: nextEntry(document, name) };
  return undefined;
}

/** Removes a property of an object, with its comma (JSON) or its line (YAML). */
export function removeProperty(
  document: ParsedDocument,
  object: ObjectNode,
  property: PropertyNode,
): TextEdit {
  const text = document.text;
  const own = object.properties.filter((p) => p.key.offset >= object.offset);
  const index = own.indexOf(property);
  if (document.format === 'yaml') {
    const start = lineStart(text, property.offset);
    let end = endOf(property);
    while (end < text.length && text[end] !== '\n') end++;
    return { span: { offset: start, length: Math.min(text.length, end + 1) - start }, newText: '' };
  }
  const next = own[index + 1];
  const previous = own[index - 1];
  if (next !== undefined) {
    return { span: { offset: property.offset, length: next.offset - property.offset }, newText: '' };
  }
  if (previous !== undefined) {
    const start = endOfValue(previous);
    return { span: { offset: start, length: endOf(property) - start }, newText: '' };
  }
  return { span: { offset: property.offset, length: endOf(property) - property.offset }, newText: '' };
}

function lastOwnProperty(object: ObjectNode): PropertyNode | undefined {
  let last: PropertyNode | undefined;
  for (const property of object.properties) {
    if (property.key.offset >= object.offset && (last === undefined || property.offset > last.offset))
      last = property;
  }
  return last;
}

function endOfValue(property: PropertyNode): number {
  return property.value === undefined ? endOf(property) : Math.max(endOf(property), endOf(property.value));
}
