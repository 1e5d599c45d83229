import { isJsonObject } from '../json';
import type { JsonObject, JsonValue } from '../json';
import type { Computation, MaybePromise } from './drive';
import { drive } from './drive';
import {
  returnedNothing,
  threwDuringEvaluation,
  tooDeepResult,
  unexpectedResult,
  unsupportedResult,
} from './errors';
import type { ExpressionCompiler, JsonataExpression, ReferencePath } from './expression';
import { isExpressionText } from './expression';
import { portFunctions } from './functions';
import type { JsonataServices } from './functions';
import { toJsonResult } from './result';

/**
 * A JSONata state's field (Arguments, Output, Assign, Items, ItemSelector, ...) compiled: any
 * JSON value in which every string written `{% ... %}` is an expression whose value replaces
 * it. `location` names the field as AWS does in errors: "Output", "Arguments/FunctionName".
 */
export type JsonataTemplate =
  | { readonly kind: 'literal'; readonly value: JsonValue }
  | { readonly kind: 'expression'; readonly expression: JsonataExpression; readonly location: string }
  | { readonly kind: 'object'; readonly entries: readonly TemplateEntry[] }
  | { readonly kind: 'array'; readonly items: readonly JsonataTemplate[] };

export interface TemplateEntry {
  readonly key: string;
  readonly value: JsonataTemplate;
}

export function compileTemplate(
  value: JsonValue,
  location: string,
  compile: ExpressionCompiler,
  where: string,
): JsonataTemplate {
  if (typeof value === 'string') {
    return isExpressionText(value)
      ? { kind: 'expression', expression: compile(value, `${where} ${location}`), location }
      : { kind: 'literal', value };
  }
  if (Array.isArray(value)) {
    const items = value.map((item, i) => compileTemplate(item, `${location}/${i}`, compile, where));
    return items.every((item) => item.kind === 'literal')
      ? { kind: 'literal', value }
      : { kind: 'array', items };
  }
  if (value === null || typeof value !== 'object') return { kind: 'literal', value };
  const entries = Object.entries(value).map(([key, item]) => ({
    key,
    value: compileTemplate(item, `${location}/${key}`, compile, where),
  }));
  return entries.every((entry) => entry.value.kind === 'literal')
    ? { kind: 'literal', value }
    : { kind: 'object', entries };
}

/**
 * What `$states` and the variables hold while one field of one state is evaluated. `result`
 * and `errorOutput` are absent where AWS does not offer them (before a task has run, outside
 * a Catch). The context object is built only if an expression reads it.
 */
export interface JsonataScope {
  readonly input: JsonValue;
  readonly result?: JsonValue | undefined;
  readonly errorOutput?: JsonValue | undefined;
  readonly context: () => JsonObject;
  readonly variables: { readonly [name: string]: JsonValue };
  readonly services: JsonataServices;
}

/** jsonata bindings per scope: built at most once however many fields the state evaluates. */
const bindingsCache = new WeakMap<JsonataScope, Record<string, unknown>>();

/** The port functions of each execution's services, made once rather than for every scope. */
const portFunctionsCache = new WeakMap<JsonataServices, Record<string, unknown>>();

/**
 * The bindings jsonata copies into each evaluation, made once per scope. `$states.context` is
 * added only for an expression that may read it: building the context object (two ISO dates)
 * for every scope, and spreading objects to assemble the bindings, were half the JSONata loop.
 */
function bindingsOf(scope: JsonataScope, withContext: boolean): Record<string, unknown> {
  let bindings = bindingsCache.get(scope);
  if (bindings === undefined) {
    let ports = portFunctionsCache.get(scope.services);
    if (ports === undefined) portFunctionsCache.set(scope.services, (ports = portFunctions(scope.services)));
    bindings = Object.assign({}, ports, scope.variables);
    bindings['states'] = statesOf(scope, withContext);
    bindingsCache.set(scope, bindings);
  } else if (withContext && !hasContext(bindings['states'])) {
    bindings['states'] = statesOf(scope, true);
  }
  return bindings;
}

function hasContext(states: unknown): boolean {
  return typeof states === 'object' && states !== null && Object.hasOwn(states, 'context');
}

/** `$states`, its members in the order AWS shows them. */
function statesOf(scope: JsonataScope, withContext: boolean): JsonObject {
  const states: JsonObject = { input: scope.input };
  if (withContext) states['context'] = scope.context();
  if (scope.result !== undefined) states['result'] = scope.result;
  if (scope.errorOutput !== undefined) states['errorOutput'] = scope.errorOutput;
  return states;
}

export function evaluateTemplate(template: JsonataTemplate, scope: JsonataScope): MaybePromise<JsonValue> {
  if (template.kind === 'literal') return template.value;
  if (template.kind === 'expression')
    return evaluateExpression(template.expression, template.location, scope);
  return drive(walk(template, scope));
}

function* walk(template: JsonataTemplate, scope: JsonataScope): Computation<JsonValue, JsonValue> {
  switch (template.kind) {
    case 'literal':
      return template.value;
    case 'expression':
      return yield evaluateExpression(template.expression, template.location, scope);
    case 'array': {
      const out: JsonValue[] = [];
      for (const item of template.items) out.push(yield* walk(item, scope));
      return out;
    }
    case 'object': {
      const out: JsonObject = {};
      for (const entry of template.entries) out[entry.key] = yield* walk(entry.value, scope);
      return out;
    }
  }
}

/** Evaluates one expression; throws (or rejects with) a QueryEvaluationFailure as AWS words it. */
export function evaluateExpression(
  expression: JsonataExpression,
  location: string,
  scope: JsonataScope,
): MaybePromise<JsonValue> {
  if (expression.path !== undefined) {
    const direct = readReference(expression.path, scope);
    if (direct !== undefined) return direct;
  }
  const pending: Promise<unknown> = expression.program.evaluate(
    scope.input,
    bindingsOf(scope, expression.readsContext),
  );
  return pending.then(
    (value) => {
      const result = toJsonResult(value);
      if (result.kind === 'nothing') throw returnedNothing(expression.source, location);
      if (result.kind === 'unsupported') throw unsupportedResult(expression.source, location);
      if (result.kind === 'tooDeep') throw tooDeepResult(expression.source, location);
      return result.value;
    },
    (thrown: unknown) => {
      throw threwDuringEvaluation(expression.source, location, thrown);
    },
  );
}

/**
 * `$states.input.a.b` or `$name.a.b` read directly when every step is a member of an object.
 * Anything else (an array on the way, a missing member, a name that is not a variable) is
 * left to jsonata, whose rules for those cases (mapping over arrays, built-in functions,
 * undefined) are the reference.
 */
function readReference(path: ReferencePath, scope: JsonataScope): JsonValue | undefined {
  let node: JsonValue | undefined;
  let first = 0;
  if (path.root === 'states') {
    switch (path.members[0]) {
      case 'input':
        node = scope.input;
        break;
      case 'context':
        node = scope.context();
        break;
      case 'result':
        node = scope.result;
        break;
      case 'errorOutput':
        node = scope.errorOutput;
        break;
      default:
        return undefined;
    }
    first = 1;
  } else {
    if (!Object.hasOwn(scope.variables, path.root)) return undefined;
    node = scope.variables[path.root];
  }
  for (let i = first; i < path.members.length; i++) {
    if (!isJsonObject(node)) return undefined;
    const member = path.members[i] ?? '';
    node = Object.hasOwn(node, member) ? node[member] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/** Checks a field's value against what the field accepts, with AWS's wording when it is not. */
export function expectType(
  template: JsonataTemplate,
  value: JsonValue,
  expected: 'array' | 'boolean' | 'number' | 'string',
  location: string,
): void {
  const ok =
    expected === 'array'
      ? Array.isArray(value)
      : expected === 'number'
        ? typeof value === 'number'
        : typeof value === expected;
  if (ok) return;
  const source = template.kind === 'expression' ? template.expression.source : JSON.stringify(value);
  throw unexpectedResult(source, location, expected, value);
}
