import { propertyOf } from '../ast';
import { RULE_MESSAGES } from './messages';
import type { Rule } from './rule';

/** "End": true and "Next" contradict each other. */
export const endAndNext: Rule = {
  code: 'ASL-END-AND-NEXT',
  severity: 'error',
  description: 'A state may not have both "End": true and "Next".',
  check: ({ model }, report) => {
    for (const state of model.states) {
      const end = propertyOf(state.node, 'End');
      const next = propertyOf(state.node, 'Next');
      if (end === undefined || next === undefined) continue;
      if (end.value?.kind !== 'boolean' || !end.value.value) continue;
      report(end.key, RULE_MESSAGES.endAndNext(), [
        { offset: next.key.offset, length: next.key.length, message: RULE_MESSAGES.nextHere() },
      ]);
    }
  },
};
