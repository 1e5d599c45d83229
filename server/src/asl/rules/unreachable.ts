import { describeScope } from '../model';
import { RULE_MESSAGES } from './messages';
import type { Rule } from './rule';

/**
 * Every state can be reached from its scope's StartAt (AWS refuses the definition otherwise,
 * MISSING_TRANSITION_TARGET). Reachability is a walk, so a state named only by unreachable
 * states is unreachable too. A scope whose StartAt names no state is skipped: that error is
 * reported on StartAt, and flagging every state besides would only bury it.
 */
export const unreachable: Rule = {
  code: 'ASL-UNREACHABLE',
  severity: 'error',
  description: 'Every state must be reachable from StartAt.',
  check: (context, report) => {
    for (const scope of context.model.scopes) {
      const reached = context.reachableIn(scope);
      if (reached === undefined) continue;
      for (const state of scope.states) {
        // A repeated name in one States object is a duplicate-key error already.
        if (reached.has(state) || scope.byName.get(state.name) !== state) continue;
        report(state.key, RULE_MESSAGES.unreachable(state.name, describeScope(scope)));
      }
    }
  },
};
