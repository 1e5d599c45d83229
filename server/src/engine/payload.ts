/**
 * Payload templates (Parameters, ResultSelector, ItemSelector, Credentials): a JSON value in
 * which every key ending in `.$` holds an expression (a path over the input, a `$$` path over
 * the context object, a `$name` path over the variables, or an intrinsic function call) whose
 * value replaces it under the key without `.$`. Objects inside arrays are templates too.
 *
 * A template is compiled once (`compilePayload`: expressions parsed, literal subtrees kept as
 * they are) and applied many times (`applyPayload`). Literal subtrees are shared between the
 * template and every output, so callers must treat JSON values as immutable (the engine
 * does: ResultPath writes copy, see engine/jsonpath/write.ts).
 *
 * Errors are thrown as StatesFailure. A definite path that finds nothing is a States.Runtime
 * whose cause AWS words as recorded in the conformance cases: "The JSONPath '$.x' specified
 * for the field 'value.$' could not be found in the input '<the input as compact JSON>'".
 * The interpreter adds the "An error occurred while executing the state ..." prefix (inState).
 */
import type { IntrinsicCall } from '../asl/intrinsics/ast';
import { parseIntrinsicCached } from '../asl/intrinsics/cache';
import type { JsonPath } from '../asl/paths/ast';
import { parsePathCached } from '../asl/paths/cache';
import { classifyPayloadString } from '../asl/paths/classify';
import { fail } from './errors';
import { evaluateIntrinsic } from './intrinsics/evaluate';
import type { JsonObject, JsonValue } from './json';
import type { PathRoots } from './jsonpath/evaluate';
import { evaluatePath } from './jsonpath/evaluate';
import { pathNotFound } from './jsonpath/require';
import type { IdSource, RandomSource } from './ports';

/** The ports intrinsic functions need (States.MathRandom, States.UUID). */
export interface PayloadServices {
  readonly random: RandomSource;
  readonly ids: IdSource;
}

export type CompiledPayload =
  | { readonly kind: 'literal'; readonly value: JsonValue }
  | { readonly kind: 'object'; readonly entries: readonly CompiledEntry[] }
  | { readonly kind: 'array'; readonly items: readonly CompiledPayload[] }
  | { readonly kind: 'path'; readonly field: string; readonly path: JsonPath }
  | { readonly kind: 'intrinsic'; readonly field: string; readonly call: IntrinsicCall }
  /** An expression that cannot be evaluated; validation reports it, the engine fails on it. */
  | { readonly kind: 'invalid'; readonly field: string; readonly cause: string };

export interface CompiledEntry {
  readonly key: string;
  readonly value: CompiledPayload;
}

/** Parses every expression in `template` once. Never throws: bad expressions fail when applied. */
export function compilePayload(template: JsonValue): CompiledPayload {
  if (Array.isArray(template)) {
    const items = template.map(compilePayload);
    return items.every((item) => item.kind === 'literal')
      ? { kind: 'literal', value: template }
      : { kind: 'array', items };
  }
  if (template === null || typeof template !== 'object') return { kind: 'literal', value: template };
  const entries: CompiledEntry[] = [];
  let literal = true;
  for (const [key, value] of Object.entries(template)) {
    if (key.endsWith('.$')) {
      literal = false;
      entries.push({ key: key.slice(0, -2), value: compileExpression(key, value) });
    } else {
      const compiled = compilePayload(value);
      if (compiled.kind !== 'literal') literal = false;
      entries.push({ key, value: compiled });
    }
  }
  return literal ? { kind: 'literal', value: template } : { kind: 'object', entries };
}

/**
 * One `.$` value on its own: `field` is its key (`ErrorPath.$`), named in causes. Applied, it
 * gives the expression's value itself.
 */
export function compileExpression(field: string, value: JsonValue): CompiledPayload {
  if (typeof value !== 'string') {
    return {
      kind: 'invalid',
      field,
      cause: `The value of the field '${field}' must be a string holding a path or an intrinsic function.`,
    };
  }
  if (classifyPayloadString(value) === 'intrinsic') {
    const parsed = parseIntrinsicCached(value);
    return parsed.ok
      ? { kind: 'intrinsic', field, call: parsed.call }
      : {
          kind: 'invalid',
          field,
          cause: `The field '${field}' holds an intrinsic function that cannot be read: ${parsed.problem.message}`,
        };
  }
  const parsed = parsePathCached(value);
  return parsed.ok
    ? { kind: 'path', field, path: parsed.path }
    : {
        kind: 'invalid',
        field,
        cause: `The field '${field}' holds an invalid JSONPath '${value}': ${parsed.problem.message}`,
      };
}

export function applyPayload(
  compiled: CompiledPayload,
  roots: PathRoots,
  services: PayloadServices,
): JsonValue {
  switch (compiled.kind) {
    case 'literal':
      return compiled.value;
    case 'object': {
      const out: JsonObject = {};
      for (const entry of compiled.entries) out[entry.key] = applyPayload(entry.value, roots, services);
      return out;
    }
    case 'array':
      return compiled.items.map((item) => applyPayload(item, roots, services));
    case 'path': {
      const value = evaluatePath(compiled.path, roots);
      if (value === undefined) pathNotFound(compiled.path, roots, compiled.field);
      return value;
    }
    case 'intrinsic':
      return evaluateIntrinsic(compiled.call, {
        roots,
        random: services.random,
        ids: services.ids,
        field: compiled.field,
      });
    case 'invalid':
      return fail('States.Runtime', compiled.cause);
  }
}
