import { jsonataLibrary } from '../jsonataLibrary';
import type { StringNode } from '../ast';
import { BoundedCache } from '../boundedCache';
import { isRecord } from '../../guards';

/** A `{% ... %}` string of a JSONata state, with where its expression starts inside the value. */
export interface JsonataSite {
  /** Keys and indexes from the state's body to the string, e.g. ['Catch', 0, 'Output']. */
  readonly path: readonly (string | number)[];
  readonly node: StringNode;
  /** The text between `{%` and `%}`. */
  readonly expression: string;
  /** Index in the string value where `expression` starts (2: after `{%`). */
  readonly start: number;
}

/**
 * What the rules need of an expression, kept instead of its tree: jsonata's trees take
 * kilobytes each (18 KB for a filter with a lambda), the facts a few dozen bytes.
 */
export type JsonataParse =
  | {
      readonly ok: true;
      readonly statesReads: readonly StatesFieldRead[];
      readonly variableReads: readonly JsonataVariableRead[];
    }
  | { readonly ok: false; readonly message: string; readonly start: number; readonly end: number };

/** The expression between `{%` and `%}`, when the string is one. */
export function jsonataExpressionOf(value: string): string | undefined {
  if (!value.startsWith('{%') || !value.endsWith('%}') || value.length < 4) return undefined;
  return value.slice(2, -2);
}

/**
 * Parses are shared between rules and validations: the same expression text parses the same.
 * Three rules read every expression of a validation, and a cache smaller than a document's
 * expressions is emptied before they come back (5,000 JSONata states with Assign and Output:
 * 10,000 expressions, each parsed three times per validation with a cap of 5,000). 20,000
 * covers such documents; an expression's tree takes about a kilobyte.
 */
const cache = new BoundedCache<JsonataParse>(20_000, parseFresh);

export function parseJsonata(expression: string): JsonataParse {
  return cache.get(expression);
}

function parseFresh(expression: string): JsonataParse {
  if (expression.trim() === '') {
    return { ok: false, message: 'The expression is empty', start: 0, end: expression.length };
  }
  try {
    const ast: unknown = jsonataLibrary()(expression).ast();
    return { ok: true, ...factsOf(ast) };
  } catch (error) {
    // jsonata reports the offset just past the offending token.
    const position =
      isRecord(error) && typeof error['position'] === 'number' ? error['position'] : expression.length;
    const token =
      isRecord(error) && typeof error['token'] === 'string' && error['token'] !== '(end)'
        ? error['token']
        : '';
    // jsonata throws plain objects ({ code, position, token, message }), not Error instances.
    const message =
      isRecord(error) && typeof error['message'] === 'string' ? error['message'] : String(error);
    const end = Math.min(expression.length, Math.max(0, position));
    const start = token === '' ? Math.max(0, end - 1) : Math.max(0, end - token.length);
    return { ok: false, message, start, end: Math.max(end, start) };
  }
}

/** A `$states.<field>` read in an expression, with the field name's offsets in the expression. */
export interface StatesFieldRead {
  readonly field: string;
  readonly start: number;
  readonly end: number;
}

/** A `$name` an expression reads, with the offsets of `$name` in the expression. */
export interface JsonataVariableRead {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The facts the rules need, in one walk of the tree:
 * - every `$states.x` read;
 * - the variables the expression reads from outside: `$name` values, leaving out `$` and `$$`,
 *   `$states`, function names in calls, and every name the expression binds itself
 *   (`$x := ...`, lambda parameters), wherever it binds them, to stay on the safe side.
 */
function factsOf(ast: unknown): {
  statesReads: StatesFieldRead[];
  variableReads: JsonataVariableRead[];
} {
  const statesReads: StatesFieldRead[] = [];
  const bound = new Set<string>();
  const reads: JsonataVariableRead[] = [];
  const visit = (node: unknown, depth: number, inProcedure: boolean): void => {
    if (depth > 200) return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1, inProcedure);
      return;
    }
    if (!isRecord(node)) return;
    const type = node['type'];
    const steps = node['steps'];
    if (type === 'path' && Array.isArray(steps)) {
      const [first, second] = steps as unknown[];
      if (
        isRecord(first) &&
        first['type'] === 'variable' &&
        first['value'] === 'states' &&
        isRecord(second)
      ) {
        const field = second['value'];
        const position = second['position'];
        if (second['type'] === 'name' && typeof field === 'string' && typeof position === 'number')
          statesReads.push({ field, start: position - field.length, end: position });
      }
    }
    if (type === 'bind' && isRecord(node['lhs']) && typeof node['lhs']['value'] === 'string')
      bound.add(node['lhs']['value']);
    if (type === 'lambda' && Array.isArray(node['arguments'])) {
      for (const argument of node['arguments'] as unknown[]) {
        if (isRecord(argument) && typeof argument['value'] === 'string') bound.add(argument['value']);
      }
    }
    // A call's procedure names a function (built-in or bound), not a variable read.
    if (
      !inProcedure &&
      type === 'variable' &&
      typeof node['value'] === 'string' &&
      typeof node['position'] === 'number'
    ) {
      const name = node['value'];
      const position = node['position'];
      if (name !== '' && name !== '$' && name !== 'states')
        reads.push({ name, start: position - name.length - 1, end: position });
    }
    for (const [key, value] of Object.entries(node)) {
      if (typeof value !== 'object') continue;
      const procedure = key === 'procedure' && (type === 'function' || type === 'partial');
      visit(value, depth + 1, inProcedure || procedure);
    }
  };
  visit(ast, 0, false);
  return { statesReads, variableReads: reads.filter((read) => !bound.has(read.name)) };
}
