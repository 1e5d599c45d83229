import { RULE_MESSAGES } from './messages';
import { closestName } from '../levenshtein';
import type { Scope } from '../model';
import type { Rule } from './rule';
import { transitionLabel } from './transitionLabel';

/** Next, Default, a choice rule's Next and a catcher's Next name a state that exists. */
export const nextUnknown: Rule = {
  code: 'ASL-NEXT-UNKNOWN',
  severity: 'error',
  description: 'Next, Default and Catch Next must name an existing state.',
  check: (context, report) => {
    const { model } = context;
    const suggest = suggester();
    for (const state of model.states) {
      for (const transition of context.transitionsOf(state)) {
        const name = transition.node.value;
        if (model.statesByName.has(name)) continue;
        const suggestion = suggest(name, state.scope);
        report(transition.node, RULE_MESSAGES.nextUnknown(transitionLabel(transition), name, suggestion));
      }
    }
  },
};

/**
 * Names compared with candidates, over all the unknown names of a document, before "did you
 * mean" stops being offered. Each unknown name is compared with every state of its scope, so a
 * document where thousands of transitions name missing states would take minutes (30,000: six
 * minutes). Real documents, a few unknown names among a few thousand states, stay far below.
 */
const COMPARISON_BUDGET = 1_000_000;

/** closestName per scope and name, each asked once, within COMPARISON_BUDGET. */
function suggester(): (name: string, scope: Scope) => string | undefined {
  const known = new Map<Scope, Map<string, string | undefined>>();
  let spent = 0;
  return (name, scope) => {
    let byName = known.get(scope);
    if (byName === undefined) {
      byName = new Map<string, string | undefined>();
      known.set(scope, byName);
    }
    if (byName.has(name)) return byName.get(name);
    spent += scope.byName.size;
    const suggestion = spent <= COMPARISON_BUDGET ? closestName(name, scope.byName.keys()) : undefined;
    byName.set(name, suggestion);
    return suggestion;
  };
}
