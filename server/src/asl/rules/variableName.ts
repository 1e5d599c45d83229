import { RESERVED_VARIABLES, VARIABLE_NAME } from './assignments';
import { RULE_MESSAGES } from './messages';
import type { Rule } from './rule';

/** Assign keys are variable names: a letter or underscore first, then letters, digits and underscores. */
export const variableName: Rule = {
  code: 'ASL-VARIABLE-NAME',
  severity: 'error',
  description:
    'Variable names in Assign start with a letter or underscore and contain only letters, digits and underscores.',
  check: (context, report) => {
    for (const state of context.model.states) {
      for (const assignment of context.sitesOf(state).assignments) {
        if (RESERVED_VARIABLES.has(assignment.name) || VARIABLE_NAME.test(assignment.name)) continue;
        report(assignment.property.key, RULE_MESSAGES.variableName(assignment.name));
      }
    }
  },
};
