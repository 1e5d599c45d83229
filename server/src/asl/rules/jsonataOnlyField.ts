import { RULE_MESSAGES } from './messages';
import type { Rule } from './rule';

/** Arguments, Output, Condition and Items belong to JSONata. */
export const jsonataOnlyField: Rule = {
  code: 'ASL-JSONATA-ONLY-FIELD',
  severity: 'error',
  description: 'JSONata-only fields (Arguments, Output, Condition, Items) are rejected in JSONPath states.',
  check: (context, report) => {
    for (const state of context.model.states) {
      if (context.languageOf(state) !== 'JSONPath') continue;
      // In a JSONPath state, the fields of the other language are JSONata's.
      for (const property of context.sitesOf(state).foreignFields) {
        report(property.key, RULE_MESSAGES.jsonataOnlyField(property.key.value));
      }
    }
  },
};
