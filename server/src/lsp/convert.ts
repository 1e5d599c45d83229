import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { AslDiagnostic, LineIndex, ScopeOutline, Severity, Span, StateOutline } from '../asl';
import type { StateTreeNode, StateTreeScope } from '../protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.offset), end: lines.positionAt(span.offset + span.length) };
}

export function toLspDiagnostic(lines: LineIndex, uri: string, d: AslDiagnostic): Diagnostic {
  const result: Diagnostic = {
    range: toRange(lines, d),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'stepwise',
    message: d.message,
  };
  if (d.related !== undefined) {
    result.relatedInformation = d.related.map((r) => ({
      location: { uri, range: toRange(lines, r) },
      message: r.message,
    }));
  }
  return result;
}

export function toStateTreeNode(lines: LineIndex, state: StateOutline): StateTreeNode {
  return {
    name: state.name,
    type: state.type ?? null,
    range: toRange(lines, state.span),
    selectionRange: toRange(lines, state.nameSpan),
    scopes: state.scopes.map((scope) => toStateTreeScope(lines, scope)),
  };
}

export function toStateTreeScope(lines: LineIndex, scope: ScopeOutline): StateTreeScope {
  return {
    label: scope.label,
    startAt: scope.startAt ?? null,
    states: scope.states.map((state) => toStateTreeNode(lines, state)),
  };
}
