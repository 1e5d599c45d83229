import { utf8Size } from '../../asl/jsonSize';
import { fail } from '../errors';
import { DEPTH_LIMIT_TEXT, nestsTooDeep, type JsonValue } from '../json';

/** Step Functions' limit on any state's input, output and task result: 256 KiB of UTF-8 JSON. */
export const PAYLOAD_LIMIT_BYTES = 262_144;

export function exceedsPayloadLimit(value: JsonValue): boolean {
  // Most payloads are far below the limit, which a walk over the value shows without writing
  // its text (a Task's small result: ~0.03 µs instead of ~0.2 µs for JSON.stringify).
  if (upperBound(value, PAYLOAD_LIMIT_BYTES) <= PAYLOAD_LIMIT_BYTES) return false;
  const text = JSON.stringify(value);
  // UTF-8 takes at most 3 bytes per UTF-16 code unit: short texts need no exact count.
  if (text.length * 3 <= PAYLOAD_LIMIT_BYTES) return false;
  return utf8Size(text) > PAYLOAD_LIMIT_BYTES;
}

/** The most UTF-8 bytes a string can take in JSON: quotes, and `\uXXXX` for every code unit. */
const stringBound = (text: string) => 2 + 6 * text.length;

/** JSON.stringify writes no number longer than this (`-1.2345678901234567e-308`). */
const NUMBER_BOUND = 24;

/**
 * An upper bound of the UTF-8 size of `value` as JSON; stops adding once past `budget` (the
 * caller then measures exactly).
 */
function upperBound(value: JsonValue, budget: number): number {
  if (value === null) return 4;
  switch (typeof value) {
    case 'string':
      return stringBound(value);
    case 'number':
      return NUMBER_BOUND;
    case 'boolean':
      return 5;
    default:
      break;
  }
  let bytes = 2;
  if (Array.isArray(value)) {
    for (const item of value) {
      bytes += 1 + upperBound(item, budget - bytes);
      if (bytes > budget) return bytes;
    }
    return bytes;
  }
  for (const key in value) {
    const member = value[key];
    if (member === undefined) continue;
    bytes += 2 + stringBound(key) + upperBound(member, budget - bytes);
    if (bytes > budget) return bytes;
  }
  return bytes;
}

/**
 * Fails the state with States.Runtime when a value it computed nests deeper than the engine
 * holds (MAX_JSON_DEPTH). Values can only grow that deep over many states (a loop that wraps
 * its data again on every pass): each check keeps what the next state reads within the limit.
 */
export function requireDepth(value: JsonValue, what: string): void {
  if (nestsTooDeep(value)) {
    fail(
      'States.Runtime',
      `${what} nests arrays and objects ${DEPTH_LIMIT_TEXT}, more than this engine holds.`,
    );
  }
}
