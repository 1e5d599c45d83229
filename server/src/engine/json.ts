/** JSON values as Step Functions passes them between states: plain data, serializable as is. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Narrows a JSON value to an object (not null, not an array). */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether an untyped value (parsed JSON, a document's value) is plain JSON data. */
export function isJsonValue(value: unknown): value is JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  if (typeof value !== 'object') return false;
  for (const item of Object.values(value)) if (!isJsonValue(item)) return false;
  return true;
}

/**
 * Parses JSON text into a JSON value. Throws JSON.parse's SyntaxError on bad text, and a
 * SyntaxError too for the one thing JSON.parse yields that is not JSON data: a number beyond
 * the double range (`1e400` reads as Infinity). Only text that may hold such a number has its
 * value walked (the walk cost about half as much as the parse itself). Text nested deeper than
 * MAX_JSON_DEPTH is refused the same way.
 */
export function parseJson(text: string): JsonValue {
  const value: unknown = JSON.parse(text);
  if (MAY_OVERFLOW.test(text) && !isJsonValue(value))
    throw new SyntaxError('The JSON holds a number too large to represent.');
  if (textNestsTooDeep(text)) throw new JsonTooDeep();
  return value as JsonValue;
}

/** parseJson's refusal of text nested deeper than MAX_JSON_DEPTH. */
export class JsonTooDeep extends SyntaxError {
  constructor() {
    super(`The JSON nests arrays and objects ${DEPTH_LIMIT_TEXT}.`);
  }
}

/**
 * The deepest nesting of arrays and objects a value may have in an execution: JSON text that
 * enters it (its input, a Task's result, an item read, States.StringToJson's or $parse's
 * result) and every value a state computes are held to it. The engine walks values
 * recursively, and JSON.stringify gives up at some 4,500 levels; far deeper values would
 * exhaust the stack instead of failing the execution.
 */
export const MAX_JSON_DEPTH = 1000;

/** How messages state the limit: "... nested more than 1,000 levels deep". */
export const DEPTH_LIMIT_TEXT = `more than ${MAX_JSON_DEPTH.toLocaleString('en-US')} levels deep`;

/**
 * Whether a value nests arrays and objects deeper than MAX_JSON_DEPTH. It descends no further
 * than that, so it is safe on any value; a value within the limit is walked whole.
 */
export function nestsTooDeep(value: unknown): boolean {
  return deeperThan(value, MAX_JSON_DEPTH);
}

function deeperThan(value: unknown, levels: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (levels === 0) return true;
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    for (let i = 0; i < items.length; i++) if (deeperThan(items[i], levels - 1)) return true;
    return false;
  }
  // for...in over own enumerable keys of plain data: no array of values allocated per object.
  const members = value as { readonly [key: string]: unknown };
  for (const key in members) if (deeperThan(members[key], levels - 1)) return true;
  return false;
}

/** Whether valid JSON text nests deeper than MAX_JSON_DEPTH; brackets inside strings do not count. */
function textNestsTooDeep(text: string): boolean {
  // Each level takes two characters at least.
  if (text.length <= 2 * MAX_JSON_DEPTH) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * Text in which a number may pass the double range (1.8e308): one needs an exponent of three
 * digits or more, or, with an exponent of at most 99, more than 200 digits before its point.
 * Anything else cannot overflow, strings that merely look like numbers aside (they only cost
 * the walk).
 */
const MAY_OVERFLOW = /[eE][+-]?\d{3}|\d{200}/;

/**
 * The JSON value of something a handler returned, as Lambda serializes it: `undefined` becomes
 * null, and anything JSON.stringify cannot write (cycles, BigInt) throws its TypeError.
 * Plain data is copied directly, which gives the same value as the text round trip at a fraction
 * of its cost (a small object: ~0.05 µs instead of ~0.3 µs); anything else takes the round trip.
 */
export function toJsonValue(value: unknown): JsonValue {
  if (value === undefined) return null;
  const copied = copyPlainJson(value, 0);
  if (copied !== NOT_PLAIN) return copied;
  const text = JSON.stringify(value);
  return text === undefined ? null : parseJson(text);
}

/** Past this depth the copy gives up and JSON.stringify decides (and reports cycles). */
const MAX_PLAIN_DEPTH = 256;

const NOT_PLAIN: unique symbol = Symbol('not plain JSON');

/**
 * A copy of `value` when it is made only of what JSON.stringify writes unchanged: plain objects
 * and dense arrays, strings, booleans, null and finite numbers. Anything it would transform
 * (toJSON, undefined members, class instances, NaN, a `__proto__` key) makes it give up.
 */
function copyPlainJson(value: unknown, depth: number): JsonValue | typeof NOT_PLAIN {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // JSON has no -0: the text round trip reads it back as 0.
      return Number.isFinite(value) ? (value === 0 ? 0 : value) : NOT_PLAIN;
    case 'object':
      break;
    default:
      return NOT_PLAIN;
  }
  if (value === null) return null;
  if (depth > MAX_PLAIN_DEPTH) return NOT_PLAIN;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return NOT_PLAIN;
    const items: JsonValue[] = new Array<JsonValue>(value.length);
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return NOT_PLAIN;
      const item = copyPlainJson(value[i], depth + 1);
      if (item === NOT_PLAIN) return NOT_PLAIN;
      items[i] = item;
    }
    return items;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return NOT_PLAIN;
  if ('toJSON' in value) return NOT_PLAIN;
  const copy: JsonObject = {};
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return NOT_PLAIN;
    const member = copyPlainJson(Reflect.get(value, key), depth + 1);
    if (member === NOT_PLAIN) return NOT_PLAIN;
    copy[key] = member;
  }
  return copy;
}
