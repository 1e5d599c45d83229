import { RESERVED_VARIABLES } from './assignments';
import { RULE_MESSAGES } from './messages';
import type { Rule } from './rule';

/** `$states` is Step Functions' own: it cannot be assigned. */
export const variableReserved: Rule = {
  code: 'ASL-VARIABLE-RESERVED',
  severity: 'error',
  description: 'Assign may not set reserved names such as "states".',
  check: (context, report) => {
    for (const state of context.model.states) {
      for (const assignment of context.sitesOf(state).assignments) {
        if (RESERVED_VARIABLES.has(assignment.name))
          report(assignment.property.key, RULE_MESSAGES.variableReserved(assignment.name));
      }
    }
  },
};
