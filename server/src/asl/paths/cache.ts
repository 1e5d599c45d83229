/**
 * Parse once, evaluate many times: the engine looks paths up by their text on every state
 * transition, so parsed forms (and parse problems) are kept in a map. Definitions are finite,
 * so the map stays small; `clearPathCache` exists for long-lived processes that load many.
 */
import type { PathParseResult } from './ast';
import { parseJsonPath } from './parser';

const cache = new Map<string, PathParseResult>();

/** The parse of `text` (offsets relative to the start of `text`), from the cache when known. */
export function parsePathCached(text: string): PathParseResult {
  let result = cache.get(text);
  if (result === undefined) {
    result = parseJsonPath(text);
    cache.set(text, result);
  }
  return result;
}

export function clearPathCache(): void {
  cache.clear();
}
