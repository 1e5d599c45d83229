import { StatesFailure } from '../errors';
import { DEPTH_LIMIT_TEXT, type JsonValue } from '../json';
import { isRecord } from '../../guards';

/**
 * A States.QueryEvaluationError, as JSONata states raise it. It carries the field it came from
 * (`location`, e.g. "Output/result") because AWS records that field in the EvaluationFailed
 * event that precedes the failure; errors that belong to no single field leave it undefined.
 */
export class QueryEvaluationFailure extends StatesFailure {
  readonly location: string | undefined;

  constructor(cause: string, location: string | undefined) {
    super({ error: 'States.QueryEvaluationError', cause });
    this.name = 'QueryEvaluationFailure';
    this.location = location;
  }
}

function subject(expression: string, location: string): string {
  return `The JSONata expression '${expression}' specified for the field '${location}'`;
}

/** The expression gave `undefined`, which JSON cannot hold. */
export function returnedNothing(expression: string, location: string): QueryEvaluationFailure {
  return new QueryEvaluationFailure(
    `${subject(expression, location)} returned nothing (undefined).`,
    location,
  );
}

/** The expression gave a function, an infinite number or another value JSON cannot hold. */
export function unsupportedResult(expression: string, location: string): QueryEvaluationFailure {
  return new QueryEvaluationFailure(
    `${subject(expression, location)} returned an unsupported result type.`,
    location,
  );
}

/** The expression gave a value nested deeper than the engine holds (MAX_JSON_DEPTH). */
export function tooDeepResult(expression: string, location: string): QueryEvaluationFailure {
  return new QueryEvaluationFailure(
    `${subject(expression, location)} returned a value nested ${DEPTH_LIMIT_TEXT}, more than this engine holds.`,
    location,
  );
}

/** The expression gave a JSON value of the wrong type for its field. */
export function unexpectedResult(
  expression: string,
  location: string,
  expected: string,
  value: JsonValue,
): QueryEvaluationFailure {
  return new QueryEvaluationFailure(
    `${subject(expression, location)} returned an unexpected result type. Expected '${expected}', but was '${jsonTypeName(value)}' for value: ${JSON.stringify(value)}`,
    location,
  );
}

/** jsonata threw (an error object with a code such as T1006, or one of our function errors). */
export function threwDuringEvaluation(
  expression: string,
  location: string,
  thrown: unknown,
): QueryEvaluationFailure {
  return new QueryEvaluationFailure(
    `${subject(expression, location)} threw an error during evaluation. ${describeThrown(thrown)}`,
    location,
  );
}

/** "T1006: Attempted to invoke a non-function", as AWS prints jsonata's errors. */
export function describeThrown(thrown: unknown): string {
  if (!isRecord(thrown) && !(thrown instanceof Error)) return String(thrown);
  const record: Record<string, unknown> = isRecord(thrown) ? thrown : {};
  const code = record['code'];
  const message = thrown instanceof Error ? thrown.message : record['message'];
  const text = typeof message === 'string' ? message : 'The expression failed.';
  return typeof code === 'string' ? `${code}: ${text}` : text;
}

export function jsonTypeName(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
