import type { JsonObject, JsonValue } from '../json';

/** Narrows a JSON value to an object (not null, not an array). */
export function isJsonObject(value: JsonValue): value is JsonObject {
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
 * Parses JSON text. JSON.parse can only produce JSON values, so its result is typed as one here,
 * once, instead of being walked by a guard (which costs as much as the parse on large inputs).
 * Throws JSON.parse's SyntaxError on bad text.
 */
export function parseJson(text: string): JsonValue {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-return -- JSON.parse yields JSON by construction
  return JSON.parse(text);
}

/**
 * The JSON value of something a handler returned, as Lambda serializes it: `undefined` becomes
 * null, and anything JSON.stringify cannot write (cycles, BigInt) throws its TypeError.
 */
export function toJsonValue(value: unknown): JsonValue {
  const text = JSON.stringify(value);
  return text === undefined ? null : parseJson(text);
}
