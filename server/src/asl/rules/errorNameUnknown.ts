import { PREDEFINED_ERRORS } from './errorNames';
import { RULE_MESSAGES } from './messages';
import { closestName } from '../levenshtein';
import type { Rule } from './rule';

const KNOWN: ReadonlySet<string> = new Set(PREDEFINED_ERRORS);

/** A `States.` name that Step Functions never raises is a typo: the retrier or catcher would never match. */
export const errorNameUnknown: Rule = {
  code: 'ASL-ERROR-NAME-UNKNOWN',
  severity: 'error',
  description: 'Error names starting with "States." must be predefined Step Functions errors.',
  check: (context, report) => {
    for (const state of context.model.states) {
      for (const matcher of context.errorMatchersOf(state)) {
        for (const name of matcher.names) {
          if (!name.value.startsWith('States.') || KNOWN.has(name.value)) continue;
          report(
            name,
            RULE_MESSAGES.errorNameUnknown(name.value, closestName(name.value, PREDEFINED_ERRORS)),
          );
        }
      }
    }
  },
};
