import { checkIntrinsicCall } from '../intrinsics';
import { RULE_MESSAGES } from './messages';
import type { Rule } from './rule';

/**
 * What can be known before running: the 18 function names, argument counts, literal argument
 * types (States.MathAdd takes numbers), States.Format's placeholders against its values, and
 * the rules of single functions. Arguments that are paths are only known at run time.
 */
export const intrinsicCall: Rule = {
  code: 'ASL-INTRINSIC-CALL',
  severity: 'error',
  description:
    'Intrinsic calls use one of the 18 functions with the right number and kind of literal arguments.',
  check: (context, report) => {
    for (const state of context.model.states) {
      for (const { node, parsed } of context.intrinsicSitesOf(state)) {
        if (!parsed.ok) continue;
        for (const problem of checkIntrinsicCall(parsed.call)) {
          report(
            context.spanIn(node, problem.offset, problem.offset + Math.max(1, problem.length)),
            RULE_MESSAGES.intrinsicCall(problem.message),
          );
        }
      }
    }
  },
};
