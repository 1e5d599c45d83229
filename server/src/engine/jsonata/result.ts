import type { JsonObject, JsonValue } from '../json';

/** What a jsonata result is, seen as a Step Functions value. */
export type JsonataResult =
  | { readonly kind: 'value'; readonly value: JsonValue }
  | { readonly kind: 'nothing' }
  | { readonly kind: 'unsupported' };

const NOTHING: JsonataResult = { kind: 'nothing' };
const UNSUPPORTED: JsonataResult = { kind: 'unsupported' };
const UNSUPPORTED_MARK = Symbol('unsupported');

/**
 * Turns what jsonata returned into plain JSON. jsonata hands back its own sequences (arrays
 * with extra flags), drops undefined members silently, and can return functions or infinite
 * numbers; a state's fields can only hold JSON. Values that are already plain JSON are
 * returned as they are, without copying.
 */
export function toJsonResult(value: unknown): JsonataResult {
  if (value === undefined) return NOTHING;
  const converted = convert(value);
  return converted === UNSUPPORTED_MARK ? UNSUPPORTED : { kind: 'value', value: converted };
}

function convert(value: unknown): JsonValue | typeof UNSUPPORTED_MARK {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : UNSUPPORTED_MARK;
  if (Array.isArray(value)) return convertArray(value);
  if (typeof value === 'object' && isPlainObject(value)) return convertObject(value);
  return UNSUPPORTED_MARK;
}

/** jsonata marks its sequences with own properties; a plain array has none besides its items. */
function isSequence(array: readonly unknown[]): boolean {
  return Object.hasOwn(array, 'sequence') || Object.hasOwn(array, 'keepSingleton');
}

function convertArray(array: readonly unknown[]): JsonValue[] | typeof UNSUPPORTED_MARK {
  let out: JsonValue[] | undefined = isSequence(array) ? [] : undefined;
  for (let i = 0; i < array.length; i++) {
    const item: unknown = array[i];
    if (item === undefined) {
      out ??= copyPrefix(array, i);
      continue;
    }
    const converted = convert(item);
    if (converted === UNSUPPORTED_MARK) return UNSUPPORTED_MARK;
    if (out === undefined && converted !== item) out = copyPrefix(array, i);
    out?.push(converted);
  }
  // Every item was converted to itself above: the array is JSON as it stands.
  return out ?? (array as JsonValue[]);
}

function copyPrefix(array: readonly unknown[], end: number): JsonValue[] {
  const out: JsonValue[] = [];
  for (let i = 0; i < end; i++) {
    const item = convert(array[i]);
    if (item !== UNSUPPORTED_MARK) out.push(item);
  }
  return out;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  // jsonata's functions and lambdas are plain objects tagged with these markers.
  return !Object.hasOwn(value, '_jsonata_lambda') && !Object.hasOwn(value, '_jsonata_function');
}

function convertObject(object: Record<string, unknown>): JsonObject | typeof UNSUPPORTED_MARK {
  let out: JsonObject | undefined;
  const keys = Object.keys(object);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] ?? '';
    const item = object[key];
    if (item === undefined) {
      out ??= copyObjectPrefix(object, keys, i);
      continue;
    }
    const converted = convert(item);
    if (converted === UNSUPPORTED_MARK) return UNSUPPORTED_MARK;
    if (out === undefined && converted !== item) out = copyObjectPrefix(object, keys, i);
    if (out !== undefined) out[key] = converted;
  }
  // Every member was converted to itself above: the object is JSON as it stands.
  return out ?? (object as JsonObject);
}

function copyObjectPrefix(object: Record<string, unknown>, keys: readonly string[], end: number): JsonObject {
  const out: JsonObject = {};
  for (let i = 0; i < end; i++) {
    const key = keys[i] ?? '';
    const item = convert(object[key]);
    if (item !== UNSUPPORTED_MARK) out[key] = item;
  }
  return out;
}
