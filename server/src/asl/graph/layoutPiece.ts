/**
 * A piece of a layout: the boxes and edges of one laid-out part of the picture (a chunk of a
 * scope, a scope, a Parallel or Map with its clusters) in the piece's own coordinates, origin
 * at its top left. Pieces are what the layout caches and moves about: composing a picture is
 * translating pieces, never laying them out again.
 */
import type { Box, Point } from './layout';

export interface LocalBox extends Box {
  readonly id: string;
}

export interface LocalEdge {
  readonly id: string;
  readonly points: readonly Point[];
  readonly label: Box | null;
}

export interface LocalJump extends LocalBox {
  readonly edge: string;
  readonly target: string;
  readonly label: string;
}

export interface Piece {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly LocalBox[];
  readonly clusters: readonly LocalBox[];
  readonly edges: readonly LocalEdge[];
  readonly jumps: readonly LocalJump[];
}

export function moveBox<T extends Box>(box: T, dx: number, dy: number): T {
  return { ...box, x: box.x + dx, y: box.y + dy };
}

export function moveEdge(edge: LocalEdge, dx: number, dy: number): LocalEdge {
  return {
    id: edge.id,
    points: edge.points.map((p) => ({ x: p.x + dx, y: p.y + dy })),
    label: edge.label === null ? null : moveBox(edge.label, dx, dy),
  };
}

/** The items of `pieces`, each moved by its offset, in one piece of the given size. */
export function mergePieces(
  width: number,
  height: number,
  pieces: readonly { readonly x: number; readonly y: number; readonly piece: Piece }[],
): Piece {
  const nodes: LocalBox[] = [];
  const clusters: LocalBox[] = [];
  const edges: LocalEdge[] = [];
  const jumps: LocalJump[] = [];
  for (const { x, y, piece } of pieces) {
    for (const box of piece.nodes) nodes.push(moveBox(box, x, y));
    for (const box of piece.clusters) clusters.push(moveBox(box, x, y));
    for (const edge of piece.edges) edges.push(moveEdge(edge, x, y));
    for (const jump of piece.jumps) jumps.push(moveBox(jump, x, y));
  }
  return { width, height, nodes, clusters, edges, jumps };
}
