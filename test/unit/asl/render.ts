import type { AslDiagnostic, LineIndex } from '../../../server/src/asl';

/** One diagnostic per line, `line:col-line:col severity CODE message` with one-based positions. */
export function renderDiagnostics(lines: LineIndex, diagnostics: readonly AslDiagnostic[]): string {
  return diagnostics
    .map((d) => {
      const start = lines.positionAt(d.offset);
      const end = lines.positionAt(d.offset + d.length);
      const related = (d.related ?? []).map((r) => {
        const at = lines.positionAt(r.offset);
        return `\n    related ${at.line + 1}:${at.character + 1} ${r.message}`;
      });
      return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${d.severity} ${d.code} ${d.message}${related.join('')}`;
    })
    .join('\n');
}
