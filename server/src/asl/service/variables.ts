import { endOf, type Span, type StringNode } from '../ast';
import type { Scope, State, StateMachine } from '../model';
import type { ParsedDocument } from '../parse';
import { ruleContextFor } from '../rules/context';
import { computeVariableFlow, isDistributed } from '../rules/variableFlow';
import { variableUsesOf } from '../rules/variableUses';

/**
 * The workflow variables of a document: where each is assigned, where each is read, and which
 * assignments each read can see. Reads are found by parsing (JSONata ASTs, JSONPath roots,
 * intrinsic arguments) with the validator's own walkers, so a `$x` inside a literal string is
 * not a read. Which variables are set when a state starts comes from the validator's flow
 * analysis (ASL-VARIABLE-UNASSIGNED), so completion and diagnostics never disagree.
 */

/** A workflow variable set by an `Assign` field (of a state, a choice rule or a catcher). */
export interface VariableDefinition {
  readonly name: string;
  /** The Assign key (for JSONPath `name.$` keys, the whole key). */
  readonly key: StringNode;
  /** The characters of the name inside the key. */
  readonly nameSpan: Span;
  readonly state: State;
}

/** `$name` read in a JSONPath path, an intrinsic argument or a JSONata expression. */
export interface VariableUse {
  readonly name: string;
  /** The characters of `$name`; the whole string when its text cannot be mapped character by character. */
  readonly span: Span;
  /** False when `span` is the whole string (a YAML block scalar): such a read cannot be edited in place. */
  readonly exact: boolean;
  readonly state: State;
}

/** A variable under the cursor: a read or an Assign key. */
export type VariableAt =
  | { readonly kind: 'use'; readonly use: VariableUse }
  | { readonly kind: 'definition'; readonly definition: VariableDefinition };

export interface VariableIndex {
  readonly definitions: readonly VariableDefinition[];
  readonly uses: readonly VariableUse[];
  definitionsOf(name: string): readonly VariableDefinition[];
  usesOf(name: string): readonly VariableUse[];
  /** The read or Assign key under the offset. */
  at(offset: number): VariableAt | undefined;
  /** Names that may be set when the state starts; undefined when the state cannot run (not wired in yet). */
  visibleAt(state: State): ReadonlySet<string> | undefined;
  /** The assignments a read in `state` may see: its own scope's and enclosing scopes', stopping at a Distributed Map. */
  definitionsVisibleFrom(state: State, name: string): readonly VariableDefinition[];
}

const cache = new WeakMap<StateMachine, VariableIndex>();

export function variableIndex(document: ParsedDocument, model: StateMachine): VariableIndex {
  const cached = cache.get(model);
  if (cached !== undefined) return cached;
  const index = buildIndex(document, model);
  cache.set(model, index);
  return index;
}

function buildIndex(document: ParsedDocument, model: StateMachine): VariableIndex {
  const context = ruleContextFor(document, model);
  const definitions: VariableDefinition[] = [];
  const uses: VariableUse[] = [];
  for (const state of model.states) {
    for (const assignment of context.sitesOf(state).assignments) {
      const key = assignment.property.key;
      if (assignment.name === '' || key.aliasOf !== undefined) continue;
      const nameSpan = context.spanIn(key, 0, assignment.name.length);
      definitions.push({ name: assignment.name, key, nameSpan, state });
    }
    for (const read of variableUsesOf(context, state)) {
      const span = context.spanIn(read.node, read.start, read.end);
      const exact = document.text.slice(span.offset, endOf(span)) === `$${read.name}`;
      uses.push({ name: read.name, span, exact, state });
    }
  }
  definitions.sort((a, b) => a.nameSpan.offset - b.nameSpan.offset);
  uses.sort((a, b) => a.span.offset - b.span.offset);
  const definitionsByName = groupByName(definitions);
  const usesByName = groupByName(uses);
  let flow: ReturnType<typeof computeVariableFlow> | undefined;
  return {
    definitions,
    uses,
    definitionsOf: (name) => definitionsByName.get(name) ?? [],
    usesOf: (name) => usesByName.get(name) ?? [],
    at: (offset) => {
      // Exact reads only: a block scalar's read spans the whole string and would shadow its neighbours.
      const use = uses.find((u) => u.exact && u.span.offset <= offset && offset <= endOf(u.span));
      if (use !== undefined) return { kind: 'use', use };
      const definition = definitions.find((d) => d.nameSpan.offset <= offset && offset <= endOf(d.nameSpan));
      return definition === undefined ? undefined : { kind: 'definition', definition };
    },
    visibleAt: (state) => {
      flow ??= computeVariableFlow(context);
      return flow.visibleAt(state);
    },
    definitionsVisibleFrom: (state, name) => {
      const scopes = visibleScopes(state);
      return (definitionsByName.get(name) ?? []).filter((d) => scopes.has(d.state.scope));
    },
  };
}

function groupByName<T extends { readonly name: string }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(item.name);
    if (list === undefined) map.set(item.name, [item]);
    else list.push(item);
  }
  return map;
}

/** The state's scope and every enclosing one whose variables it can read. */
export function visibleScopes(state: State): ReadonlySet<Scope> {
  const scopes = new Set<Scope>();
  let scope: Scope | undefined = state.scope;
  while (scope !== undefined) {
    scopes.add(scope);
    const owner: State | undefined = scope.owner;
    if (owner === undefined || isDistributedProcessor(scope)) break;
    scope = owner.scope;
  }
  return scopes;
}

/** A Distributed Map's processor starts with no variables: the outer ones stay outside. */
function isDistributedProcessor(scope: Scope): boolean {
  const owner = scope.owner;
  return (
    owner !== undefined &&
    (scope.kind === 'itemProcessor' || scope.kind === 'iterator') &&
    isDistributed(owner)
  );
}

/**
 * The variable a read or Assign key stands for: the assignments connected to it through reads
 * that may see them. A read in a Parallel branch that may see an outer assignment and one of its
 * own branch joins both; the same name assigned in two sibling branches stays two variables.
 */
export interface VariableSymbol {
  readonly name: string;
  readonly definitions: readonly VariableDefinition[];
  readonly uses: readonly VariableUse[];
}

export function variableSymbol(index: VariableIndex, found: VariableAt): VariableSymbol {
  const name = found.kind === 'use' ? found.use.name : found.definition.name;
  const definitions = new Set<VariableDefinition>();
  const uses = new Set<VariableUse>();
  const pendingUses: VariableUse[] = [];
  const pendingDefinitions: VariableDefinition[] = [];
  if (found.kind === 'use') pendingUses.push(found.use);
  else pendingDefinitions.push(found.definition);
  const candidates = index.usesOf(name);
  while (pendingUses.length > 0 || pendingDefinitions.length > 0) {
    const use = pendingUses.pop();
    if (use !== undefined) {
      if (uses.has(use)) continue;
      uses.add(use);
      for (const definition of index.definitionsVisibleFrom(use.state, name))
        pendingDefinitions.push(definition);
      continue;
    }
    const definition = pendingDefinitions.pop();
    if (definition === undefined || definitions.has(definition)) continue;
    definitions.add(definition);
    for (const candidate of candidates) {
      if (index.definitionsVisibleFrom(candidate.state, name).includes(definition))
        pendingUses.push(candidate);
    }
  }
  // A read that no assignment reaches is one (unassigned) variable with every other such read in its scopes.
  if (definitions.size === 0) {
    const scopes = found.kind === 'use' ? visibleScopes(found.use.state) : new Set<Scope>();
    for (const candidate of candidates) {
      if (index.definitionsVisibleFrom(candidate.state, name).length > 0) continue;
      if ([...visibleScopes(candidate.state)].some((s) => scopes.has(s))) uses.add(candidate);
    }
  }
  return {
    name,
    definitions: [...definitions].sort((a, b) => a.nameSpan.offset - b.nameSpan.offset),
    uses: [...uses].sort((a, b) => a.span.offset - b.span.offset),
  };
}

/** A field whose string value is a JSONPath (or an intrinsic function call) rather than a literal. */
export function isJsonPathField(key: string | undefined): boolean {
  return key !== undefined && (key.endsWith('.$') || key.endsWith('Path') || key === 'Variable');
}
