import { classifyPayloadString } from '../paths';
import { RULE_MESSAGES } from './messages';
import type { Rule } from './rule';

/** A `.$` key (and ErrorPath/CausePath) holds a string that is a path or an intrinsic call. */
export const payloadExpression: Rule = {
  code: 'ASL-PAYLOAD-EXPRESSION',
  severity: 'error',
  description:
    'A ".$" key holds a path ($...), a context path ($$...), a variable ($name...) or an intrinsic function call (States....).',
  check: (context, report) => {
    for (const state of context.model.states) {
      for (const site of context.sitesOf(state).expressions) {
        if (site.role !== 'payload' && site.role !== 'errorPath') continue;
        const value = site.value;
        if (value.kind !== 'string') {
          report(value, RULE_MESSAGES.payloadNotString(site.field));
        } else if (classifyPayloadString(value.value) === 'invalid') {
          report(value, RULE_MESSAGES.payloadInvalid(site.field));
        }
      }
    }
  },
};
