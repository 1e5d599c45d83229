import { RULE_MESSAGES } from './messages';
import { closestName } from '../levenshtein';
import type { Rule } from './rule';
import { transitionLabel } from './transitionLabel';

/** Next, Default, a choice rule's Next and a catcher's Next name a state that exists. */
export const nextUnknown: Rule = {
  code: 'ASL-NEXT-UNKNOWN',
  severity: 'error',
  description: 'Next, Default and Catch Next must name an existing state.',
  check: (context, report) => {
    const { model } = context;
    for (const state of model.states) {
      for (const transition of context.transitionsOf(state)) {
        const name = transition.node.value;
        if (model.statesByName.has(name)) continue;
        const suggestion = closestName(name, state.scope.byName.keys());
        report(transition.node, RULE_MESSAGES.nextUnknown(transitionLabel(transition), name, suggestion));
      }
    }
  },
};
