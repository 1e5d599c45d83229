import { describeScope } from '../model';
import { RULE_MESSAGES } from './messages';
import type { Rule } from './rule';
import { isTerminal } from './terminal';

/** Each scope needs a way to finish (AWS: MISSING_END_STATE). */
export const noTerminal: Rule = {
  code: 'ASL-NO-TERMINAL',
  severity: 'error',
  description: 'Each States object needs at least one terminal state (Succeed, Fail or End: true).',
  check: ({ model }, report) => {
    for (const scope of model.scopes) {
      if (scope.states.length === 0 || scope.statesProperty === undefined) continue;
      // Half-typed states (no Type yet) might become terminal: judge only complete scopes.
      if (scope.states.some((state) => state.type === undefined)) continue;
      if (scope.states.some(isTerminal)) continue;
      report(scope.statesProperty.key, RULE_MESSAGES.noTerminal(describeScope(scope)));
    }
  },
};
