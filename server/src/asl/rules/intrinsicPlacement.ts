import { classifyPayloadString } from '../paths';
import { asString } from './expressionSites';
import { RULE_MESSAGES } from './messages';
import type { Rule } from './rule';

/**
 * Intrinsic functions run in payload templates (".$" keys) and in Fail's ErrorPath and
 * CausePath only; InputPath, ResultPath, Variable and the other ...Path fields take paths.
 */
export const intrinsicPlacement: Rule = {
  code: 'ASL-INTRINSIC-PLACEMENT',
  severity: 'error',
  description:
    'Intrinsic functions may only appear in ".$" values of payload templates and in Fail\'s ErrorPath/CausePath.',
  check: (context, report) => {
    for (const state of context.model.states) {
      for (const site of context.sitesOf(state).expressions) {
        if (site.role === 'payload' || site.role === 'errorPath') continue;
        const node = asString(site.value);
        if (node === undefined || classifyPayloadString(node.value) !== 'intrinsic') continue;
        report(node, RULE_MESSAGES.intrinsicPlacement(site.field));
      }
    }
  },
};
