/**
 * Evaluation of parsed JSONPath over JSON values, with Step Functions' (Jayway's) rules: a
 * definite path yields its node or nothing; an indefinite one yields the list of its matches
 * (possibly empty). Definite paths, by far the most common (`$.a.b`), run a plain loop over
 * the pre-computed `steps` and allocate nothing.
 */
import type { JsonPath, PathRoot, PathSegment, Selector } from '../../asl/paths/ast';
import { isJsonObject, type JsonValue } from '../json';
import { matchesFilter } from './filter';

/** Workflow variables by name: plain data, as the execution state keeps them. */
export type Variables = { readonly [name: string]: JsonValue };

/**
 * The context object, or a function that builds it: most states never read `$$`, so the
 * interpreter may pass a builder and pay for the object only when a path asks for it.
 */
export type ContextSource = JsonValue | (() => JsonValue);

/** What a path can start from. */
export interface PathRoots {
  /** `$`: the state input (or whatever the field evaluates over, e.g. a task result). */
  readonly input: JsonValue;
  /** `$$`: the context object. */
  readonly context: ContextSource;
  /** `$name`: workflow variables visible to the state. */
  readonly variables: Variables;
}

const NO_VARIABLES: Variables = {};

/** Roots for evaluating over a single value, by default with an empty context and no variables. */
export function rootsOf(
  input: JsonValue,
  context: ContextSource = {},
  variables: Variables = NO_VARIABLES,
): PathRoots {
  return { input, context, variables };
}

/** The node a root stands for; undefined for an unknown variable. */
export function rootValue(root: PathRoot, roots: PathRoots, current?: JsonValue): JsonValue | undefined {
  switch (root.kind) {
    case 'input':
      return roots.input;
    case 'context':
      return typeof roots.context === 'function' ? roots.context() : roots.context;
    case 'variable':
      return Object.hasOwn(roots.variables, root.name) ? roots.variables[root.name] : undefined;
    case 'current':
      return current;
  }
}

/** One step of a definite path: a member of an object or an item of an array. */
export function child(node: JsonValue | undefined, step: string | number): JsonValue | undefined {
  if (typeof step === 'string') {
    if (!isJsonObject(node) || !Object.hasOwn(node, step)) return undefined;
    return node[step];
  }
  if (!Array.isArray(node)) return undefined;
  return node[step < 0 ? node.length + step : step];
}

/**
 * Definite path: its node, or undefined when there is none (see `explainMissing` for why).
 * Indefinite path: the array of matches, never undefined.
 */
export function evaluatePath(path: JsonPath, roots: PathRoots, current?: JsonValue): JsonValue | undefined {
  const steps = path.steps;
  if (steps !== undefined) {
    let node = rootValue(path.root, roots, current);
    for (const step of steps) {
      if (node === undefined) return undefined;
      node = child(node, step);
    }
    return node;
  }
  return selectMatches(path, roots, current);
}

/** Every node the path selects, in document order: [] or [node] for a definite path. */
export function selectMatches(path: JsonPath, roots: PathRoots, current?: JsonValue): JsonValue[] {
  const start = rootValue(path.root, roots, current);
  if (start === undefined) return [];
  let nodes: JsonValue[] = [start];
  for (const segment of path.segments) {
    const next: JsonValue[] = [];
    for (const node of nodes) applySegment(segment, node, roots, next);
    nodes = next;
    if (nodes.length === 0) break;
  }
  return nodes;
}

function applySegment(segment: PathSegment, node: JsonValue, roots: PathRoots, out: JsonValue[]): void {
  if (!segment.descendant) {
    applySelector(segment.selector, node, roots, out);
    return;
  }
  descend(segment.selector, node, roots, out);
}

/** `..x`: the selector applies to the node itself, then to each subtree in document order. */
function descend(selector: Selector, node: JsonValue, roots: PathRoots, out: JsonValue[]): void {
  applySelector(selector, node, roots, out);
  const children = Array.isArray(node) ? node : isJsonObject(node) ? Object.values(node) : undefined;
  if (children === undefined) return;
  for (const value of children) {
    if (typeof value === 'object' && value !== null) descend(selector, value, roots, out);
  }
}

function applySelector(selector: Selector, node: JsonValue, roots: PathRoots, out: JsonValue[]): void {
  switch (selector.kind) {
    case 'name': {
      const value = child(node, selector.name);
      if (value !== undefined) out.push(value);
      return;
    }
    case 'index': {
      const value = child(node, selector.index);
      if (value !== undefined) out.push(value);
      return;
    }
    case 'wildcard': {
      // Item by item: spreading a long array (a large Map's results) as arguments overflows the stack.
      if (Array.isArray(node)) for (const item of node) out.push(item);
      else if (isJsonObject(node)) for (const member of Object.values(node)) out.push(member);
      return;
    }
    case 'union': {
      for (const member of selector.members) applySelector(member, node, roots, out);
      return;
    }
    case 'slice': {
      if (Array.isArray(node)) sliceInto(node, selector.start, selector.end, selector.step, out);
      return;
    }
    case 'filter': {
      // The documentation: "@" matches objects only, never scalars.
      if (Array.isArray(node)) {
        for (const item of node)
          if (isJsonObject(item) && matchesFilter(selector.expression, item, roots)) out.push(item);
      } else if (isJsonObject(node) && matchesFilter(selector.expression, node, roots)) {
        out.push(node);
      }
      return;
    }
  }
}

/** Python-style slicing: negative bounds count from the end, the step may be negative. */
function sliceInto(
  items: readonly JsonValue[],
  start: number | undefined,
  end: number | undefined,
  step: number | undefined,
  out: JsonValue[],
): void {
  const length = items.length;
  const by = step ?? 1;
  const clamp = (value: number, low: number, high: number): number => Math.min(Math.max(value, low), high);
  const resolve = (value: number): number => (value < 0 ? value + length : value);
  if (by > 0) {
    const from = start === undefined ? 0 : clamp(resolve(start), 0, length);
    const to = end === undefined ? length : clamp(resolve(end), 0, length);
    for (let i = from; i < to; i += by) pushDefined(items[i], out);
  } else {
    const from = start === undefined ? length - 1 : clamp(resolve(start), -1, length - 1);
    const to = end === undefined ? -1 : clamp(resolve(end), -1, length - 1);
    for (let i = from; i > to; i += by) pushDefined(items[i], out);
  }
}

function pushDefined(value: JsonValue | undefined, out: JsonValue[]): void {
  if (value !== undefined) out.push(value);
}
