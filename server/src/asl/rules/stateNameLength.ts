import { RULE_MESSAGES } from './messages';
import type { Rule } from './rule';

const MAX_NAME_LENGTH = 80;

/** AWS limits state names to 1–80 characters. */
export const stateNameLength: Rule = {
  code: 'ASL-STATE-NAME-LENGTH',
  severity: 'error',
  description: 'State names have 1 to 80 characters.',
  check: ({ model }, report) => {
    for (const state of model.states) {
      // 1 to 80 UTF-16 units are 1 to 80 characters: only count (which allocates) outside that.
      if (state.name.length > 0 && state.name.length <= MAX_NAME_LENGTH) continue;
      const length = [...state.name].length;
      if (length === 0) report(state.key, RULE_MESSAGES.stateNameEmpty());
      else if (length > MAX_NAME_LENGTH) report(state.key, RULE_MESSAGES.stateNameTooLong(length));
    }
  },
};
