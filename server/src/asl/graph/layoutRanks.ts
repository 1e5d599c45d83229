/**
 * Decisions taken before ELK runs, from an estimate of each node's layer: which long edges
 * are drawn as jumps, and where a big scope is cut into chunks that are laid out on their own.
 *
 * Layered layout pays for an edge by the number of layers it crosses, and ELK's time grows
 * faster than the graph. A scope of a few hundred states is therefore cut where exactly one
 * short edge leads on (a "bridge": the flow passes through it and nothing else does), each
 * chunk is laid out separately (and cached: an edit lays out again only its own chunk), and
 * the chunks are stacked so that each bridge runs straight on. Long edges that cross a cut
 * become jumps. Cuts are chosen by the content around them (a hash of the bridge's id), not
 * by counting from the top, so an edit moves no cut but its own chunk's.
 */
import type { GraphEdge, GraphNode } from './types';

/** Layers of dummy nodes a chunk may spend on long edges before the longest become jumps. */
export const JUMP_BUDGET = 400;
/** Edges spanning fewer layers than this are always drawn in full. */
const MIN_JUMP_SPAN = 4;
/** An edge spanning at least this many layers may be cut into a jump where it crosses a cut. */
const LONG_SPAN = 12;
/** A chunk holds at least this many nodes (scopes up to twice this size are never cut)... */
export const MIN_CHUNK = 48;
/** ...and is closed at the first cut after that whose bridge id hashes to 0 modulo this... */
const CUT_SPREAD = 8;
/** ...or at the first cut at all once it holds this many. */
const MAX_CHUNK = 160;

export interface Chunk {
  /** The chunk's nodes, in document order. */
  readonly nodes: readonly GraphNode[];
  /** Edges with both ends in the chunk. */
  readonly edges: readonly GraphEdge[];
  /** The edge that enters the chunk from the one before; null for the first chunk. */
  readonly entry: GraphEdge | null;
  /** The edge that leaves for the next chunk; null for the last one. */
  readonly exit: GraphEdge | null;
}

export interface ScopeCut {
  readonly chunks: readonly Chunk[];
  /** Edges between chunks other than the bridges: drawn as jumps. */
  readonly crossing: readonly GraphEdge[];
}

/** Splits a scope into chunks; a scope too small to be worth it stays one chunk. */
export function cutScope(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): ScopeCut {
  const whole = { chunks: [{ nodes, edges, entry: null, exit: null }], crossing: [] };
  if (nodes.length <= 2 * MIN_CHUNK) return whole;
  const links = edges.filter((edge) => edge.from !== edge.to);
  const rank = estimateLayers(nodes, links);
  const rankOf = (id: string) => rank.get(id) ?? 0;
  const looped = new Set(edges.filter((edge) => edge.from === edge.to).map((edge) => edge.from));
  let top = 0;
  for (const value of rank.values()) top = Math.max(top, value);
  const perRank = new Array<number>(top + 1).fill(0);
  for (const node of nodes) perRank[rankOf(node.id)] = (perRank[rankOf(node.id)] ?? 0) + 1;
  // Between layers r and r+1 cross `count[r]` short edges; when that is one, it is links[index[r]]
  // (summing the indices of the crossing edges gives the index of the only one).
  const count = new Array<number>(top + 1).fill(0);
  const index = new Array<number>(top + 1).fill(0);
  links.forEach((edge, i) => {
    const lo = Math.min(rankOf(edge.from), rankOf(edge.to));
    const hi = Math.max(rankOf(edge.from), rankOf(edge.to));
    if (hi - lo >= LONG_SPAN) return;
    count[lo] = (count[lo] ?? 0) + 1;
    count[hi] = (count[hi] ?? 0) - 1;
    index[lo] = (index[lo] ?? 0) + i;
    index[hi] = (index[hi] ?? 0) - i;
  });
  const cuts: { after: number; bridge: GraphEdge }[] = [];
  let crossingCount = 0;
  let crossingIndex = 0;
  let held = 0;
  for (let r = 0; r < top; r++) {
    crossingCount += count[r] ?? 0;
    crossingIndex += index[r] ?? 0;
    held += perRank[r] ?? 0;
    if (crossingCount !== 1 || held < MIN_CHUNK) continue;
    const bridge = links[crossingIndex];
    if (bridge === undefined || rankOf(bridge.from) !== r || rankOf(bridge.to) !== r + 1) continue;
    // A retry loop may be drawn on the side facing the chunk before: no seam there.
    if (looped.has(bridge.to)) continue;
    if (held < MAX_CHUNK && hash(bridge.id) % CUT_SPREAD !== 0) continue;
    cuts.push({ after: r, bridge });
    held = 0;
  }
  if (cuts.length === 0) return whole;

  const chunkOfRank = new Array<number>(top + 1).fill(0);
  let chunk = 0;
  for (let r = 0; r <= top; r++) {
    chunkOfRank[r] = chunk;
    if (cuts[chunk]?.after === r) chunk++;
  }
  const chunkOf = (id: string) => chunkOfRank[rankOf(id)] ?? 0;
  const chunkNodes = cuts.map((): GraphNode[] => []);
  chunkNodes.push([]);
  for (const node of nodes) chunkNodes[chunkOf(node.id)]?.push(node);
  const chunkEdges = chunkNodes.map((): GraphEdge[] => []);
  const bridges = new Set(cuts.map((cut) => cut.bridge));
  const crossing: GraphEdge[] = [];
  for (const edge of edges) {
    if (bridges.has(edge)) continue;
    const from = chunkOf(edge.from);
    if (from === chunkOf(edge.to)) chunkEdges[from]?.push(edge);
    else crossing.push(edge);
  }
  return {
    chunks: chunkNodes.map((list, i) => ({
      nodes: list,
      edges: chunkEdges[i] ?? [],
      entry: cuts[i - 1]?.bridge ?? null,
      exit: cuts[i]?.bridge ?? null,
    })),
    crossing,
  };
}

/** FNV-1a: a cheap, stable hash of a string. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

/**
 * Picks the longest edges of a chunk as jumps while the layers they cross add up to more than
 * the budget: a workflow where a hundred Tasks catch into one Fail state would otherwise spend
 * seconds of layout on those edges alone.
 */
export function chooseJumps(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): GraphEdge[] {
  const links = edges.filter((edge) => edge.kind !== 'retry' && edge.from !== edge.to);
  if (links.length <= JUMP_BUDGET / MIN_JUMP_SPAN) return [];
  const rank = estimateLayers(nodes, links);
  const spans = links.map((edge) => ({
    edge,
    span: Math.abs((rank.get(edge.to) ?? 0) - (rank.get(edge.from) ?? 0)),
  }));
  let cost = spans.reduce((sum, { span }) => sum + Math.max(0, span - 1), 0);
  if (cost <= JUMP_BUDGET) return [];
  const chosen: GraphEdge[] = [];
  // The longest first; among equals, document order, so the choice is the same every time.
  const ordered = spans
    .map((entry, index) => ({ ...entry, index }))
    .sort((a, b) => b.span - a.span || a.index - b.index);
  for (const { edge, span } of ordered) {
    if (cost <= JUMP_BUDGET || span < MIN_JUMP_SPAN) break;
    chosen.push(edge);
    cost -= span - 1;
  }
  return chosen;
}

/**
 * Each node's layer, estimated as the longest path from the sources once the back edges found
 * by a depth-first search (in document order) are turned around.
 */
function estimateLayers(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Map<string, number> {
  const outgoing = new Map<string, GraphEdge[]>();
  for (const edge of edges) {
    const list = outgoing.get(edge.from);
    if (list === undefined) outgoing.set(edge.from, [edge]);
    else list.push(edge);
  }
  // Iterative DFS: an edge to a node still on the stack closes a cycle and is turned around.
  const state = new Map<string, 'open' | 'done'>();
  const forward: [string, string][] = [];
  for (const root of nodes) {
    if (state.has(root.id)) continue;
    const stack: { id: string; next: number }[] = [{ id: root.id, next: 0 }];
    state.set(root.id, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top === undefined) break;
      const edge = outgoing.get(top.id)?.[top.next++];
      if (edge === undefined) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const seen = state.get(edge.to);
      if (seen === 'open') forward.push([edge.to, edge.from]);
      else {
        forward.push([edge.from, edge.to]);
        if (seen === undefined) {
          state.set(edge.to, 'open');
          stack.push({ id: edge.to, next: 0 });
        }
      }
    }
  }
  // Longest path over the now acyclic edges, in topological order (Kahn).
  const indegree = new Map<string, number>();
  const successors = new Map<string, string[]>();
  for (const [from, to] of forward) {
    indegree.set(to, (indegree.get(to) ?? 0) + 1);
    const list = successors.get(from);
    if (list === undefined) successors.set(from, [to]);
    else list.push(to);
  }
  const rank = new Map<string, number>();
  const queue = nodes.filter((node) => (indegree.get(node.id) ?? 0) === 0).map((node) => node.id);
  for (const id of queue) rank.set(id, 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] ?? '';
    const base = (rank.get(id) ?? 0) + 1;
    for (const to of successors.get(id) ?? []) {
      rank.set(to, Math.max(rank.get(to) ?? 0, base));
      const left = (indegree.get(to) ?? 0) - 1;
      indegree.set(to, left);
      if (left === 0) queue.push(to);
    }
  }
  // States the scope's start does not lead to (left behind by an edit, say) sit just before
  // what they lead to, and those leading nowhere next to their neighbour in the document, not
  // at the very top: where they land must not depend on how far down the machine they are.
  const reached = new Set(nodes.filter((node) => node.kind === 'start').map((node) => node.id));
  if (reached.size === 0) return rank;
  for (const id of queue) if (reached.has(id)) for (const to of successors.get(id) ?? []) reached.add(to);
  for (let i = queue.length - 1; i >= 0; i--) {
    const id = queue[i] ?? '';
    if (reached.has(id)) continue;
    const below = (successors.get(id) ?? []).flatMap((to) => (rank.has(to) ? [rank.get(to) ?? 0] : []));
    if (below.length > 0) rank.set(id, Math.min(...below) - 1);
    else rank.delete(id);
  }
  let previous = 0;
  let lowest = 0;
  for (const node of nodes) {
    const value = rank.get(node.id);
    if (value === undefined) rank.set(node.id, previous);
    else previous = value;
    lowest = Math.min(lowest, previous);
  }
  if (lowest < 0) for (const [id, value] of rank) rank.set(id, value - lowest);
  return rank;
}
