import { fieldLanguage } from './languageFields';
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
      for (const site of context.sitesOf(state)) {
        if (site.property === undefined || fieldLanguage(site) !== 'JSONPath') continue;
        report(site.property.key, RULE_MESSAGES.jsonPathOnlyField(site.property.key.value));
      }
    }
  },
};
