import { RULE_MESSAGES } from './messages';
import type { Rule } from './rule';

/** InputPath, Parameters, ResultPath, the ...Path fields and Variable-style choice rules belong to JSONPath. */
export const jsonPathOnlyField: Rule = {
  code: 'ASL-JSONPATH-ONLY-FIELD',
  severity: 'error',
  description:
    'JSONPath-only fields (InputPath, Parameters, ResultSelector, ResultPath, OutputPath, ItemsPath, ...Path, Variable operators) are rejected in JSONata states.',
  check: (context, report) => {
    for (const state of context.model.states) {
      if (context.languageOf(state) !== 'JSONata') continue;
      // In a JSONata state, the fields of the other language are JSONPath's.
      for (const property of context.sitesOf(state).foreignFields) {
        report(property.key, RULE_MESSAGES.jsonPathOnlyField(property.key.value));
      }
    }
  },
};
