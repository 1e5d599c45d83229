/**
 * Which state node the editor's cursor is in: the innermost state whose definition contains
 * the position (a state inside a Parallel branch wins over the Parallel). Pure, for the panel.
 */
import type { GraphModel, StateNode, TextRange } from '../../../server/src/asl/graph/types';

export interface CursorPosition {
  readonly line: number;
  readonly character: number;
}

export function stateNodeAt(graph: GraphModel, position: CursorPosition): StateNode | undefined {
  let best: StateNode | undefined;
  for (const node of graph.nodes) {
    if (node.kind !== 'state' || !contains(node.range, position)) continue;
    // Nested definitions start later and end earlier than their owner's.
    if (best === undefined || before(best.range.start, node.range.start)) best = node;
  }
  return best;
}

function contains(range: TextRange, position: CursorPosition): boolean {
  return !before(position, range.start) && !before(range.end, position);
}

function before(a: CursorPosition, b: CursorPosition): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
