import {
  propertyOf,
  type ObjectNode,
  type PropertyNode,
  type Span,
  type StringNode,
  type ValueNode,
} from '../ast';
import { buildModel, stringValue, type Scope, type State, type StateMachine } from '../model';
import type { ParsedDocument } from '../parse';
import { offsetMapOf, spanInString, type OffsetMap } from './stringOffsets';

/**
 * What every rule reads, computed once per validation and shared: the model, the effective
 * query language of each state, each state's transitions, each scope's reachable states, and
 * a flat list of the values in each state's body. Rules never walk the tree themselves, so
 * adding a rule adds no pass over the document.
 */
export type QueryLanguage = 'JSONPath' | 'JSONata';

export type TransitionKind = 'Next' | 'Default' | 'Choice' | 'Catch';

export interface Transition {
  readonly kind: TransitionKind;
  readonly from: State;
  /** The string naming the target. */
  readonly node: StringNode;
  /** The Assign that runs when this transition is taken (the state's, a choice rule's or a catcher's). */
  readonly assign: ObjectNode | undefined;
}

/** One value in a state's body, outside nested scopes: where it is and how it was reached. */
export interface FieldSite {
  /** Keys and indexes from the state's body to the value, e.g. ['Parameters', 'Payload.$']. */
  readonly path: readonly (string | number)[];
  /** The property holding the value; undefined for array items. */
  readonly property: PropertyNode | undefined;
  readonly value: ValueNode;
}

export interface RuleContext {
  readonly document: ParsedDocument;
  readonly model: StateMachine;
  /** The top-level QueryLanguage (JSONPath when absent). */
  readonly machineLanguage: QueryLanguage;
  languageOf(state: State): QueryLanguage;
  transitionsOf(state: State): readonly Transition[];
  /** States reached by walking the scope's graph from its StartAt; undefined when StartAt names no state of the scope. */
  reachableIn(scope: Scope): ReadonlySet<State> | undefined;
  /**
   * Every value in the state's body, in document order, except inside branches and processors
   * (nested scopes), Retry and Result (literals): those fields themselves are listed.
   */
  sitesOf(state: State): readonly FieldSite[];
  /** The document span of characters [start, end) of a string's value (the whole string when not mappable). */
  spanIn(node: StringNode, start: number, end: number): Span;
}

export function createRuleContext(
  document: ParsedDocument,
  model: StateMachine = buildModel(document),
): RuleContext {
  const machineLanguage = languageValue(propertyOf(model.root, 'QueryLanguage')?.value) ?? 'JSONPath';
  const transitions = new Map<State, readonly Transition[]>();
  const reachable = new Map<Scope, ReadonlySet<State> | undefined>();
  const sites = new Map<State, readonly FieldSite[]>();
  const maps = new Map<StringNode, OffsetMap | undefined>();
  const languages = new Map<State, QueryLanguage>();

  const transitionsOf = (state: State): readonly Transition[] => {
    let list = transitions.get(state);
    if (list === undefined) {
      list = collectTransitions(state);
      transitions.set(state, list);
    }
    return list;
  };

  return {
    document,
    model,
    machineLanguage,
    // Measured against AWS: a state inside a branch or processor takes the machine's language
    // unless it sets its own; the Parallel or Map around it does not pass its language down.
    languageOf: (state) => {
      let language = languages.get(state);
      if (language === undefined) {
        language = languageValue(propertyOf(state.node, 'QueryLanguage')?.value) ?? machineLanguage;
        languages.set(state, language);
      }
      return language;
    },
    transitionsOf,
    reachableIn: (scope) => {
      if (!reachable.has(scope)) reachable.set(scope, walkScope(scope, transitionsOf));
      return reachable.get(scope);
    },
    sitesOf: (state) => {
      let list = sites.get(state);
      if (list === undefined) {
        list = collectSites(state);
        sites.set(state, list);
      }
      return list;
    },
    spanIn: (node, start, end) => {
      if (!maps.has(node)) maps.set(node, offsetMapOf(document.text, node));
      return spanInString(maps.get(node), node, start, end);
    },
  };
}

function languageValue(node: ValueNode | undefined): QueryLanguage | undefined {
  const value = stringValue(node);
  return value === 'JSONPath' || value === 'JSONata' ? value : undefined;
}

function objectValue(node: ValueNode | undefined): ObjectNode | undefined {
  return node?.kind === 'object' ? node : undefined;
}

function collectTransitions(state: State): Transition[] {
  const list: Transition[] = [];
  const body = state.node;
  if (body === undefined) return list;
  const stateAssign = objectValue(propertyOf(body, 'Assign')?.value);
  const next = propertyOf(body, 'Next')?.value;
  if (next?.kind === 'string') list.push({ kind: 'Next', from: state, node: next, assign: stateAssign });
  const fallback = propertyOf(body, 'Default')?.value;
  if (fallback?.kind === 'string') {
    list.push({ kind: 'Default', from: state, node: fallback, assign: stateAssign });
  }
  const choices = propertyOf(body, 'Choices')?.value;
  if (choices?.kind === 'array') {
    for (const rule of choices.items) {
      const target = propertyOf(rule, 'Next')?.value;
      if (target?.kind !== 'string') continue;
      list.push({
        kind: 'Choice',
        from: state,
        node: target,
        assign: objectValue(propertyOf(rule, 'Assign')?.value),
      });
    }
  }
  const catchers = propertyOf(body, 'Catch')?.value;
  if (catchers?.kind === 'array') {
    for (const catcher of catchers.items) {
      const target = propertyOf(catcher, 'Next')?.value;
      if (target?.kind !== 'string') continue;
      list.push({
        kind: 'Catch',
        from: state,
        node: target,
        assign: objectValue(propertyOf(catcher, 'Assign')?.value),
      });
    }
  }
  return list;
}

function walkScope(
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

/**
 * State fields the walk does not enter: a Map's processor is a nested scope (its states are
 * checked as states of their own); Retry holds only literals, read directly by the Retry
 * rules; Result is a literal whose contents no rule inspects (a large one would cost most).
 */
const NOT_WALKED: ReadonlySet<string> = new Set(['ItemProcessor', 'Iterator', 'Retry', 'Result']);

function isScopeProperty(path: readonly (string | number)[], key: string): boolean {
  return path.length === 0 && NOT_WALKED.has(key);
}

function collectSites(state: State): FieldSite[] {
  const sites: FieldSite[] = [];
  const body = state.node;
  if (body === undefined) return sites;
  const visit = (node: ValueNode, path: (string | number)[], property: PropertyNode | undefined): void => {
    if (path.length > 0) sites.push({ path: [...path], property, value: node });
    if (node.kind === 'object') {
      for (const child of node.properties) {
        if (child.value === undefined || isScopeProperty(path, child.key.value)) continue;
        path.push(child.key.value);
        visit(child.value, path, child);
        path.pop();
      }
    } else if (node.kind === 'array') {
      // Parallel branches are nested scopes too.
      if (path.length === 1 && path[0] === 'Branches') return;
      node.items.forEach((item, index) => {
        path.push(index);
        visit(item, path, undefined);
        path.pop();
      });
    }
  };
  visit(body, [], undefined);
  return sites;
}
