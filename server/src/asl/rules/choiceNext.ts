import { propertyOf } from '../ast';
import { RULE_MESSAGES } from './messages';
import type { Rule } from './rule';

/** Top-level rules say where to go; rules nested in And, Or and Not may not. */
export const choiceNext: Rule = {
  code: 'ASL-CHOICE-NEXT',
  severity: 'error',
  description: 'Each top-level choice rule needs "Next"; rules inside And, Or and Not take none.',
  check: (context, report) => {
    for (const state of context.model.states) {
      for (const { rule, topLevel } of context.choiceRulesOf(state)) {
        const next = propertyOf(rule, 'Next');
        if (topLevel && next === undefined)
          report(rule.properties[0]?.key ?? rule, RULE_MESSAGES.choiceRuleNeedsNext());
        if (!topLevel && next !== undefined) report(next.key, RULE_MESSAGES.choiceNestedNext());
      }
    }
  },
};
