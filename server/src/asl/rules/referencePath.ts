import { checkReferencePath, parsePathCached } from '../paths';
import { asString } from './expressionSites';
import { RULE_MESSAGES } from './messages';
import type { Rule } from './rule';

/**
 * ResultPath, ItemsPath and the ...Path fields name exactly one node. ResultPath also writes
 * into the state's input, so it cannot start from the context object or a variable.
 */
export const referencePath: Rule = {
  code: 'ASL-REFERENCE-PATH',
  severity: 'error',
  description:
    'ResultPath, ItemsPath and the ...Path fields must be reference paths (names and indexes only); ResultPath starts with "$".',
  check: (context, report) => {
    for (const state of context.model.states) {
      for (const site of context.sitesOf(state).expressions) {
        if (site.role !== 'reference' && site.role !== 'resultPath') continue;
        const node = asString(site.value);
        if (node === undefined) continue;
        const parsed = parsePathCached(node.value);
        if (!parsed.ok) continue;
        if (site.role === 'resultPath' && parsed.path.root.kind !== 'input') {
          const root = parsed.path.root;
          report(
            context.spanIn(node, root.offset, root.offset + root.length),
            RULE_MESSAGES.resultPathRoot(),
          );
          continue;
        }
        const problem = checkReferencePath(parsed.path);
        if (problem === undefined) continue;
        report(
          context.spanIn(node, problem.offset, problem.offset + Math.max(1, problem.length)),
          RULE_MESSAGES.referencePath(site.field, problem.message),
        );
      }
    }
  },
};
