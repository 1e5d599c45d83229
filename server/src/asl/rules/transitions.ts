import { propertyOf, type ObjectNode, type PropertyNode, type StringNode, type ValueNode } from '../ast';
import { stringValue, type Scope, type State } from '../model';

/** The ways a state names the state that runs next. */
export type TransitionKind = 'Next' | 'Default' | 'Choice' | 'Catch';

export interface Transition {
  readonly kind: TransitionKind;
  readonly from: State;
  /** The string naming the target. */
  readonly node: StringNode;
  /** The Assign that runs when this transition is taken (the state's, a choice rule's or a catcher's). */
  readonly assign: ObjectNode | undefined;
}

function objectValue(node: ValueNode | undefined): ObjectNode | undefined {
  return node?.kind === 'object' ? node : undefined;
}

/** Next, Default, each choice rule's Next and each catcher's Next, in that order. */
export function collectTransitions(state: State): Transition[] {
  const list: Transition[] = [];
  const body = state.node;
  if (body === undefined) return list;
  // One pass over the body for the five fields (the first of repeated keys wins, as in propertyOf).
  let assign: PropertyNode | undefined;
  let next: PropertyNode | undefined;
  let fallback: PropertyNode | undefined;
  let choices: PropertyNode | undefined;
  let catchers: PropertyNode | undefined;
  for (const property of body.properties) {
    switch (property.key.value) {
      case 'Assign':
        assign ??= property;
        break;
      case 'Next':
        next ??= property;
        break;
      case 'Default':
        fallback ??= property;
        break;
      case 'Choices':
        choices ??= property;
        break;
      case 'Catch':
        catchers ??= property;
        break;
    }
  }
  const stateAssign = objectValue(assign?.value);
  if (next?.value?.kind === 'string') {
    list.push({ kind: 'Next', from: state, node: next.value, assign: stateAssign });
  }
  if (fallback?.value?.kind === 'string') {
    list.push({ kind: 'Default', from: state, node: fallback.value, assign: stateAssign });
  }
  pushRuleTransitions(list, state, 'Choice', choices?.value);
  pushRuleTransitions(list, state, 'Catch', catchers?.value);
  return list;
}

/** The Next of each choice rule or catcher, with that rule's or catcher's own Assign. */
function pushRuleTransitions(
  list: Transition[],
  from: State,
  kind: 'Choice' | 'Catch',
  rules: ValueNode | undefined,
): void {
  if (rules?.kind !== 'array') return;
  for (const rule of rules.items) {
    const target = propertyOf(rule, 'Next')?.value;
    if (target?.kind !== 'string') continue;
    list.push({ kind, from, node: target, assign: objectValue(propertyOf(rule, 'Assign')?.value) });
  }
}

/** States reached by walking the scope's graph from its StartAt; undefined when StartAt names no state of the scope. */
export function reachableFrom(
  scope: Scope,
  transitionsOf: (state: State) => readonly Transition[],
): ReadonlySet<State> | undefined {
  const start = stringValue(scope.startAt?.value);
  const first = start === undefined ? undefined : scope.byName.get(start);
  if (first === undefined) return undefined;
  const seen = new Set<State>([first]);
  const stack = [first];
  for (let state = stack.pop(); state !== undefined; state = stack.pop()) {
    for (const transition of transitionsOf(state)) {
      const target = scope.byName.get(transition.node.value);
      if (target === undefined || seen.has(target)) continue;
      seen.add(target);
      stack.push(target);
    }
  }
  return seen;
}
