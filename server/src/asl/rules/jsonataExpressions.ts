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

export type JsonataParse =
  | { readonly ok: true; readonly ast: unknown }
  | { readonly ok: false; readonly message: string; readonly start: number; readonly end: number };

/** The expression between `{%` and `%}`, when the string is one. */
export function jsonataExpressionOf(value: string): string | undefined {
  if (!value.startsWith('{%') || !value.endsWith('%}') || value.length < 4) return undefined;
  return value.slice(2, -2);
}

/** Parses are shared between rules and validations: the same expression text parses the same. */
const cache = new BoundedCache<JsonataParse>(5000, parseFresh);

export function parseJsonata(expression: string): JsonataParse {
  return cache.get(expression);
}

function parseFresh(expression: string): JsonataParse {
  if (expression.trim() === '') {
    return { ok: false, message: 'The expression is empty', start: 0, end: expression.length };
  }
  try {
    return { ok: true, ast: jsonataLibrary()(expression).ast() };
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

/** Every `$states.x` in a parsed expression. */
export function statesFieldReads(ast: unknown): StatesFieldRead[] {
  const reads: StatesFieldRead[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 200) return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    if (!isRecord(node)) return;
    const steps = node['steps'];
    if (node['type'] === 'path' && Array.isArray(steps)) {
      const [first, second] = steps as unknown[];
      if (
        isRecord(first) &&
        first['type'] === 'variable' &&
        first['value'] === 'states' &&
        isRecord(second)
      ) {
        const field = second['value'];
        const position = second['position'];
        if (second['type'] === 'name' && typeof field === 'string' && typeof position === 'number') {
          reads.push({ field, start: position - field.length, end: position });
        }
      }
    }
    for (const value of Object.values(node)) if (typeof value === 'object') visit(value, depth + 1);
  };
  visit(ast, 0);
  return reads;
}
