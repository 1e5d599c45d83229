import type jsonata from 'jsonata';
import { jsonataLibrary } from '../../asl/jsonataLibrary';
import { DefinitionError } from '../dataflow/refs';
import { describeThrown } from './errors';
import { registerPureFunctions } from './functions';

/**
 * A `{% ... %}` expression of a JSONata state, parsed once when the definition is compiled.
 * `path` is set for the plain references most fields hold (`$states.input.order.id`,
 * `$total`): those are read directly, without jsonata's asynchronous evaluator.
 */
export interface JsonataExpression {
  /** The text between `{%` and `%}`, trimmed: how AWS quotes it in error causes. */
  readonly source: string;
  readonly program: jsonata.Expression;
  readonly path: ReferencePath | undefined;
  /** Whether `$states.context` may be read, so the context object must be built for it. */
  readonly readsContext: boolean;
}

/** `$name.field.field`: a variable (or `states`) followed by member names. */
export interface ReferencePath {
  readonly root: string;
  readonly members: readonly string[];
}

/**
 * Guards against runaway expressions (unbounded recursion, endless tail calls): jsonata checks
 * both before each step of evaluation and fails the expression with D1011 (too deep) or D1012
 * (too long), which the state reports as a States.QueryEvaluationError.
 */
export interface JsonataLimits {
  /** Wall-clock milliseconds one expression may run. */
  readonly timeoutMs: number;
  /** How deeply jsonata may nest evaluation steps (recursion depth, roughly tenfold). */
  readonly maxDepth: number;
}

export const DEFAULT_JSONATA_LIMITS: JsonataLimits = { timeoutMs: 5_000, maxDepth: 10_000 };

/** True for a string that holds a JSONata expression: `{%` first and `%}` last. */
export function isExpressionText(text: string): boolean {
  return text.length >= 4 && text.startsWith('{%') && text.endsWith('%}');
}

/** The expression inside `{% %}`, trimmed. */
export function expressionSource(text: string): string {
  return text.slice(2, -2).trim();
}

export type ExpressionCompiler = (text: string, where: string) => JsonataExpression;

/**
 * Compiles `{% %}` strings, each distinct text once per definition: a workflow that repeats an
 * expression in many states shares one parsed program.
 */
export function createExpressionCompiler(limits: JsonataLimits = DEFAULT_JSONATA_LIMITS): ExpressionCompiler {
  const cache = new Map<string, JsonataExpression>();
  return (text, where) => {
    const source = expressionSource(text);
    const known = cache.get(source);
    if (known !== undefined) return known;
    const compiled = compile(source, where, limits);
    cache.set(source, compiled);
    return compiled;
  };
}

function compile(source: string, where: string, limits: JsonataLimits): JsonataExpression {
  if (source === '') throw new DefinitionError(`${where}: the JSONata expression is empty.`);
  let program: jsonata.Expression;
  try {
    program = jsonataLibrary()(source, { timeout: limits.timeoutMs, stack: limits.maxDepth });
  } catch (thrown) {
    throw new DefinitionError(
      `${where}: the JSONata expression '${source}' cannot be read: ${describeThrown(thrown)}`,
    );
  }
  registerPureFunctions(program);
  return { source, program, path: referencePath(source), readsContext: mayReadContext(source) };
}

/** `$states` followed by a member other than the context object's. */
const STATES_MEMBER = /\$states\s*\.\s*(input|result|errorOutput)\b/g;

/**
 * False only when every `$states` in the text is `$states.input`, `.result` or `.errorOutput`:
 * the text is all an expression can reach `$states` by ($eval is not available), so the
 * context object (two ISO dates, built at every evaluation) is then not needed.
 */
function mayReadContext(source: string): boolean {
  return source.replace(STATES_MEMBER, '').includes('$states');
}

const REFERENCE = /^\$([A-Za-z_][A-Za-z0-9_]*)((?:\.[A-Za-z_][A-Za-z0-9_]*)*)$/;

function referencePath(source: string): ReferencePath | undefined {
  const match = REFERENCE.exec(source);
  if (match === null) return undefined;
  const members = match[2] === undefined || match[2] === '' ? [] : match[2].slice(1).split('.');
  return { root: match[1] ?? '', members };
}
