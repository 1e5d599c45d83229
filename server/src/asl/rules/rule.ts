import type { RelatedSpan, Severity } from '../diagnostics';
import type { Span } from '../ast';
import type { RuleContext } from './context';

/** Reports one finding of the rule that received it; the rule's code and severity are added. */
export type Report = (span: Span, message: string, related?: readonly RelatedSpan[]) => void;

/** A semantic rule: one stable code, one default severity, one check over the shared context. */
export interface Rule {
  /** Stable: settings, quick fixes and tests match on it. */
  readonly code: string;
  readonly severity: Severity;
  /** One line for settings and docs. */
  readonly description: string;
  readonly check: (context: RuleContext, report: Report) => void;
}
