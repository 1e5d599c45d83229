import { RULE_MESSAGES } from './messages';
import { relatedAt } from './related';
import type { Rule } from './rule';

const DURATION_FIELDS = ['Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath'];

/** A Wait state says how long to wait exactly one way. */
export const waitDuration: Rule = {
  code: 'ASL-WAIT-DURATION',
  severity: 'error',
  description: 'A Wait state takes exactly one of Seconds, SecondsPath, Timestamp and TimestampPath.',
  check: ({ model }, report) => {
    for (const state of model.states) {
      if (state.type !== 'Wait' || state.node === undefined) continue;
      const present = state.node.properties.filter((p) => DURATION_FIELDS.includes(p.key.value));
      const first = present[0];
      if (first === undefined) {
        report(state.key, RULE_MESSAGES.waitNoDuration(state.name));
        continue;
      }
      for (const later of present.slice(1)) {
        if (later.key.value === first.key.value) continue;
        report(
          later.key,
          RULE_MESSAGES.waitTwoDurations(later.key.value, first.key.value),
          relatedAt(first.key, RULE_MESSAGES.fieldSetHere(first.key.value)),
        );
      }
    }
  },
};
