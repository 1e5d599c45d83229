import type { Span } from './ast';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/**
 * The parser's diagnostic codes, with their severity. Codes are stable: tools and tests match
 * on them, never on the wording, which lives in messages.ts. Schema and semantic rules declare
 * their own codes next to their checks (one rule, one file, one code) and build diagnostics
 * with `makeDiagnostic`.
 */
export const DIAGNOSTIC_CODES = {
  'ASL-SYNTAX': 'error',
  'ASL-SYNTAX-COMMENT': 'error',
  'ASL-SYNTAX-TRAILING-COMMA': 'error',
  'ASL-SYNTAX-EMPTY': 'error',
  'ASL-SYNTAX-TOO-DEEP': 'error',
  'ASL-YAML-WARNING': 'warning',
  'ASL-YAML-KEY': 'error',
  'ASL-YAML-ALIAS': 'error',
  'ASL-DUPLICATE-KEY': 'error',
} as const satisfies Record<string, Severity>;

export type ParseDiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** A stable code such as `ASL-SYNTAX` or `ASL-NEXT-UNKNOWN`: upper case, words joined by dashes. */
export type DiagnosticCode = string;

export interface RelatedSpan extends Span {
  readonly message: string;
}

export interface AslDiagnostic extends Span {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly related?: readonly RelatedSpan[];
}

/** A parser diagnostic: the severity comes from the table above. */
export function diagnostic(
  code: ParseDiagnosticCode,
  span: Span,
  message: string,
  related?: readonly RelatedSpan[],
): AslDiagnostic {
  return makeDiagnostic(code, DIAGNOSTIC_CODES[code], span, message, related);
}

/** Any diagnostic: used by the schema layer and the semantic rules, which own their codes. */
export function makeDiagnostic(
  code: DiagnosticCode,
  severity: Severity,
  span: Span,
  message: string,
  related?: readonly RelatedSpan[],
): AslDiagnostic {
  const base = { code, severity, message, offset: span.offset, length: span.length };
  return related === undefined || related.length === 0 ? base : { ...base, related };
}

export function hasErrors(diagnostics: readonly AslDiagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
