import { propertyOf } from '../ast';
import { RULE_MESSAGES } from './messages';
import type { Rule } from './rule';
import { FLOWING_TYPES, isTerminal } from './terminal';

/** Task, Pass, Wait, Parallel and Map must say what comes next, or that they end. */
export const transitionMissing: Rule = {
  code: 'ASL-TRANSITION-MISSING',
  severity: 'error',
  description: 'Task, Pass, Wait, Parallel and Map states need "Next" or "End": true.',
  check: ({ model }, report) => {
    for (const state of model.states) {
      if (state.type === undefined || !FLOWING_TYPES.has(state.type)) continue;
      if (isTerminal(state) || propertyOf(state.node, 'Next') !== undefined) continue;
      report(state.key, RULE_MESSAGES.transitionMissing(state.name, state.type));
    }
  },
};
