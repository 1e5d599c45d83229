import type { AslDiagnostic } from './diagnostics';
import type { LineIndex } from './lines';

/** `file:line:col: severity code: message`, one-based line and column, as compilers print them. */
export function formatDiagnosticLine(fileName: string, lines: LineIndex, d: AslDiagnostic): string {
  const at = lines.positionAt(d.offset);
  return `${fileName}:${at.line + 1}:${at.character + 1}: ${d.severity} ${d.code}: ${d.message}`;
}
