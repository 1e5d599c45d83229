/** Parsed calls by their text, so the engine parses each template string once. */
import type { IntrinsicParseResult } from './ast';
import { parseIntrinsic } from './parser';

const cache = new Map<string, IntrinsicParseResult>();

export function parseIntrinsicCached(text: string): IntrinsicParseResult {
  let result = cache.get(text);
  if (result === undefined) {
    result = parseIntrinsic(text);
    cache.set(text, result);
  }
  return result;
}

export function clearIntrinsicCache(): void {
  cache.clear();
}
