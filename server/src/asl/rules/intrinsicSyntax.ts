import { RULE_MESSAGES } from './messages';
import type { Rule } from './rule';

/** An intrinsic call parses: parentheses, commas, quoted strings, at most 10 levels of nesting. */
export const intrinsicSyntax: Rule = {
  code: 'ASL-INTRINSIC-SYNTAX',
  severity: 'error',
  description: 'Intrinsic function calls must be well formed (nested at most 10 levels).',
  check: (context, report) => {
    for (const state of context.model.states) {
      for (const { node, parsed, site } of context.intrinsicSitesOf(state)) {
        if (parsed.ok) continue;
        const { offset, length } = parsed.problem;
        report(
          context.spanIn(node, offset, offset + Math.max(1, length)),
          RULE_MESSAGES.intrinsicSyntax(site.field, parsed.problem.message),
        );
      }
    }
  },
};
