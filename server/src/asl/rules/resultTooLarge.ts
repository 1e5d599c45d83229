import { propertyOf } from '../ast';
import { RULE_MESSAGES } from './messages';
import { compactJsonSize } from '../jsonSize';
import type { Rule } from './rule';

/** Step Functions' quota on data passed between states, which a literal Result becomes: 256 KiB. */
export const MAX_RESULT_BYTES = 256 * 1024;

/**
 * A Pass state's literal Result above 256 KiB can never be passed on. AWS accepts such a
 * definition (a recorded conformance case shows it) and fails every execution that reaches the
 * state with States.DataLimitExceeded: a warning, not an error.
 */
export const resultTooLarge: Rule = {
  code: 'ASL-RESULT-TOO-LARGE',
  severity: 'warning',
  description: 'A literal Result may not exceed 256 KiB.',
  check: ({ model }, report) => {
    for (const state of model.states) {
      const result = propertyOf(state.node, 'Result');
      // Compact JSON is never longer than its span in a JSON text; YAML can be shorter than its JSON.
      if (result?.value === undefined || result.value.length * 4 <= MAX_RESULT_BYTES) continue;
      const size = compactJsonSize(result.value, MAX_RESULT_BYTES);
      if (size > MAX_RESULT_BYTES) report(result.key, RULE_MESSAGES.resultTooLarge(size));
    }
  },
};
