import { propertyOf, type ObjectNode, type PropertyNode, type StringNode, type ValueNode } from './ast';
import type { ParsedDocument } from './parse';

/**
 * The typed state machine over the positioned tree. It is built from whatever parsed, so a
 * half-typed document still has a model; missing pieces are simply undefined. Every state and
 * every field points back to its node, and so to its range in the text.
 */

/** Where a list of states lives: the machine itself, a Parallel branch, or a Map's processor. */
export type ScopeKind = 'machine' | 'branch' | 'itemProcessor' | 'iterator';

export interface Scope {
  readonly kind: ScopeKind;
  /** The object holding StartAt and States. */
  readonly node: ObjectNode;
  /** The Parallel or Map state that owns this scope; undefined for the machine. */
  readonly owner: State | undefined;
  /** Position among the owner's branches (0 for processors and the machine). */
  readonly index: number;
  readonly startAt: PropertyNode | undefined;
  readonly statesProperty: PropertyNode | undefined;
  /** In document order; a repeated name appears each time it is defined. */
  readonly states: readonly State[];
  /** By name, within this scope only; the first definition of a repeated name wins. */
  readonly byName: ReadonlyMap<string, State>;
}

export interface State {
  /** Position in StateMachine.states (document order): lets per-state facts live in arrays. */
  readonly index: number;
  readonly name: string;
  /** The key that names the state. */
  readonly key: StringNode;
  /** `"Name": { ... }`: from the name to the end of the body. */
  readonly property: PropertyNode;
  /** The body, when it is an object. */
  readonly node: ObjectNode | undefined;
  readonly scope: Scope;
  /** The Type value when it is a string. */
  readonly type: string | undefined;
  /** Parallel branches and Map processors, in document order. */
  readonly children: readonly Scope[];
}

export interface StateMachine {
  readonly root: ObjectNode | undefined;
  /** The top scope; undefined when the document's top value is not an object. */
  readonly machine: Scope | undefined;
  /** Every scope, outermost first. */
  readonly scopes: readonly Scope[];
  /** Every state of every scope, in document order. */
  readonly states: readonly State[];
  /** Every definition of each name across the whole machine (names must be unique machine-wide). */
  readonly statesByName: ReadonlyMap<string, readonly State[]>;
}

export function buildModel(document: Pick<ParsedDocument, 'root'>): StateMachine {
  const scopes: Scope[] = [];
  const states: MutableState[] = [];
  const root = document.root?.kind === 'object' ? document.root : undefined;
  const machine = root === undefined ? undefined : buildScope('machine', root, undefined, 0, scopes, states);
  states.sort((a, b) => a.property.offset - b.property.offset);
  const statesByName = new Map<string, State[]>();
  for (let index = 0; index < states.length; index++) {
    const state = states[index];
    if (state === undefined) continue;
    state.index = index;
    const list = statesByName.get(state.name);
    if (list === undefined) statesByName.set(state.name, [state]);
    else list.push(state);
  }
  return { root, machine, scopes, states, statesByName };
}

interface MutableScope extends Scope {
  states: State[];
  byName: Map<string, State>;
}

function buildScope(
  kind: ScopeKind,
  node: ObjectNode,
  owner: State | undefined,
  index: number,
  scopes: Scope[],
  all: MutableState[],
): Scope {
  const statesProperty = propertyOf(node, 'States');
  const scope: MutableScope = {
    kind,
    node,
    owner,
    index,
    startAt: propertyOf(node, 'StartAt'),
    statesProperty,
    states: [],
    byName: new Map(),
  };
  scopes.push(scope);
  const body = statesProperty?.value;
  if (body?.kind !== 'object') return scope;
  for (const property of body.properties) {
    const state = buildState(property, scope, scopes, all);
    scope.states.push(state);
    if (!scope.byName.has(state.name)) scope.byName.set(state.name, state);
  }
  return scope;
}

interface MutableState extends State {
  index: number;
  children: readonly Scope[];
}

/**
 * Most states own no scope: they share one empty list (a fresh array per state kept room for
 * 16 scopes each, 0.7 MB on 5,000 states, for as long as the model lives).
 */
const NO_SCOPES: readonly Scope[] = [];

function buildState(property: PropertyNode, scope: Scope, scopes: Scope[], all: MutableState[]): State {
  const node = property.value?.kind === 'object' ? property.value : undefined;
  // One pass over the body for the four fields the model reads (the first of a repeated key,
  // as propertyOf): the model is built on every validation, and a scan per field was a tenth
  // of building it.
  let type: PropertyNode | undefined;
  let branches: PropertyNode | undefined;
  let processor: PropertyNode | undefined;
  let iterator: PropertyNode | undefined;
  if (node !== undefined) {
    for (const field of node.properties) {
      switch (field.key.value) {
        case 'Type':
          type ??= field;
          break;
        case 'Branches':
          branches ??= field;
          break;
        case 'ItemProcessor':
          processor ??= field;
          break;
        case 'Iterator':
          iterator ??= field;
          break;
      }
    }
  }
  const state: MutableState = {
    index: -1,
    name: property.key.value,
    key: property.key,
    property,
    node,
    scope,
    type: stringValue(type?.value),
    children: NO_SCOPES,
  };
  all.push(state);
  if (branches === undefined && processor === undefined && iterator === undefined) return state;
  const children: Scope[] = [];
  const items = branches?.value;
  if (items?.kind === 'array') {
    for (let i = 0; i < items.items.length; i++) {
      const branch = items.items[i];
      if (branch?.kind === 'object') children.push(buildScope('branch', branch, state, i, scopes, all));
    }
  }
  const processorBody = processor?.value;
  if (processorBody?.kind === 'object')
    children.push(buildScope('itemProcessor', processorBody, state, 0, scopes, all));
  const iteratorBody = iterator?.value;
  if (iteratorBody?.kind === 'object')
    children.push(buildScope('iterator', iteratorBody, state, 0, scopes, all));
  if (children.length > 0) state.children = children;
  return state;
}

export function stringValue(node: ValueNode | undefined): string | undefined {
  return node?.kind === 'string' ? node.value : undefined;
}

/** A field of a state's body. */
export function fieldOf(state: State, name: string): PropertyNode | undefined {
  return propertyOf(state.node, name);
}

/** A human-readable path to a scope: `Parallel "Checks" › branch 2`. */
export function describeScope(scope: Scope): string {
  if (scope.owner === undefined) return 'the state machine';
  const owner = `${scope.owner.type ?? 'state'} "${scope.owner.name}"`;
  const parent = scope.owner.scope.owner === undefined ? '' : `${describeScope(scope.owner.scope)} › `;
  switch (scope.kind) {
    case 'branch':
      return `${parent}${owner} › branch ${scope.index + 1}`;
    case 'itemProcessor':
      return `${parent}${owner} › ItemProcessor`;
    case 'iterator':
      return `${parent}${owner} › Iterator`;
    default:
      return parent + owner;
  }
}
