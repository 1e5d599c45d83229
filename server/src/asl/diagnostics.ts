import type { Span } from './ast';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/**
 * Every diagnostic code the core can produce, with its severity. Codes are stable: tools and
 * tests match on them, never on the wording, which lives in messages.ts.
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

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export interface RelatedSpan extends Span {
  readonly message: string;
}

export interface AslDiagnostic extends Span {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly related?: readonly RelatedSpan[];
}

export function diagnostic(
  code: DiagnosticCode,
  span: Span,
  message: string,
  related?: readonly RelatedSpan[],
): AslDiagnostic {
  const base = { code, severity: DIAGNOSTIC_CODES[code], message, offset: span.offset, length: span.length };
  return related === undefined || related.length === 0 ? base : { ...base, related };
}

export function hasErrors(diagnostics: readonly AslDiagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
