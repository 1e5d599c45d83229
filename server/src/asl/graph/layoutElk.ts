/**
 * One flat graph of boxes and edges (a chunk of a scope, see layoutRanks) to ELK's JSON and
 * ELK's answer back to a piece. Parallel and Map states are laid out before, by the caller,
 * and reach ELK as plain boxes of their final size: ELK never sees a hierarchy.
 */
import type { ElkExtendedEdge, ElkLabel, ElkNode, ElkPoint, LayoutOptions } from 'elkjs/lib/elk-api';
import { LABEL_HEIGHT, labelWidth } from './geometry';
import type { Box, GraphDirection, Point } from './layout';
import type { LocalBox, LocalEdge, LocalJump, Piece } from './layoutPiece';

export interface FlatNode extends LocalBox {
  /** `first` for the box the chunk is entered by, `last` for the stand-in of the next chunk's. */
  readonly constraint: 'first' | 'last' | null;
  /** Set when the box is a jump's pill. */
  readonly jump: { readonly edge: string; readonly target: string; readonly label: string } | null;
}

export interface FlatEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly label: string | null;
}

/** Boxes carry sizes only; their x and y are ignored (and written as 0). */
export interface FlatGraph {
  readonly nodes: readonly FlatNode[];
  readonly edges: readonly FlatEdge[];
}

/** Space between boxes of one layer and between layers: layoutSimple draws with the same. */
export const NODE_GAP = 28;
export const LAYER_GAP = 36;

/** Graphs with more nodes than this get a cheaper crossing minimisation. */
const LARGE_GRAPH = 150;

function options(direction: GraphDirection, size: number): LayoutOptions {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': direction === 'LR' ? 'RIGHT' : 'DOWN',
    'elk.padding': '[top=0,left=0,bottom=0,right=0]',
    'elk.spacing.nodeNode': String(NODE_GAP),
    'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_GAP),
    'elk.spacing.edgeNode': '14',
    'elk.spacing.edgeLabel': '4',
    'elk.edgeRouting': 'ORTHOGONAL',
    // Document order decides among equal choices: a small edit keeps the picture's order.
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    // One balanced alignment instead of four candidates: about half the time, as tidy.
    'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
    'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
    'elk.layered.thoroughness': size > LARGE_GRAPH ? '2' : '7',
  };
}

const CONSTRAINTS = { first: 'FIRST_SEPARATE', last: 'LAST_SEPARATE' } as const;

export function toElk(graph: FlatGraph, direction: GraphDirection): ElkNode {
  return {
    id: 'root',
    layoutOptions: options(direction, graph.nodes.length),
    children: graph.nodes.map((node) => {
      const box: ElkNode = { id: node.id, width: node.width, height: node.height };
      if (node.constraint !== null)
        box.layoutOptions = { 'elk.layered.layering.layerConstraint': CONSTRAINTS[node.constraint] };
      return box;
    }),
    edges: graph.edges.map(elkEdge),
  };
}

function elkEdge(edge: FlatEdge): ElkExtendedEdge {
  const labels: ElkLabel[] =
    edge.label === null
      ? []
      : [{ id: `${edge.id}:label`, text: edge.label, width: labelWidth(edge.label), height: LABEL_HEIGHT }];
  return { id: edge.id, sources: [edge.from], targets: [edge.to], labels };
}

/** ELK's answer as a piece; the `last` box stays in `nodes` (the caller takes it out). */
export function fromElk(result: ElkNode, graph: FlatGraph): Piece {
  const flat = new Map(graph.nodes.map((node) => [node.id, node]));
  const nodes: LocalBox[] = [];
  const jumps: LocalJump[] = [];
  for (const child of result.children ?? []) {
    const box = {
      id: child.id,
      x: child.x ?? 0,
      y: child.y ?? 0,
      width: child.width ?? 0,
      height: child.height ?? 0,
    };
    const jump = flat.get(child.id)?.jump ?? null;
    if (jump === null) nodes.push(box);
    else jumps.push({ ...box, ...jump });
  }
  const edges = (result.edges ?? []).map(placeEdge);
  return { width: result.width ?? 0, height: result.height ?? 0, nodes, clusters: [], edges, jumps };
}

function placeEdge(edge: ElkExtendedEdge): LocalEdge {
  const at = (p: ElkPoint): Point => ({ x: p.x, y: p.y });
  const points: Point[] = [];
  for (const section of edge.sections ?? []) {
    points.push(at(section.startPoint), ...(section.bendPoints ?? []).map(at), at(section.endPoint));
  }
  const label = edge.labels?.[0];
  const box: Box | null =
    label === undefined
      ? null
      : { x: label.x ?? 0, y: label.y ?? 0, width: label.width ?? 0, height: label.height ?? 0 };
  return { id: edge.id, points, label: box };
}
