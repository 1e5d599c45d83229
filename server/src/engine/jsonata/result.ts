import { MAX_JSON_DEPTH, type JsonObject, type JsonValue } from '../json';

/** What a jsonata result is, seen as a Step Functions value. */
export type JsonataResult =
  | { readonly kind: 'value'; readonly value: JsonValue }
  | { readonly kind: 'nothing' }
  | { readonly kind: 'unsupported' }
  /** Nested deeper than MAX_JSON_DEPTH: the conversion stops there. */
  | { readonly kind: 'tooDeep' };

const NOTHING: JsonataResult = { kind: 'nothing' };
const UNSUPPORTED: JsonataResult = { kind: 'unsupported' };
const TOO_DEEP: JsonataResult = { kind: 'tooDeep' };
const UNSUPPORTED_MARK = Symbol('unsupported');
const TOO_DEEP_MARK = Symbol('too deep');
type Mark = typeof UNSUPPORTED_MARK | typeof TOO_DEEP_MARK;

/**
 * Turns what jsonata returned into plain JSON. jsonata hands back its own sequences (arrays
 * with extra flags), drops undefined members silently, and can return functions or infinite
 * numbers; a state's fields can only hold JSON. Values that are already plain JSON are
 * returned as they are, without copying.
 */
export function toJsonResult(value: unknown): JsonataResult {
  if (value === undefined) return NOTHING;
  const converted = convert(value, 0);
  if (converted === UNSUPPORTED_MARK) return UNSUPPORTED;
  if (converted === TOO_DEEP_MARK) return TOO_DEEP;
  return { kind: 'value', value: converted };
}

function convert(value: unknown, depth: number): JsonValue | Mark {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : UNSUPPORTED_MARK;
  if (typeof value === 'object' && depth === MAX_JSON_DEPTH) return TOO_DEEP_MARK;
  if (Array.isArray(value)) return convertArray(value, depth + 1);
  if (typeof value === 'object' && isPlainObject(value)) return convertObject(value, depth + 1);
  return UNSUPPORTED_MARK;
}

/** jsonata marks its sequences with own properties; a plain array has none besides its items. */
function isSequence(array: readonly unknown[]): boolean {
  return Object.hasOwn(array, 'sequence') || Object.hasOwn(array, 'keepSingleton');
}

/** `depth`: the nesting of the array's items. */
function convertArray(array: readonly unknown[], depth: number): JsonValue[] | Mark {
  let out: JsonValue[] | undefined = isSequence(array) ? [] : undefined;
  for (let i = 0; i < array.length; i++) {
    const item: unknown = array[i];
    if (item === undefined) {
      out ??= copyPrefix(array, i, depth);
      continue;
    }
    const converted = convert(item, depth);
    if (converted === UNSUPPORTED_MARK || converted === TOO_DEEP_MARK) return converted;
    if (out === undefined && converted !== item) out = copyPrefix(array, i, depth);
    out?.push(converted);
  }
  // Every item was converted to itself above: the array is JSON as it stands.
  return out ?? (array as JsonValue[]);
}

/** The items before `end`, already converted once without a mark: converting again gives none. */
function copyPrefix(array: readonly unknown[], end: number, depth: number): JsonValue[] {
  const out: JsonValue[] = [];
  for (let i = 0; i < end; i++) {
    const item = convert(array[i], depth);
    if (item !== UNSUPPORTED_MARK && item !== TOO_DEEP_MARK) out.push(item);
  }
  return out;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  // jsonata's functions and lambdas are plain objects tagged with these markers.
  return !Object.hasOwn(value, '_jsonata_lambda') && !Object.hasOwn(value, '_jsonata_function');
}

/** `depth`: the nesting of the object's members. */
function convertObject(object: Record<string, unknown>, depth: number): JsonObject | Mark {
  let out: JsonObject | undefined;
  const keys = Object.keys(object);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] ?? '';
    const item = object[key];
    if (item === undefined) {
      out ??= copyObjectPrefix(object, keys, i, depth);
      continue;
    }
    const converted = convert(item, depth);
    if (converted === UNSUPPORTED_MARK || converted === TOO_DEEP_MARK) return converted;
    if (out === undefined && converted !== item) out = copyObjectPrefix(object, keys, i, depth);
    if (out !== undefined) out[key] = converted;
  }
  // Every member was converted to itself above: the object is JSON as it stands.
  return out ?? (object as JsonObject);
}

function copyObjectPrefix(
  object: Record<string, unknown>,
  keys: readonly string[],
  end: number,
  depth: number,
): JsonObject {
  const out: JsonObject = {};
  for (let i = 0; i < end; i++) {
    const key = keys[i] ?? '';
    const item = convert(object[key], depth);
    if (item !== UNSUPPORTED_MARK && item !== TOO_DEEP_MARK) out[key] = item;
  }
  return out;
}
