/**
 * Parse once, evaluate many times: the engine looks paths up by their text on every state
 * transition, and the validator on every edit, so parsed forms (and parse problems) are kept
 * by their text. A definition holds a few hundred distinct paths at most; 10,000 leaves room
 * for several large ones while a long-lived language server, which sees every half-typed path,
 * stays bounded. `clearPathCache` exists for tests and processes that want a fresh start.
 */
import { BoundedCache } from '../boundedCache';
import type { PathParseResult } from './ast';
import { parseJsonPath } from './parser';

const cache = new BoundedCache<PathParseResult>(10_000, (text) => parseJsonPath(text));

/** The parse of `text` (offsets relative to the start of `text`), from the cache when known. */
export function parsePathCached(text: string): PathParseResult {
  return cache.get(text);
}

export function clearPathCache(): void {
  cache.clear();
}
