import { describeScope, stringValue } from '../model';
import { RULE_MESSAGES } from './messages';
import { closestName } from '../levenshtein';
import type { Rule } from './rule';

/** StartAt names a state of its own scope: the machine's, a branch's or a processor's. */
export const startAtUnknown: Rule = {
  code: 'ASL-START-AT-UNKNOWN',
  severity: 'error',
  description: 'StartAt must name a state of the same States object.',
  check: ({ model }, report) => {
    for (const scope of model.scopes) {
      const value = scope.startAt?.value;
      const name = stringValue(value);
      if (value === undefined || name === undefined || scope.byName.has(name)) continue;
      const elsewhere = model.statesByName.get(name)?.[0];
      if (elsewhere === undefined) {
        const suggestion = closestName(name, scope.byName.keys());
        report(value, RULE_MESSAGES.startAtUnknown(name, describeScope(scope), suggestion));
      } else {
        report(
          value,
          RULE_MESSAGES.startAtOtherScope(name, describeScope(scope), describeScope(elsewhere.scope)),
          [
            {
              offset: elsewhere.key.offset,
              length: elsewhere.key.length,
              message: RULE_MESSAGES.definedHere(name),
            },
          ],
        );
      }
    }
  },
};
