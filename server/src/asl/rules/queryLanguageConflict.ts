import { propertyOf } from '../ast';
import { RULE_MESSAGES } from './messages';
import type { Rule } from './rule';

/** A JSONata state machine may not switch single states back to JSONPath (the other way round is allowed). */
export const queryLanguageConflict: Rule = {
  code: 'ASL-QUERY-LANGUAGE-CONFLICT',
  severity: 'error',
  description: "A state may not use JSONPath when the state machine's QueryLanguage is JSONata.",
  check: ({ model, machineLanguage }, report) => {
    if (machineLanguage !== 'JSONata') return;
    for (const state of model.states) {
      const value = propertyOf(state.node, 'QueryLanguage')?.value;
      if (value?.kind === 'string' && value.value === 'JSONPath')
        report(value, RULE_MESSAGES.queryLanguageConflict());
    }
  },
};
