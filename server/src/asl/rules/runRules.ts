import { makeDiagnostic, type AslDiagnostic } from '../diagnostics';
import type { StateMachine } from '../model';
import type { ParsedDocument } from '../parse';
import { ruleContextFor } from './context';
import { RULE_MESSAGES } from './messages';
import { RULES } from './registry';

/**
 * Runs every enabled rule over one shared context. A rule that throws is a bug of ours, not of
 * the document: it costs that rule's findings, is reported as such, and the others still run.
 */
export function runRules(
  document: ParsedDocument,
  model: StateMachine,
  disabled: ReadonlySet<string>,
): AslDiagnostic[] {
  const diagnostics: AslDiagnostic[] = [];
  if (document.root?.kind !== 'object') return diagnostics;
  const context = ruleContextFor(document, model);
  for (const rule of RULES) {
    if (disabled.has(rule.code)) continue;
    try {
      rule.check(context, (span, message, related) => {
        diagnostics.push(makeDiagnostic(rule.code, rule.severity, span, message, related));
      });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      diagnostics.push(
        makeDiagnostic(
          RULE_FAILED,
          'warning',
          { offset: 0, length: 0 },
          RULE_MESSAGES.ruleFailed(rule.code, detail),
        ),
      );
    }
  }
  return diagnostics;
}

/** Reported when a rule throws: never expected, so tests assert it never appears. */
export const RULE_FAILED = 'ASL-RULE-FAILED';
