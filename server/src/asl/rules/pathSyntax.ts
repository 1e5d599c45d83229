import { classifyPayloadString, parsePathCached } from '../paths';
import { asString } from './expressionSites';
import { RULE_MESSAGES } from './messages';
import type { Rule } from './rule';

/**
 * Every path a JSONPath state evaluates parses, with the error at the exact character.
 * Intrinsic calls and non-strings are other rules' business.
 */
export const pathSyntax: Rule = {
  code: 'ASL-PATH-SYNTAX',
  severity: 'error',
  description:
    'Paths (InputPath, OutputPath, ResultPath, ...Path fields, Variable, ".$" values) must be valid JSONPath.',
  check: (context, report) => {
    for (const state of context.model.states) {
      for (const site of context.sitesOf(state).expressions) {
        const node = asString(site.value);
        if (node === undefined) continue;
        const kind = classifyPayloadString(node.value);
        // In fields that also take a call, only strings that look like paths are paths.
        if (
          kind === 'intrinsic' ||
          (kind === 'invalid' && (site.role === 'payload' || site.role === 'errorPath'))
        )
          continue;
        const parsed = parsePathCached(node.value);
        if (parsed.ok) continue;
        const { offset, length } = parsed.problem;
        report(
          context.spanIn(node, offset, offset + Math.max(1, length)),
          RULE_MESSAGES.pathSyntax(site.field, parsed.problem.message),
        );
      }
    }
  },
};
