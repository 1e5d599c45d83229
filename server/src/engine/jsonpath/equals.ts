import type { JsonValue } from '../json';

/** Structural equality of JSON values: key order does not matter, array order does. */
export function jsonEquals(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      const left = a[i];
      const right = b[i];
      if (left === undefined || right === undefined || !jsonEquals(left, right)) return false;
    }
    return true;
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    const left = a[key];
    const right = b[key];
    if (left === undefined || right === undefined || !Object.hasOwn(b, key) || !jsonEquals(left, right))
      return false;
  }
  return true;
}
