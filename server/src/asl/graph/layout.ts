/**
 * The layered layout of a graph, computed by ELK (elkjs) scope by scope, bottom up: the
 * clusters of a Parallel or Map first, then the Parallel or Map as one box of their size in
 * its own scope. A big scope is cut into chunks joined by single edges (layoutRanks), each
 * laid out on its own and stacked so that the joining edge runs straight on; with a
 * LayoutCache, a chunk ELK has seen before is not laid out again, so an edit costs the
 * chunks it touches. The ELK instance comes in as a port, so the same code runs in the CLI
 * (elk.bundled in Node) and in the preview's worker.
 *
 * The chunks of the machine's own scope are the picture's sections: the renderer draws each
 * in a group of its own, so that an edit that moves a section moves one group.
 */
import type { ElkNode } from 'elkjs/lib/elk-api';
import {
  CLUSTER_HEADER,
  COMPOUND_HEADER,
  COMPOUND_PADDING,
  JUMP_HEIGHT,
  MARKER_SIZE,
  MISSING_HEIGHT,
  STATE_HEIGHT,
  STATE_WIDTH,
  jumpWidth,
  missingWidth,
} from './geometry';
import type { LayoutCache } from './layoutCache';
import { fromElk, toElk, type FlatEdge, type FlatGraph, type FlatNode } from './layoutElk';
import { mergePieces, moveBox, moveEdge, type LocalBox, type Piece } from './layoutPiece';
import { chooseJumps, cutScope, type Chunk } from './layoutRanks';
import { layoutChain, layoutRow } from './layoutSimple';
import { nodeName, type GraphEdge, type GraphModel, type GraphNode } from './types';

export { JUMP_BUDGET } from './layoutRanks';

export type GraphDirection = 'TB' | 'LR';

/** What the layout needs of ELK: its `layout` call. */
export interface LayoutEngine {
  layout(graph: ElkNode): Promise<ElkNode>;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedBox extends Box {
  readonly id: string;
  /** Index of the section the box is drawn in. */
  readonly section: number;
}

export interface PlacedEdge {
  readonly id: string;
  readonly points: readonly Point[];
  readonly label: Box | null;
  readonly section: number;
}

/** A long edge drawn short: the edge ends at this pill, which names (and leads to) `target`. */
export interface PlacedJump extends PlacedBox {
  readonly edge: string;
  readonly target: string;
  readonly label: string;
}

/** A part of the picture laid out on its own; its id is that of its first node. */
export interface PlacedSection extends Box {
  readonly id: string;
}

/** Absolute coordinates, origin at the top left of the whole picture. */
export interface GraphLayout {
  readonly width: number;
  readonly height: number;
  /** At least one. */
  readonly sections: readonly PlacedSection[];
  readonly nodes: readonly PlacedBox[];
  readonly clusters: readonly PlacedBox[];
  readonly edges: readonly PlacedEdge[];
  readonly jumps: readonly PlacedJump[];
}

export async function layoutGraph(
  graph: GraphModel,
  direction: GraphDirection,
  engine: LayoutEngine,
  cache?: LayoutCache,
): Promise<GraphLayout> {
  cache?.startLayout();
  const context: Context = { scopes: planScopes(graph), direction, engine, cache };
  return toGraphLayout(await layoutScope(context, '', COMPOUND_PADDING));
}

/**
 * A string that changes exactly when the layout would: ids, sizes and the ends and labels of
 * edges, not ranges, comments or resources. The preview keeps the last layout while it holds.
 */
export function layoutKey(graph: GraphModel, direction: GraphDirection): string {
  const parts: string[] = [direction];
  for (const node of graph.nodes)
    parts.push(`${node.id}|${node.parent ?? ''}|${node.kind === 'state' ? '' : node.label}`);
  for (const edge of graph.edges) parts.push(`${edge.id}|${edge.label ?? ''}`);
  for (const cluster of graph.clusters) parts.push(`${cluster.id}|${cluster.owner}`);
  return parts.join('\n');
}

export function jumpIdOf(edgeId: string): string {
  return `jump:${edgeId}`;
}

interface Container {
  readonly nodes: GraphNode[];
  readonly edges: GraphEdge[];
}

interface Scopes {
  /** By cluster id; the machine's scope under ''. */
  readonly containers: ReadonlyMap<string, Container>;
  /** Clusters by owner state id. */
  readonly clustersOf: ReadonlyMap<string, readonly string[]>;
  readonly names: ReadonlyMap<string, string>;
}

interface Context {
  readonly scopes: Scopes;
  readonly direction: GraphDirection;
  readonly engine: LayoutEngine;
  readonly cache: LayoutCache | undefined;
}

/** A scope's chunks, placed in the scope's coordinates (its padding included). */
interface ScopeLayout {
  readonly width: number;
  readonly height: number;
  readonly sections: readonly {
    readonly id: string;
    readonly x: number;
    readonly y: number;
    readonly piece: Piece;
  }[];
}

function planScopes(graph: GraphModel): Scopes {
  const containers = new Map<string, Container>();
  const containerOf = (id: string | null) => {
    const key = id ?? '';
    let container = containers.get(key);
    if (container === undefined) {
      container = { nodes: [], edges: [] };
      containers.set(key, container);
    }
    return container;
  };
  const names = new Map<string, string>();
  for (const node of graph.nodes) {
    containerOf(node.parent).nodes.push(node);
    names.set(node.id, nodeName(node));
  }
  for (const edge of graph.edges) containerOf(edge.parent).edges.push(edge);
  const clustersOf = new Map<string, string[]>();
  for (const cluster of graph.clusters) {
    const list = clustersOf.get(cluster.owner);
    if (list === undefined) clustersOf.set(cluster.owner, [cluster.id]);
    else list.push(cluster.id);
  }
  return { containers, clustersOf, names };
}

async function layoutScope(context: Context, scope: string, top: number): Promise<ScopeLayout> {
  const container = context.scopes.containers.get(scope) ?? { nodes: [], edges: [] };
  const compounds = new Map<string, Piece>();
  await Promise.all(
    container.nodes.map(async (node) => {
      const clusters = context.scopes.clustersOf.get(node.id) ?? [];
      if (node.kind === 'state' && clusters.length > 0)
        compounds.set(node.id, await layoutCompound(context, clusters));
    }),
  );
  const size = (node: GraphNode) => {
    const compound = compounds.get(node.id);
    if (compound !== undefined) return { width: compound.width, height: compound.height };
    if (node.kind === 'state') return { width: STATE_WIDTH, height: STATE_HEIGHT };
    if (node.kind === 'missing') return { width: missingWidth(node.label), height: MISSING_HEIGHT };
    return { width: MARKER_SIZE, height: MARKER_SIZE };
  };
  const sizes = new Map(container.nodes.map((node) => [node.id, size(node)]));
  const cut = cutScope(container.nodes, container.edges);
  const crossing = new Set(cut.crossing);
  const flats = cut.chunks.map((chunk) =>
    flatChunk(chunk, sizes, context.scopes.names, cut.crossing, crossing),
  );
  const pieces = await Promise.all(flats.map((flat) => layoutFlat(context, flat)));

  // Each chunk after the first is moved so that its entry box lands on the stand-in for it at
  // the end of the chunk before, where the joining edge already ends.
  const offsets: { x: number; y: number }[] = [];
  pieces.forEach((piece, i) => {
    const before = offsets[i - 1];
    const chunk = cut.chunks[i];
    const ghost = pieces[i - 1]?.nodes.find((box) => box.id === ghostIdOf(chunk?.entry));
    const entry = piece.nodes.find((box) => box.id === chunk?.entry?.to);
    if (before === undefined || ghost === undefined || entry === undefined) {
      offsets.push({ x: 0, y: 0 });
      return;
    }
    offsets.push({ x: before.x + ghost.x - entry.x, y: before.y + ghost.y - entry.y });
  });
  let minX = 0;
  let minY = 0;
  let maxX = 0;
  let maxY = 0;
  pieces.forEach((piece, i) => {
    const { x, y } = offsets[i] ?? { x: 0, y: 0 };
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + piece.width);
    maxY = Math.max(maxY, y + piece.height);
  });
  const sections = pieces.map((piece, i) => {
    const { x, y } = offsets[i] ?? { x: 0, y: 0 };
    return {
      id: cut.chunks[i]?.nodes[0]?.id ?? String(i),
      x: x - minX + COMPOUND_PADDING,
      y: y - minY + top,
      piece: withCompounds(withoutGhost(piece, cut.chunks[i]?.exit ?? null), compounds),
    };
  });
  return {
    width: maxX - minX + 2 * COMPOUND_PADDING,
    height: maxY - minY + top + COMPOUND_PADDING,
    sections,
  };
}

function ghostIdOf(edge: GraphEdge | null | undefined): string {
  return `ghost:${edge?.id ?? ''}`;
}

/** The graph ELK lays out for one chunk: its boxes, its jumps' pills and the stand-in for the next chunk. */
function flatChunk(
  chunk: Chunk,
  sizes: ReadonlyMap<string, { width: number; height: number }>,
  names: ReadonlyMap<string, string>,
  crossingEdges: readonly GraphEdge[],
  crossing: ReadonlySet<GraphEdge>,
): FlatGraph {
  const ids = new Set(chunk.nodes.map((node) => node.id));
  const jumps = new Set([
    ...crossingEdges.filter((edge) => ids.has(edge.from)),
    ...chooseJumps(chunk.nodes, chunk.edges),
  ]);
  const nodes: FlatNode[] = chunk.nodes.map((node) => ({
    id: node.id,
    x: 0,
    y: 0,
    ...(sizes.get(node.id) ?? { width: STATE_WIDTH, height: STATE_HEIGHT }),
    constraint: node.id === chunk.entry?.to ? 'first' : null,
    jump: null,
  }));
  const edges: FlatEdge[] = [];
  const plain = (edge: GraphEdge, to: string): FlatEdge => ({
    id: edge.id,
    from: edge.from,
    to,
    label: edge.label,
  });
  // Edges in document order, a jump where its edge was, so that the order ELK sees is stable.
  const ordered = [
    ...chunk.edges,
    ...crossingEdges.filter((edge) => crossing.has(edge) && ids.has(edge.from)),
  ];
  for (const edge of ordered) {
    if (!jumps.has(edge)) {
      edges.push(plain(edge, edge.to));
      continue;
    }
    const target = names.get(edge.to) ?? edge.to;
    const id = jumpIdOf(edge.id);
    nodes.push({
      id,
      x: 0,
      y: 0,
      width: jumpWidth(target),
      height: JUMP_HEIGHT,
      constraint: null,
      jump: { edge: edge.id, target: edge.to, label: target },
    });
    edges.push(plain(edge, id));
  }
  if (chunk.exit !== null) {
    const id = ghostIdOf(chunk.exit);
    const size = sizes.get(chunk.exit.to) ?? { width: STATE_WIDTH, height: STATE_HEIGHT };
    nodes.push({ id, x: 0, y: 0, ...size, constraint: 'last', jump: null });
    edges.push(plain(chunk.exit, id));
  }
  return { nodes, edges };
}

async function layoutFlat(context: Context, flat: FlatGraph): Promise<Piece> {
  const chain = layoutChain(flat, context.direction);
  if (chain !== null) return chain;
  const input = toElk(flat, context.direction);
  const key = JSON.stringify(input);
  const cached = context.cache?.get(key);
  if (cached !== undefined) return cached;
  const piece = fromElk(await context.engine.layout(input), flat);
  context.cache?.set(key, piece);
  return piece;
}

function withoutGhost(piece: Piece, exit: GraphEdge | null): Piece {
  if (exit === null) return piece;
  const ghost = ghostIdOf(exit);
  return { ...piece, nodes: piece.nodes.filter((box) => box.id !== ghost) };
}

/** The piece with the insides of its Parallel and Map boxes added. */
function withCompounds(piece: Piece, compounds: ReadonlyMap<string, Piece>): Piece {
  const inner = piece.nodes.flatMap((box) => {
    const compound = compounds.get(box.id);
    return compound === undefined ? [] : [{ x: box.x, y: box.y, piece: compound }];
  });
  if (inner.length === 0) return piece;
  const merged = mergePieces(piece.width, piece.height, inner);
  return {
    ...piece,
    nodes: [...piece.nodes, ...merged.nodes],
    clusters: [...piece.clusters, ...merged.clusters],
    edges: [...piece.edges, ...merged.edges],
    jumps: [...piece.jumps, ...merged.jumps],
  };
}

/** A Parallel's branches or a Map's processor, side by side under the state's header. */
async function layoutCompound(context: Context, clusters: readonly string[]): Promise<Piece> {
  const scopes = await Promise.all(clusters.map((id) => layoutScope(context, id, CLUSTER_HEADER)));
  const row = layoutRow(scopes, context.direction, {
    top: COMPOUND_HEADER,
    side: COMPOUND_PADDING,
    minWidth: STATE_WIDTH,
    minHeight: STATE_HEIGHT,
  });
  const placed = scopes.map((scope, i) => ({
    ...(row.places[i] ?? { x: 0, y: 0 }),
    scope,
    id: clusters[i] ?? '',
  }));
  const content = mergePieces(
    row.width,
    row.height,
    placed.flatMap(({ x, y, scope }) =>
      scope.sections.map((s) => ({ x: x + s.x, y: y + s.y, piece: s.piece })),
    ),
  );
  const boxes: LocalBox[] = placed.map(({ x, y, scope, id }) => ({
    id,
    x,
    y,
    width: scope.width,
    height: scope.height,
  }));
  return { ...content, clusters: [...boxes, ...content.clusters] };
}

function toGraphLayout(root: ScopeLayout): GraphLayout {
  const sections: PlacedSection[] = [];
  const nodes: PlacedBox[] = [];
  const clusters: PlacedBox[] = [];
  const edges: PlacedEdge[] = [];
  const jumps: PlacedJump[] = [];
  root.sections.forEach(({ id, x, y, piece }, section) => {
    sections.push({ id, x, y, width: piece.width, height: piece.height });
    for (const box of piece.nodes) nodes.push({ ...moveBox(box, x, y), section });
    for (const box of piece.clusters) clusters.push({ ...moveBox(box, x, y), section });
    for (const jump of piece.jumps) jumps.push({ ...moveBox(jump, x, y), section });
    for (const edge of piece.edges) edges.push({ ...moveEdge(edge, x, y), section });
  });
  return { width: root.width, height: root.height, sections, nodes, clusters, edges, jumps };
}
