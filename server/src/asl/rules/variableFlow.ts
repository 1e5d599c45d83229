import { propertyOf } from '../ast';
import type { Scope, State } from '../model';
import { stringValue } from '../model';
import type { RuleContext } from './context';

/**
 * Which variables may be set when each state starts, following the AWS rules on variable
 * scope: a state sees what any state that can run before it (along transitions) assigned,
 * with the assignment of a transition taking effect after the state that made it. A Parallel
 * branch or Map processor starts with what its Parallel or Map state sees, and what it
 * assigns stays inside it. A Distributed Map's processor sees no outer variables at all.
 */
export interface VariableFlow {
  /** Names possibly set when `state` starts; undefined when the state cannot run. */
  visibleAt(state: State): ReadonlySet<string> | undefined;
  /** What the scope's states could see but for a Distributed Map's boundary. */
  hiddenBoundary(scope: Scope): ReadonlySet<string> | undefined;
}

export function computeVariableFlow(context: RuleContext): VariableFlow {
  const visible = new Map<State, Set<string>>();
  const hidden = new Map<Scope, ReadonlySet<string>>();
  for (const scope of context.model.scopes) {
    const owner = scope.owner;
    let initial: ReadonlySet<string> = new Set();
    if (owner !== undefined) {
      const outer = visible.get(owner);
      if (outer === undefined) continue; // The owner never runs: nor does its scope.
      if (isDistributed(owner) && (scope.kind === 'itemProcessor' || scope.kind === 'iterator'))
        hidden.set(scope, outer);
      else initial = outer;
    }
    flowThrough(context, scope, initial, visible);
  }
  return {
    visibleAt: (state) => visible.get(state),
    hiddenBoundary: (scope) => hidden.get(scope),
  };
}

/** A Map state whose processor runs as a Distributed Map. */
export function isDistributed(state: State): boolean {
  const processor =
    propertyOf(state.node, 'ItemProcessor')?.value ?? propertyOf(state.node, 'Iterator')?.value;
  const mode = stringValue(propertyOf(propertyOf(processor, 'ProcessorConfig')?.value, 'Mode')?.value);
  return state.type === 'Map' && mode === 'DISTRIBUTED';
}

function flowThrough(
  context: RuleContext,
  scope: Scope,
  initial: ReadonlySet<string>,
  visible: Map<State, Set<string>>,
): void {
  const start = scope.byName.get(stringValue(scope.startAt?.value) ?? '');
  if (start === undefined) return;
  visible.set(start, new Set(initial));
  const assignedBy = new Map<State, ReadonlyMap<string, readonly string[]>>();
  const work: State[] = [start];
  for (let state = work.pop(); state !== undefined; state = work.pop()) {
    const seen = visible.get(state) ?? new Set<string>();
    let byOwner = assignedBy.get(state);
    if (byOwner === undefined) {
      byOwner = groupAssignments(context, state);
      assignedBy.set(state, byOwner);
    }
    for (const transition of context.transitionsOf(state)) {
      const target = scope.byName.get(transition.node.value);
      if (target === undefined) continue;
      const carried =
        transition.kind === 'Catch' ? 'catch' : transition.kind === 'Choice' ? 'choice' : 'state';
      const assigned =
        transition.assign === undefined ? [] : (byOwner.get(`${carried}:${transition.assign.offset}`) ?? []);
      let into = visible.get(target);
      const isNew = into === undefined;
      into ??= new Set<string>();
      const before = into.size;
      for (const name of seen) into.add(name);
      for (const name of assigned) into.add(name);
      visible.set(target, into);
      if (isNew || into.size !== before) work.push(target);
    }
  }
}

/** The names each Assign object of a state sets, keyed by owner kind and the Assign's offset. */
function groupAssignments(context: RuleContext, state: State): ReadonlyMap<string, readonly string[]> {
  const groups = new Map<string, string[]>();
  const body = state.node;
  if (body === undefined) return groups;
  for (const assignment of context.sitesOf(state).assignments) {
    const assign = findAssignObject(state, assignment.owner, assignment.property.offset);
    if (assign === undefined) continue;
    const key = `${assignment.owner}:${assign}`;
    const list = groups.get(key) ?? [];
    list.push(assignment.name);
    groups.set(key, list);
  }
  return groups;
}

/** The offset of the Assign object holding a property: the state's own, or one of its rules' or catchers'. */
function findAssignObject(
  state: State,
  owner: 'state' | 'choice' | 'catch',
  propertyOffset: number,
): number | undefined {
  const candidates =
    owner === 'state'
      ? [propertyOf(state.node, 'Assign')?.value]
      : (() => {
          const list = propertyOf(state.node, owner === 'choice' ? 'Choices' : 'Catch')?.value;
          return list?.kind === 'array' ? list.items.map((item) => propertyOf(item, 'Assign')?.value) : [];
        })();
  for (const candidate of candidates) {
    if (candidate?.kind !== 'object') continue;
    if (candidate.properties.some((p) => p.offset === propertyOffset)) return candidate.offset;
  }
  return undefined;
}
