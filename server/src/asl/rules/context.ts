import { propertyOf, type Span, type StringNode, type ValueNode } from '../ast';
import { buildModel, stringValue, type Scope, type State, type StateMachine } from '../model';
import type { ParsedDocument } from '../parse';
import { collectChoiceRules, type ChoiceRuleVisit } from './choiceOperators';
import { collectErrorMatchers, type ErrorMatcher } from './errorNames';
import { collectIntrinsicSites, type IntrinsicSite } from './intrinsicSites';
import { keptList } from './keptList';
import { collectStateSites, newSiteWalk, type SiteWalk, type StateSites } from './stateSites';
import { collectTransitions, reachableFrom, type Transition } from './transitions';
import { offsetMapOf, spanInString, type OffsetMap } from './stringOffsets';

/**
 * What every rule reads, computed once per model and shared: the model, the effective
 * query language of each state, each state's transitions, each scope's reachable states, and
 * the values of each state's body that rules look at (stateSites.ts). Rules never walk the tree
 * themselves, so adding a rule adds no pass over the document. Each piece is computed the first
 * time a rule asks for it and kept in one record per state.
 */
export type QueryLanguage = 'JSONPath' | 'JSONata';

export interface RuleContext {
  readonly document: ParsedDocument;
  readonly model: StateMachine;
  /** The top-level QueryLanguage (JSONPath when absent). */
  readonly machineLanguage: QueryLanguage;
  languageOf(state: State): QueryLanguage;
  transitionsOf(state: State): readonly Transition[];
  /** States reached by walking the scope's graph from its StartAt; undefined when StartAt names no state of the scope. */
  reachableIn(scope: Scope): ReadonlySet<State> | undefined;
  /** The values of the state's body that rules look at, sorted by what they are. */
  sitesOf(state: State): StateSites;
  /** The retriers and catchers of the state with their ErrorEquals lists. */
  errorMatchersOf(state: State): readonly ErrorMatcher[];
  /** The choice rules of a Choice state, nested ones included, in document order. */
  choiceRulesOf(state: State): readonly ChoiceRuleVisit[];
  /** The intrinsic calls among the state's expressions, parsed. */
  intrinsicSitesOf(state: State): readonly IntrinsicSite[];
  /** The document span of characters [start, end) of a string's value (the whole string when not mappable). */
  spanIn(node: StringNode, start: number, end: number): Span;
}

/** Everything computed about one state, each piece on first use. */
interface StateFacts {
  language: QueryLanguage | undefined;
  transitions: readonly Transition[] | undefined;
  sites: StateSites | undefined;
  errorMatchers: readonly ErrorMatcher[] | undefined;
  choiceRules: readonly ChoiceRuleVisit[] | undefined;
  intrinsicSites: readonly IntrinsicSite[] | undefined;
}

/** One validation's context: what RuleContext shows, plus what its methods keep. */
interface Validation extends RuleContext {
  /** By State.index: an array, not a Map keyed by state (its hashing and growth showed in profiles). */
  readonly facts: (StateFacts | undefined)[];
  readonly reachable: Map<Scope, ReadonlySet<State> | undefined>;
  readonly offsetMaps: Map<StringNode, OffsetMap | undefined>;
  readonly siteWalk: SiteWalk;
}

/**
 * The context is an object literal whose methods are this module's functions, reading the
 * validation through `this`. Not a class: V8 keeps the hidden class of a literal for as long as
 * the code that makes it, but a class instance's only as long as some instance lives. Contexts
 * live as long as one model, so after each full garbage collection their hidden class was gone
 * and every rule optimized against it was thrown back to unoptimized code (30 to 70 functions
 * each time, then slower, allocating validations until they were optimized again). Not
 * closures: a new set per validation made the rules' calls miss ("wrong call target").
 */
export function createRuleContext(
  document: ParsedDocument,
  model: StateMachine = buildModel(document),
): RuleContext {
  const validation: Validation = {
    document,
    model,
    machineLanguage: languageValue(propertyOf(model.root, 'QueryLanguage')?.value) ?? 'JSONPath',
    facts: new Array<StateFacts | undefined>(model.states.length).fill(undefined),
    reachable: new Map(),
    offsetMaps: new Map(),
    siteWalk: newSiteWalk(),
    languageOf,
    transitionsOf,
    reachableIn,
    sitesOf,
    errorMatchersOf,
    choiceRulesOf,
    intrinsicSitesOf,
    spanIn,
  };
  return validation;
}

const contexts = new WeakMap<StateMachine, RuleContext>();

/**
 * The model's context, made on first use and kept as long as the model: validation and the
 * editor's variable index ask the same questions of one model, and every answer depends on the
 * model alone (never on which rules are enabled), so they share one set of answers.
 */
export function ruleContextFor(document: ParsedDocument, model: StateMachine): RuleContext {
  let context = contexts.get(model);
  if (context === undefined) {
    context = createRuleContext(document, model);
    contexts.set(model, context);
  }
  return context;
}

// Measured against AWS: a state inside a branch or processor takes the machine's language
// unless it sets its own; the Parallel or Map around it does not pass its language down.
function languageOf(this: Validation, state: State): QueryLanguage {
  const known = factsOf(this, state);
  known.language ??= languageValue(propertyOf(state.node, 'QueryLanguage')?.value) ?? this.machineLanguage;
  return known.language;
}

function transitionsOf(this: Validation, state: State): readonly Transition[] {
  const known = factsOf(this, state);
  known.transitions ??= keptList(collectTransitions(state));
  return known.transitions;
}

function reachableIn(this: Validation, scope: Scope): ReadonlySet<State> | undefined {
  if (!this.reachable.has(scope)) {
    this.reachable.set(
      scope,
      reachableFrom(scope, (state) => this.transitionsOf(state)),
    );
  }
  return this.reachable.get(scope);
}

function sitesOf(this: Validation, state: State): StateSites {
  const known = factsOf(this, state);
  known.sites ??= collectStateSites(this.siteWalk, state, this.languageOf(state));
  return known.sites;
}

function errorMatchersOf(this: Validation, state: State): readonly ErrorMatcher[] {
  const known = factsOf(this, state);
  known.errorMatchers ??= keptList(collectErrorMatchers(state));
  return known.errorMatchers;
}

function choiceRulesOf(this: Validation, state: State): readonly ChoiceRuleVisit[] {
  const known = factsOf(this, state);
  known.choiceRules ??= keptList(collectChoiceRules(state));
  return known.choiceRules;
}

function intrinsicSitesOf(this: Validation, state: State): readonly IntrinsicSite[] {
  const known = factsOf(this, state);
  known.intrinsicSites ??= keptList(collectIntrinsicSites(this.sitesOf(state).expressions));
  return known.intrinsicSites;
}

function spanIn(this: Validation, node: StringNode, start: number, end: number): Span {
  if (!this.offsetMaps.has(node)) this.offsetMaps.set(node, offsetMapOf(this.document.text, node));
  return spanInString(this.offsetMaps.get(node), node, start, end);
}

function factsOf(validation: Validation, state: State): StateFacts {
  let found = validation.facts[state.index];
  if (found === undefined) {
    found = {
      language: undefined,
      transitions: undefined,
      sites: undefined,
      errorMatchers: undefined,
      choiceRules: undefined,
      intrinsicSites: undefined,
    };
    validation.facts[state.index] = found;
  }
  return found;
}

/** The query language a `QueryLanguage` value names; undefined for anything else. */
export function languageValue(node: ValueNode | undefined): QueryLanguage | undefined {
  const value = stringValue(node);
  return value === 'JSONPath' || value === 'JSONata' ? value : undefined;
}
