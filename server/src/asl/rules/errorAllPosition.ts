import { RULE_MESSAGES } from './messages';
import type { Rule } from './rule';

/** States.ALL matches everything, so it stands alone and comes last (anything after it is dead). */
export const errorAllPosition: Rule = {
  code: 'ASL-ERROR-ALL-POSITION',
  severity: 'error',
  description: '"States.ALL" must be alone in ErrorEquals and in the last retrier or catcher.',
  check: (context, report) => {
    for (const state of context.model.states) {
      for (const matcher of context.errorMatchersOf(state)) {
        const all = matcher.names.find((n) => n.value === 'States.ALL');
        if (all === undefined) continue;
        if (matcher.errorEquals.items.length > 1) report(all, RULE_MESSAGES.errorAllNotAlone());
        else if (matcher.index !== matcher.count - 1)
          report(all, RULE_MESSAGES.errorAllNotLast(matcher.field));
      }
    }
  },
};
