import { fieldLanguage } from './languageFields';
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
      for (const site of context.sitesOf(state)) {
        if (site.property === undefined || fieldLanguage(site) !== 'JSONata') continue;
        report(site.property.key, RULE_MESSAGES.jsonataOnlyField(site.property.key.value));
      }
    }
  },
};
