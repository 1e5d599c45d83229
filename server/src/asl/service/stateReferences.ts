import { containsOffset, endOf, type StringNode, type ValueNode } from '../ast';
import type { Scope, State, StateMachine } from '../model';
import { collectTransitions, type TransitionKind } from '../rules/transitions';

/** A place that names a state: StartAt, Next, Default, a catcher's Next or a Choice rule's Next. */
export type ReferenceKind = 'StartAt' | TransitionKind;

export interface StateReference {
  readonly name: string;
  /** The string naming the state. */
  readonly node: StringNode;
  /** The scope whose states the name refers to. */
  readonly scope: Scope;
  /** The state holding the reference (undefined for StartAt). */
  readonly from: State | undefined;
  readonly kind: ReferenceKind;
}

export interface ReferenceIndex {
  /** Every reference, in document order. */
  readonly all: readonly StateReference[];
  /** The references that name this state (same scope, same name). */
  referencesTo(state: State): readonly StateReference[];
  /** The reference whose string holds the offset. */
  referenceAt(offset: number): StateReference | undefined;
}

const cache = new WeakMap<StateMachine, ReferenceIndex>();

/** All state references of a model, indexed once per model. */
export function stateReferences(model: StateMachine): ReferenceIndex {
  const cached = cache.get(model);
  if (cached !== undefined) return cached;
  const all: StateReference[] = [];
  for (const scope of model.scopes) collectScope(scope, all);
  all.sort((a, b) => a.node.offset - b.node.offset);
  const byScope = new Map<Scope, Map<string, StateReference[]>>();
  for (const reference of all) {
    let names = byScope.get(reference.scope);
    if (names === undefined) {
      names = new Map<string, StateReference[]>();
      byScope.set(reference.scope, names);
    }
    const list = names.get(reference.name);
    if (list === undefined) names.set(reference.name, [reference]);
    else list.push(reference);
  }
  const index: ReferenceIndex = {
    all,
    referencesTo: (state) => byScope.get(state.scope)?.get(state.name) ?? [],
    referenceAt: (offset) => {
      const found = lastStartingAtOrBefore(all, offset, (r) => r.node.offset);
      return found !== undefined && containsOffset(found.node, offset) ? found : undefined;
    },
  };
  cache.set(model, index);
  return index;
}

/** The state a reference names, in its scope. */
export function targetOf(reference: StateReference): State | undefined {
  return reference.scope.byName.get(reference.name);
}

/** The state whose name (the key) holds the offset. */
export function stateKeyAt(model: StateMachine, offset: number): State | undefined {
  const found = lastStartingAtOrBefore(model.states, offset, (s) => s.key.offset);
  return found !== undefined && offset <= endOf(found.key) ? found : undefined;
}

function collectScope(scope: Scope, out: StateReference[]): void {
  add(out, scope.startAt?.value, scope, undefined, 'StartAt');
  // The same transitions the validation rules follow, so that navigation and the checks agree.
  for (const state of scope.states) {
    for (const transition of collectTransitions(state))
      add(out, transition.node, scope, state, transition.kind);
  }
}

function add(
  out: StateReference[],
  node: ValueNode | undefined,
  scope: Scope,
  from: State | undefined,
  kind: ReferenceKind,
): void {
  // Names reached through a YAML alias point at the anchor's text: renaming them there would be wrong.
  if (node?.kind !== 'string' || node.aliasOf !== undefined) return;
  out.push({ name: node.value, node, scope, from, kind });
}

/** Binary search in a list sorted by `start`: the last item starting at or before the offset. */
function lastStartingAtOrBefore<T>(
  items: readonly T[],
  offset: number,
  start: (item: T) => number,
): T | undefined {
  let low = 0;
  let high = items.length - 1;
  let found: T | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const item = items[mid];
    if (item === undefined) break;
    if (start(item) <= offset) {
      found = item;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}
