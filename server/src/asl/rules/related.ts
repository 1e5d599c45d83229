import type { RelatedSpan } from '../diagnostics';
import type { Span } from '../ast';

/** Related information pointing at `span`. */
export function relatedAt(span: Span, message: string): RelatedSpan[] {
  return [{ offset: span.offset, length: span.length, message }];
}
