import { statesFieldVerdict } from '../statesFields';
import { parseJsonata } from './jsonataExpressions';
import { RULE_MESSAGES } from './messages';
import type { Rule } from './rule';

/** `$states.result` exists only after a Task, Parallel or Map ran; `$states.errorOutput` only in a catcher. */
export const statesFieldUnavailable: Rule = {
  code: 'ASL-STATES-FIELD-UNAVAILABLE',
  severity: 'error',
  description:
    "$states.result and $states.errorOutput may only be read where they exist (Output/Assign of Task, Parallel and Map; a catcher's Output/Assign).",
  check: (context, report) => {
    for (const state of context.model.states) {
      for (const found of context.sitesOf(state).jsonata) {
        const parsed = parseJsonata(found.expression);
        if (!parsed.ok) continue;
        for (const read of parsed.statesReads) {
          const verdict = statesFieldVerdict(state.type, found.path, read.field);
          if (verdict === 'ok') continue;
          const span = context.spanIn(found.node, found.start + read.start, found.start + read.end);
          report(
            span,
            verdict === 'unknown'
              ? RULE_MESSAGES.statesFieldUnknown(read.field)
              : RULE_MESSAGES.statesFieldUnavailable(read.field, state.type ?? 'this'),
          );
        }
      }
    }
  },
};
