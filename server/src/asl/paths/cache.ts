/**
 * Parse once, evaluate many times: the engine looks paths up by their text on every state
 * transition, and the validator on every edit, so parsed forms (and parse problems) are kept
 * by their text. The cache empties itself when full, so it must hold every path of a large
 * document, or each validation parses them all again: 5,000 states with a few paths each
 * (20,000 distinct paths) took 70-97 ms a validation with 10,000, 32 ms with 25,000. A parse
 * takes 0.5-1.7 KB, so a long-lived language server, which sees every half-typed path, stays
 * within ~40 MB here. `clearPathCache` exists for tests and processes that want a fresh start.
 */
import { BoundedCache } from '../boundedCache';
import type { PathParseResult } from './ast';
import { parseJsonPath } from './parser';

const cache = new BoundedCache<PathParseResult>(25_000, (text) => parseJsonPath(text));

/** The parse of `text` (offsets relative to the start of `text`), from the cache when known. */
export function parsePathCached(text: string): PathParseResult {
  return cache.get(text);
}

export function clearPathCache(): void {
  cache.clear();
}
