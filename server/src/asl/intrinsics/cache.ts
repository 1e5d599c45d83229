/**
 * Parsed calls by their text, so the engine parses each template string once. Capped like the
 * path cache (10,000: far more distinct calls than any definition holds) because the language
 * server also parses every half-typed call of every edit.
 */
import { BoundedCache } from '../boundedCache';
import type { IntrinsicParseResult } from './ast';
import { parseIntrinsic } from './parser';

const cache = new BoundedCache<IntrinsicParseResult>(10_000, (text) => parseIntrinsic(text));

export function parseIntrinsicCached(text: string): IntrinsicParseResult {
  return cache.get(text);
}
