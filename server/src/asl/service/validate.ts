import type { AslDiagnostic } from '../diagnostics';
import type { ParsedDocument } from '../parse';

/**
 * All diagnostics of a document, in document order. Today these are the syntax errors of the
 * parser; schema and semantic rules join here, so every caller (server, CLI, debugger) gets them.
 */
export function validate(document: ParsedDocument): readonly AslDiagnostic[] {
  return document.errors;
}
