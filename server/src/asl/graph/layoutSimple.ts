/**
 * The two shapes whose layered layout is known without running ELK, drawn the way ELK draws
 * them (same spacing, centred on one line): a plain chain of boxes (most Parallel branches and
 * Map processors: start, a few states, end), and the row of clusters inside a Parallel or Map.
 * ELK costs a few milliseconds per call even for three boxes; a machine with hundreds of small
 * branches would spend most of its layout time there.
 */
import { LAYER_GAP, NODE_GAP, type FlatGraph } from './layoutElk';
import type { GraphDirection, Point } from './layout';
import type { LocalBox, LocalEdge } from './layoutPiece';
import type { Piece } from './layoutPiece';

/**
 * A graph that is one path through all its boxes, with no labels, loops or jumps, laid out
 * along the flow; null for any other graph.
 */
export function layoutChain(graph: FlatGraph, direction: GraphDirection): Piece | null {
  if (graph.edges.length !== graph.nodes.length - 1) return null;
  if (graph.nodes.some((node) => node.jump !== null)) return null;
  const next = new Map<string, string>();
  const entered = new Set<string>();
  const ids = new Map<string, string>();
  for (const edge of graph.edges) {
    if (edge.label !== null || edge.from === edge.to) return null;
    if (next.has(edge.from) || entered.has(edge.to)) return null;
    next.set(edge.from, edge.to);
    entered.add(edge.to);
    ids.set(`${edge.from}\n${edge.to}`, edge.id);
  }
  const first = graph.nodes.find((node) => !entered.has(node.id));
  if (first === undefined) return null;
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const order = [first];
  for (let id = next.get(first.id); id !== undefined; id = next.get(id)) {
    const node = byId.get(id);
    if (node === undefined || order.length > graph.nodes.length) return null;
    order.push(node);
  }
  if (order.length !== graph.nodes.length) return null;

  const down = direction === 'TB';
  const across = Math.max(...order.map((node) => (down ? node.width : node.height)));
  const nodes: LocalBox[] = [];
  let along = 0;
  for (const node of order) {
    const offset = (across - (down ? node.width : node.height)) / 2;
    nodes.push({
      id: node.id,
      x: down ? offset : along,
      y: down ? along : offset,
      width: node.width,
      height: node.height,
    });
    along += (down ? node.height : node.width) + LAYER_GAP;
  }
  const edges: LocalEdge[] = [];
  for (let i = 1; i < nodes.length; i++) {
    const from = nodes[i - 1];
    const to = nodes[i];
    if (from === undefined || to === undefined) continue;
    const points: Point[] = down
      ? [
          { x: across / 2, y: from.y + from.height },
          { x: across / 2, y: to.y },
        ]
      : [
          { x: from.x + from.width, y: across / 2 },
          { x: to.x, y: across / 2 },
        ];
    edges.push({ id: ids.get(`${from.id}\n${to.id}`) ?? '', points, label: null });
  }
  const length = Math.max(0, along - LAYER_GAP);
  return {
    width: down ? across : length,
    height: down ? length : across,
    nodes,
    clusters: [],
    edges,
    jumps: [],
  };
}

export interface RowPadding {
  readonly top: number;
  readonly side: number;
  readonly minWidth: number;
  readonly minHeight: number;
}

/**
 * Places `sizes` next to each other across the flow (side by side top to bottom, one above
 * the other left to right), level with each other where the flow starts, inside the padding.
 */
export function layoutRow(
  sizes: readonly { readonly width: number; readonly height: number }[],
  direction: GraphDirection,
  padding: RowPadding,
): { width: number; height: number; places: Point[] } {
  const down = direction === 'TB';
  const places: Point[] = [];
  let across = 0;
  let along = 0;
  for (const size of sizes) {
    places.push(down ? { x: across, y: 0 } : { x: 0, y: across });
    across += (down ? size.width : size.height) + NODE_GAP;
    along = Math.max(along, down ? size.height : size.width);
  }
  across = Math.max(0, across - NODE_GAP);
  const contentWidth = down ? across : along;
  const contentHeight = down ? along : across;
  const width = Math.max(padding.minWidth, contentWidth + 2 * padding.side);
  const height = Math.max(padding.minHeight, contentHeight + padding.top + padding.side);
  // Content narrower than the minimum size is centred, as ELK does.
  const dx = (width - contentWidth) / 2;
  const dy = padding.top + (height - padding.top - padding.side - contentHeight) / 2;
  return { width, height, places: places.map((p) => ({ x: p.x + dx, y: p.y + dy })) };
}
