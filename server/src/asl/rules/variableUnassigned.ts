import { computeVariableFlow } from './variableFlow';
import { variableUsesOf, type VariableUse } from './variableUses';
import { RULE_MESSAGES } from './messages';
import type { Rule } from './rule';
import type { State } from '../model';

/**
 * A variable read must have been assigned by a state that can run before, in this scope or
 * an enclosing one. AWS accepts such definitions and fails at run time (a recorded case shows
 * it for JSONata), so this is a warning.
 */
export const variableUnassigned: Rule = {
  code: 'ASL-VARIABLE-UNASSIGNED',
  severity: 'warning',
  description: 'A variable ($name) is read where no state that can run before has assigned it.',
  check: (context, report) => {
    const uses = new Map<State, VariableUse[]>();
    for (const state of context.model.states) {
      const found = variableUsesOf(context, state);
      if (found.length > 0) uses.set(state, found);
    }
    if (uses.size === 0) return;
    const flow = computeVariableFlow(context);
    for (const [state, reads] of uses) {
      const visible = flow.visibleAt(state);
      if (visible === undefined) continue;
      for (const read of reads) {
        if (visible.has(read.name)) continue;
        const span = context.spanIn(read.node, read.start, read.end);
        const beyondBoundary = flow.hiddenBoundary(state.scope)?.has(read.name) ?? false;
        report(
          span,
          beyondBoundary
            ? RULE_MESSAGES.variableBeyondDistributedMap(read.name)
            : RULE_MESSAGES.variableUnassigned(read.name),
        );
      }
    }
  },
};
