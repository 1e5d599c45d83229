import { endOf, type Span, type ValueNode } from '../ast';
import type { ParsedDocument } from '../parse';

export interface FoldingRange {
  readonly startLine: number;
  readonly endLine: number;
}

/** A range per object or array spanning several lines, from the line of its key to its last inner line. */
export function foldingRanges(document: ParsedDocument): readonly FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const root = document.root;
  if (root === undefined) return ranges;
  // A YAML block document has no brackets around its top mapping: folding its first line would hide everything.
  if (document.format === 'yaml' && root.kind === 'object' && document.text[root.offset] !== '{') {
    for (const property of root.properties) {
      if (property.value !== undefined && property.key.offset >= root.offset)
        fold(document, property.value, property.offset, ranges);
    }
  } else {
    fold(document, root, root.offset, ranges);
  }
  return ranges;
}

function fold(document: ParsedDocument, node: ValueNode, start: number, out: FoldingRange[]): void {
  if (node.aliasOf !== undefined) return;
  if (node.kind === 'object') {
    addRange(document, start, node, out);
    for (const property of node.properties) {
      if (property.value !== undefined && property.key.offset >= node.offset)
        fold(document, property.value, property.offset, out);
    }
  } else if (node.kind === 'array') {
    addRange(document, start, node, out);
    for (const item of node.items) fold(document, item, item.offset, out);
  }
}

function addRange(document: ParsedDocument, start: number, node: Span, out: FoldingRange[]): void {
  const lines = document.lines;
  const startLine = lines.positionAt(start).line;
  const text = document.text;
  let end = endOf(node);
  while (end > node.offset && /\s/.test(text[end - 1] ?? '')) end--;
  const last = text[end - 1];
  const endPosition = lines.positionAt(end - 1);
  // JSON: keep the closing bracket visible; YAML has none, so the last line folds too.
  const endLine = last === '}' || last === ']' ? endPosition.line - 1 : endPosition.line;
  if (endLine > startLine) out.push({ startLine, endLine });
}
