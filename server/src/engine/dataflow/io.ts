import type { JsonObject, JsonValue } from '../json';
import { fail } from '../errors';
import type { OptionalPath } from '../definition/types';
import { evaluatePath, requirePath, writeAtPath } from '../jsonpath';
import type { PathRoots } from '../jsonpath';
import { applyPayload as applyCompiledPayload } from '../payload';
import type { PayloadServices } from '../payload';
import type { PathRef, PayloadRef } from './refs';

/**
 * The data flow of one state in JSONPath mode: InputPath → Parameters → (work) → ResultSelector
 * → ResultPath → OutputPath, over engine/jsonpath and engine/payload. Every function throws a
 * StatesFailure when a path does not match; the interpreter catches it around the state.
 */

/** What paths can reach besides the data: `$$` (built on demand), variables, and the ports intrinsics use. */
export interface PathEnvironment {
  readonly context: () => JsonObject;
  readonly variables: { readonly [name: string]: JsonValue };
  readonly services: PayloadServices;
}

export type PathLookup = { readonly found: true; readonly value: JsonValue } | { readonly found: false };

function rootsFor(data: JsonValue, env: PathEnvironment): PathRoots {
  return { input: data, context: env.context, variables: env.variables };
}

/** A definite path's node (or nothing); an indefinite path's list of matches. */
export function lookupPath(ref: PathRef, data: JsonValue, env: PathEnvironment): PathLookup {
  const value = evaluatePath(ref.path, rootsFor(data, env));
  return value === undefined ? { found: false } : { found: true, value };
}

/** Like lookupPath, but a path that selects nothing fails the state as AWS words it. */
export function selectPath(ref: PathRef, data: JsonValue, env: PathEnvironment): JsonValue {
  return requirePath(ref.path, rootsFor(data, env));
}

/**
 * A number or timestamp path (SecondsPath, TimeoutSecondsPath, ...) found nothing: AWS names
 * the path as written in both places, not in the bracket form selectPath's cause uses.
 */
export function noResultsFor(ref: PathRef): never {
  return fail('States.Runtime', `Invalid path '${ref.source}' : No results for path: ${ref.source}`);
}

export function applyInputPath(path: OptionalPath, input: JsonValue, env: PathEnvironment): JsonValue {
  if (path === undefined) return input;
  if (path === null) return {};
  return selectPath(path, input, env);
}

export const applyOutputPath = applyInputPath;

export function applyPayload(ref: PayloadRef, data: JsonValue, env: PathEnvironment): JsonValue {
  return applyCompiledPayload(ref.compiled, rootsFor(data, env), env.services);
}

export function applyResultPath(path: OptionalPath, input: JsonValue, result: JsonValue): JsonValue {
  if (path === undefined) return result;
  if (path === null) return input;
  return writeAtPath(input, path.path, result);
}
