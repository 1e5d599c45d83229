import { describeScope } from '../model';
import { RULE_MESSAGES } from './messages';
import type { Rule } from './rule';

/**
 * State names are unique machine-wide. A repeat inside one States object is already a
 * duplicate-key error of the parser, so only repeats across scopes are reported here.
 */
export const stateNameDuplicate: Rule = {
  code: 'ASL-STATE-NAME-DUPLICATE',
  severity: 'error',
  description:
    'State names must be unique across the whole state machine, including branches and processors.',
  check: ({ model }, report) => {
    for (const definitions of model.statesByName.values()) {
      const first = definitions[0];
      if (first === undefined || definitions.length < 2) continue;
      const name = first.name;
      definitions.forEach((state, index) => {
        if (index === 0 || definitions.slice(0, index).some((earlier) => earlier.scope === state.scope))
          return;
        report(state.key, RULE_MESSAGES.duplicateStateName(name, describeScope(first.scope)), [
          {
            offset: first.key.offset,
            length: first.key.length,
            message: RULE_MESSAGES.firstDefinition(name),
          },
        ]);
      });
    }
  },
};
