/** Quick fixes as LSP code actions, linked to the client's diagnostics they fix. */
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { LineIndex } from '../asl';
import type { QuickFix } from '../asl/service/codeActions';
import { toTextEdit } from './convertService';

export function toCodeAction(
  lines: LineIndex,
  uri: string,
  fix: QuickFix,
  diagnostics: readonly Diagnostic[],
): CodeAction {
  const action: CodeAction = {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    edit: { changes: { [uri]: fix.edits.map((edit) => toTextEdit(lines, edit)) } },
  };
  if (fix.preferred) action.isPreferred = true;
  const target = fix.diagnostic;
  if (target !== undefined) {
    const matching = diagnostics.filter(
      (d) =>
        d.code === target.code &&
        lines.offsetAt(d.range.start) === target.offset &&
        lines.offsetAt(d.range.end) === target.offset + target.length,
    );
    if (matching.length > 0) action.diagnostics = matching;
  }
  return action;
}
