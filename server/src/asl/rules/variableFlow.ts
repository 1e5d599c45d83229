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
  // Every name first, so that all bit arrays have one width.
  const names = new NameIndex();
  const groups = new Map<State, ReadonlyMap<string, readonly string[]>>();
  for (const state of context.model.states) {
    const byOwner = groupAssignments(context, state);
    for (const list of byOwner.values()) for (const name of list) names.add(name);
    groups.set(state, byOwner);
  }
  const assignedBy = new Map<State, ReadonlyMap<string, Uint32Array>>();
  for (const [state, byOwner] of groups) {
    assignedBy.set(state, new Map([...byOwner].map(([key, list]) => [key, names.bitsOf(list)])));
  }
  const visible = new Map<State, Uint32Array>();
  const hidden = new Map<Scope, ReadonlySet<string>>();
  for (const scope of context.model.scopes) {
    const owner = scope.owner;
    let initial = names.empty();
    if (owner !== undefined) {
      const outer = visible.get(owner);
      if (outer === undefined) continue; // The owner never runs: nor does its scope.
      if (isDistributed(owner) && (scope.kind === 'itemProcessor' || scope.kind === 'iterator'))
        hidden.set(scope, new NameSet(names, outer));
      else initial = outer;
    }
    flowThrough(context, scope, initial, visible, assignedBy);
  }
  const views = new Map<State, ReadonlySet<string>>();
  return {
    visibleAt: (state) => {
      let view = views.get(state);
      if (view === undefined) {
        const bits = visible.get(state);
        if (bits === undefined) return undefined;
        view = new NameSet(names, bits);
        views.set(state, view);
      }
      return view;
    },
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
  initial: Uint32Array,
  visible: Map<State, Uint32Array>,
  assignedBy: ReadonlyMap<State, ReadonlyMap<string, Uint32Array>>,
): void {
  const start = scope.byName.get(stringValue(scope.startAt?.value) ?? '');
  if (start === undefined) return;
  visible.set(start, initial.slice());
  const work: State[] = [start];
  for (let state = work.pop(); state !== undefined; state = work.pop()) {
    const seen = visible.get(state);
    if (seen === undefined) continue;
    const byOwner = assignedBy.get(state);
    for (const transition of context.transitionsOf(state)) {
      const target = scope.byName.get(transition.node.value);
      if (target === undefined) continue;
      const carried =
        transition.kind === 'Catch' ? 'catch' : transition.kind === 'Choice' ? 'choice' : 'state';
      const assigned =
        transition.assign === undefined ? undefined : byOwner?.get(`${carried}:${transition.assign.offset}`);
      let into = visible.get(target);
      const isNew = into === undefined;
      if (into === undefined) {
        into = new Uint32Array(seen.length);
        visible.set(target, into);
      }
      let changed = false;
      for (let w = 0; w < into.length; w++) {
        // >>> 0: `|` gives a signed 32-bit number, the array holds unsigned ones (bit 31).
        const merged = ((into[w] ?? 0) | (seen[w] ?? 0) | (assigned?.[w] ?? 0)) >>> 0;
        if (merged !== into[w]) {
          into[w] = merged;
          changed = true;
        }
      }
      if (isNew || changed) work.push(target);
    }
  }
}

/** The names each Assign object of a state sets, keyed by owner kind and the Assign's offset. */
function groupAssignments(context: RuleContext, state: State): ReadonlyMap<string, readonly string[]> {
  const groups = new Map<string, string[]>();
  if (state.node === undefined) return groups;
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

/**
 * The assigned names of a document, numbered, so that the sets of the flow are bit arrays:
 * a union is a few word operations instead of one insertion per name. Sets of names, kept per
 * state, made the analysis grow with states × variables (5,000 of each: ~1 s).
 */
class NameIndex {
  private readonly numbers = new Map<string, number>();
  readonly list: string[] = [];

  add(name: string): void {
    if (this.numbers.has(name)) return;
    this.numbers.set(name, this.list.length);
    this.list.push(name);
  }

  numberOf(name: string): number | undefined {
    return this.numbers.get(name);
  }

  /** A set with no names, as wide as every set of this index (all names are added first). */
  empty(): Uint32Array {
    return new Uint32Array(Math.ceil(this.list.length / 32));
  }

  bitsOf(names: readonly string[]): Uint32Array {
    const bits = this.empty();
    for (const name of names) {
      const n = this.numbers.get(name);
      if (n !== undefined) bits[n >>> 5] = (bits[n >>> 5] ?? 0) | (1 << (n & 31));
    }
    return bits;
  }
}

/** A read-only view of a bit array of names. */
class NameSet implements ReadonlySet<string> {
  private names: string[] | undefined;

  constructor(
    private readonly index: NameIndex,
    private readonly bits: Uint32Array,
  ) {}

  has(name: string): boolean {
    const n = this.index.numberOf(name);
    return n !== undefined && ((this.bits[n >>> 5] ?? 0) & (1 << (n & 31))) !== 0;
  }

  get size(): number {
    return this.members().length;
  }

  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void): void {
    for (const name of this.members()) callback(name, name, this);
  }

  *entries(): SetIterator<[string, string]> {
    for (const name of this.members()) yield [name, name];
  }

  keys(): SetIterator<string> {
    return this.values();
  }

  *values(): SetIterator<string> {
    yield* this.members();
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.values();
  }

  private members(): string[] {
    this.names ??= this.index.list.filter((name) => this.has(name));
    return this.names;
  }
}
