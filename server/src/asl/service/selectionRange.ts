import { containsOffset, endOf, quotedContent, spanOf, type Span, type ValueNode } from '../ast';
import type { ParsedDocument } from '../parse';

/** For each offset, the spans around it from the innermost (a word, a string's text) outwards. */
export function selectionRanges(
  document: ParsedDocument,
  offsets: readonly number[],
): readonly (readonly Span[])[] {
  return offsets.map((offset) => selectionChain(document, offset));
}

function selectionChain(document: ParsedDocument, offset: number): Span[] {
  const chain: Span[] = [];
  const push = (span: Span): void => {
    const last = chain[chain.length - 1];
    if (last === undefined || last.offset !== span.offset || last.length !== span.length) {
      chain.push(spanOf(span));
    }
  };
  let node = document.root;
  while (node !== undefined && containsOffset(node, offset)) {
    push(node);
    let next: ValueNode | undefined;
    if (node.kind === 'object') {
      const start = node.offset;
      const property = node.properties.find((p) => containsOffset(p, offset) && p.key.offset >= start);
      if (property !== undefined) {
        push(property);
        if (containsOffset(property.key, offset) && offset < endOf(property.key)) {
          push(property.key);
          pushContent(document, property.key, push);
        } else {
          next = property.value;
        }
      }
    } else if (node.kind === 'array') {
      next = node.items.find((item) => containsOffset(item, offset));
    } else if (node.kind === 'string') {
      pushContent(document, node, push);
    }
    node = next;
  }
  return chain.reverse();
}

function pushContent(document: ParsedDocument, node: Span, push: (span: Span) => void): void {
  const content = quotedContent(document.text, node);
  if (content !== undefined) push(content);
}
