import { describeScope } from '../model';
import { RULE_MESSAGES } from './messages';
import type { Rule } from './rule';
import { transitionLabel } from './transitionLabel';

/** A state in a branch or processor moves only within it (and outer states never jump into one). */
export const transitionOutOfScope: Rule = {
  code: 'ASL-TRANSITION-OUT-OF-SCOPE',
  severity: 'error',
  description:
    'A transition may only target a state of the same scope (machine, Parallel branch or Map processor).',
  check: (context, report) => {
    const { model } = context;
    for (const state of model.states) {
      for (const transition of context.transitionsOf(state)) {
        const name = transition.node.value;
        if (state.scope.byName.has(name)) continue;
        const target = model.statesByName.get(name)?.[0];
        if (target === undefined) continue;
        const message = RULE_MESSAGES.transitionOutOfScope(
          transitionLabel(transition),
          name,
          describeScope(state.scope),
          describeScope(target.scope),
        );
        report(transition.node, message, [
          { offset: target.key.offset, length: target.key.length, message: RULE_MESSAGES.definedHere(name) },
        ]);
      }
    }
  },
};
