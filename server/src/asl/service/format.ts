import { format as formatJson } from 'jsonc-parser';
import type { Span } from '../ast';
import type { ParsedDocument } from '../parse';
import type { TextEdit } from './types';

export interface FormatOptions {
  readonly tabSize: number;
  readonly insertSpaces: boolean;
}

/** Formats a JSON document (or a range of it); YAML documents are left as they are. */
export function formatDocument(
  document: ParsedDocument,
  options: FormatOptions,
  range?: Span,
): readonly TextEdit[] {
  if (document.format !== 'json') return [];
  const eol = document.text.includes('\r\n') ? '\r\n' : '\n';
  const edits = formatJson(document.text, range, {
    tabSize: options.tabSize,
    insertSpaces: options.insertSpaces,
    eol,
    insertFinalNewline: range === undefined,
    keepLines: false,
  });
  return edits.map((edit) => ({ span: { offset: edit.offset, length: edit.length }, newText: edit.content }));
}
