import { propertyOf } from '../ast';
import { RULE_MESSAGES } from './messages';
import { relatedAt } from './related';
import type { Rule } from './rule';

/** A heartbeat only makes sense inside the timeout: HeartbeatSeconds < TimeoutSeconds. */
export const heartbeatTimeout: Rule = {
  code: 'ASL-HEARTBEAT-TIMEOUT',
  severity: 'error',
  description: 'HeartbeatSeconds must be smaller than TimeoutSeconds.',
  check: ({ model }, report) => {
    for (const state of model.states) {
      const heartbeat = propertyOf(state.node, 'HeartbeatSeconds')?.value;
      const timeout = propertyOf(state.node, 'TimeoutSeconds')?.value;
      if (heartbeat?.kind !== 'number' || timeout?.kind !== 'number') continue;
      if (heartbeat.value < timeout.value) continue;
      report(
        heartbeat,
        RULE_MESSAGES.heartbeatNotBelowTimeout(heartbeat.value, timeout.value),
        relatedAt(timeout, RULE_MESSAGES.fieldSetHere('TimeoutSeconds')),
      );
    }
  },
};
