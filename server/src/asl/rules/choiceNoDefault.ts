import { propertyOf } from '../ast';
import { RULE_MESSAGES } from './messages';
import type { Rule } from './rule';

/** Without Default, an input no rule matches fails the execution: worth knowing, not an error. */
export const choiceNoDefault: Rule = {
  code: 'ASL-CHOICE-NO-DEFAULT',
  severity: 'hint',
  description: 'A Choice state without Default fails with States.NoChoiceMatched when no rule matches.',
  check: ({ model }, report) => {
    for (const state of model.states) {
      if (state.type !== 'Choice' || state.node === undefined) continue;
      if (propertyOf(state.node, 'Default') !== undefined) continue;
      report(propertyOf(state.node, 'Choices')?.key ?? state.key, RULE_MESSAGES.choiceNoDefault());
    }
  },
};
