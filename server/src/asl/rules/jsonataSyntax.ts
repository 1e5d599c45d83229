import { parseJsonata } from './jsonataExpressions';
import { RULE_MESSAGES } from './messages';
import type { Rule } from './rule';

/** Every `{% %}` expression of a JSONata state parses (AWS checks them when the definition is created). */
export const jsonataSyntax: Rule = {
  code: 'ASL-JSONATA-SYNTAX',
  severity: 'error',
  description: 'JSONata expressions ({% ... %}) must parse.',
  check: (context, report) => {
    for (const state of context.model.states) {
      for (const found of context.sitesOf(state).jsonata) {
        const parsed = parseJsonata(found.expression);
        if (parsed.ok) continue;
        const span = context.spanIn(
          found.node,
          found.start + parsed.start,
          found.start + Math.max(parsed.end, parsed.start + 1),
        );
        report(span, RULE_MESSAGES.jsonataSyntax(parsed.message));
      }
    }
  },
};
