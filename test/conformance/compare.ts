import type { JsonValue } from '../../server/src/engine';
import { toJson } from './cases';

/**
 * Compares what the engine produced with what AWS recorded, ignoring the JSON pointers a case
 * lists as nondeterministic. Causes and history payloads that AWS sent as JSON text may have
 * been stored parsed by the recorder: both sides are parsed before comparing when they look like
 * JSON objects or arrays.
 */
export function diffValues(
  expected: JsonValue | undefined,
  actual: JsonValue | undefined,
  pointer: string,
  ignored: readonly string[],
  out: string[],
): void {
  if (ignored.some((p) => pointer === p || pointer.startsWith(`${p}/`))) return;
  if (out.length > 5) return;
  if (expected === null || typeof expected !== 'object') {
    if (expected !== actual && !nearlyEqual(expected, actual)) {
      out.push(
        `${pointer}: expected ${JSON.stringify(expected)} got ${JSON.stringify(actual)?.slice(0, 200)}`,
      );
    }
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) {
      out.push(`${pointer}: expected an array got ${JSON.stringify(actual)?.slice(0, 200)}`);
      return;
    }
    if (expected.length !== actual.length) {
      out.push(`${pointer}: expected ${expected.length} items got ${actual.length}`);
      return;
    }
    expected.forEach((item, i) => diffValues(item, actual[i], `${pointer}/${i}`, ignored, out));
    return;
  }
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual) || actual === undefined) {
    out.push(`${pointer}: expected an object got ${JSON.stringify(actual)?.slice(0, 200)}`);
    return;
  }
  for (const key of Object.keys(actual)) {
    const child = `${pointer}/${escapePointer(key)}`;
    if (!Object.hasOwn(expected, key) && !ignored.some((p) => child === p || child.startsWith(`${p}/`)))
      out.push(`${child}: unexpected`);
  }
  for (const [key, value] of Object.entries(expected)) {
    const child = `${pointer}/${escapePointer(key)}`;
    if (!Object.hasOwn(actual, key)) {
      if (!ignored.some((p) => child === p || child.startsWith(`${p}/`))) out.push(`${child}: missing`);
    } else diffValues(value, actual[key], child, ignored, out);
  }
}

function nearlyEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return (
    typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a))
  );
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** JSON text that holds an object or array, parsed; anything else as it is. */
export function parsedIfJson(value: JsonValue | undefined): JsonValue | undefined {
  if (typeof value !== 'string') return value;
  const trimmed = value.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return value;
  try {
    return toJson(JSON.parse(value));
  } catch {
    return value;
  }
}
