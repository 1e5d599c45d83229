/**
 * The layered layout of a graph, computed by ELK (elkjs). This module only translates: the
 * graph model to ELK's JSON, ELK's answer to absolute boxes and polylines. The ELK instance
 * comes in as a port, so the same code runs in the CLI (elk.bundled in Node) and in the
 * preview's worker. Parallel and Map states are compound nodes holding one node per branch or
 * processor, laid out recursively; every edge lives in the scope of its two ends.
 *
 * Layered layout pays for an edge by the number of layers it crosses. A workflow where a
 * hundred Tasks catch into one Fail state would spend seconds on those edges alone, so when a
 * scope's long edges would cost more than a budget, the longest are drawn as jumps: a short
 * edge to a small pill naming the target (a click on it goes there).
 */
import type { ElkExtendedEdge, ElkLabel, ElkNode, ElkPoint, LayoutOptions } from 'elkjs/lib/elk-api';
import {
  CLUSTER_HEADER,
  COMPOUND_HEADER,
  COMPOUND_PADDING,
  JUMP_HEIGHT,
  LABEL_HEIGHT,
  MARKER_SIZE,
  MISSING_HEIGHT,
  STATE_HEIGHT,
  STATE_WIDTH,
  jumpWidth,
  labelWidth,
  missingWidth,
} from './geometry';
import type { GraphEdge, GraphModel, GraphNode } from './types';

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
}

export interface PlacedEdge {
  readonly id: string;
  readonly points: readonly Point[];
  readonly label: Box | null;
}

/** A long edge drawn short: the edge ends at this pill, which names (and leads to) `target`. */
export interface PlacedJump extends Box {
  readonly id: string;
  readonly edge: string;
  readonly target: string;
  readonly label: string;
}

/** Absolute coordinates, origin at the top left of the whole picture. */
export interface GraphLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PlacedBox[];
  readonly clusters: readonly PlacedBox[];
  readonly edges: readonly PlacedEdge[];
  readonly jumps: readonly PlacedJump[];
}

/** Layers of dummy nodes a scope may spend on long edges before the longest become jumps. */
export const JUMP_BUDGET = 400;
/** Edges spanning fewer layers than this are always drawn in full. */
const MIN_JUMP_SPAN = 4;

export async function layoutGraph(
  graph: GraphModel,
  direction: GraphDirection,
  engine: LayoutEngine,
): Promise<GraphLayout> {
  const plan = planLayout(graph);
  const result = await engine.layout(toElk(plan, direction));
  return fromElk(result, plan);
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

interface Container {
  readonly nodes: GraphNode[];
  readonly edges: GraphEdge[];
}

interface LayoutPlan {
  readonly graph: GraphModel;
  /** By cluster id; the machine's scope under ''. */
  readonly containers: ReadonlyMap<string, Container>;
  /** Clusters by owner state id. */
  readonly clustersOf: ReadonlyMap<string, readonly string[]>;
  /** Edges drawn as jumps, with the label of their target. */
  readonly jumps: ReadonlyMap<string, string>;
  readonly names: ReadonlyMap<string, string>;
}

function planLayout(graph: GraphModel): LayoutPlan {
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
    names.set(node.id, node.kind === 'state' ? node.name : node.label);
  }
  for (const edge of graph.edges) containerOf(edge.parent).edges.push(edge);
  const clustersOf = new Map<string, string[]>();
  for (const cluster of graph.clusters) {
    const list = clustersOf.get(cluster.owner);
    if (list === undefined) clustersOf.set(cluster.owner, [cluster.id]);
    else list.push(cluster.id);
  }
  const jumps = new Map<string, string>();
  for (const container of containers.values()) {
    for (const edge of chooseJumps(container)) jumps.set(edge.id, names.get(edge.to) ?? edge.to);
  }
  return { graph, containers, clustersOf, jumps, names };
}

/**
 * Estimates each node's layer (longest path from the scope's sources once the back edges found
 * by a depth-first search are turned around) and picks the longest edges while the layers they
 * cross add up to more than the budget.
 */
function chooseJumps(container: Container): GraphEdge[] {
  const edges = container.edges.filter((edge) => edge.kind !== 'retry' && edge.from !== edge.to);
  if (edges.length <= JUMP_BUDGET / MIN_JUMP_SPAN) return [];
  const rank = estimateLayers(container.nodes, edges);
  const spans = edges.map((edge) => ({
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
  return rank;
}

/** Scopes with more nodes than this get a cheaper crossing minimisation. */
const LARGE_SCOPE = 150;

function containerOptions(direction: GraphDirection, top: number, size = 0): LayoutOptions {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': direction === 'LR' ? 'RIGHT' : 'DOWN',
    'elk.padding': `[top=${top},left=${COMPOUND_PADDING},bottom=${COMPOUND_PADDING},right=${COMPOUND_PADDING}]`,
    'elk.spacing.nodeNode': '28',
    'elk.layered.spacing.nodeNodeBetweenLayers': '36',
    'elk.spacing.edgeNode': '14',
    'elk.spacing.edgeLabel': '4',
    'elk.edgeRouting': 'ORTHOGONAL',
    // Document order decides among equal choices: a small edit keeps the picture's order.
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    // One balanced alignment instead of four candidates: about half the time, as tidy.
    'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
    'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
    'elk.layered.thoroughness': size > LARGE_SCOPE ? '2' : '7',
  };
}

function toElk(plan: LayoutPlan, direction: GraphDirection): ElkNode {
  const container = (id: string, top: number): Pick<ElkNode, 'children' | 'edges' | 'layoutOptions'> => {
    const content = plan.containers.get(id) ?? { nodes: [], edges: [] };
    const children: ElkNode[] = content.nodes.map(elkNode);
    const edges: ElkExtendedEdge[] = [];
    for (const edge of content.edges) {
      const target = plan.jumps.get(edge.id);
      if (target === undefined) {
        edges.push(elkEdge(edge.id, edge.from, edge.to, edge.label));
        continue;
      }
      const jumpId = jumpIdOf(edge.id);
      children.push({ id: jumpId, width: jumpWidth(target), height: JUMP_HEIGHT });
      edges.push(elkEdge(edge.id, edge.from, jumpId, edge.label));
    }
    return { children, edges, layoutOptions: containerOptions(direction, top, children.length) };
  };
  const elkNode = (node: GraphNode): ElkNode => {
    if (node.kind !== 'state') {
      const width = node.kind === 'missing' ? missingWidth(node.label) : MARKER_SIZE;
      return { id: node.id, width, height: node.kind === 'missing' ? MISSING_HEIGHT : MARKER_SIZE };
    }
    const clusters = plan.clustersOf.get(node.id) ?? [];
    if (clusters.length === 0) return { id: node.id, width: STATE_WIDTH, height: STATE_HEIGHT };
    return {
      id: node.id,
      children: clusters.map((id) => ({
        id,
        ...container(id, CLUSTER_HEADER),
        layoutOptions: {
          ...containerOptions(direction, CLUSTER_HEADER, plan.containers.get(id)?.nodes.length ?? 0),
          // Branches of different lengths start level with each other.
          'elk.alignment': direction === 'LR' ? 'LEFT' : 'TOP',
        },
      })),
      layoutOptions: {
        ...containerOptions(direction, COMPOUND_HEADER),
        // No edges between branches: they all fall in one layer, side by side across the flow.
        'elk.separateConnectedComponents': 'false',
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${STATE_WIDTH}, ${STATE_HEIGHT})`,
      },
    };
  };
  return { id: 'root', ...container('', COMPOUND_PADDING) };
}

function elkEdge(id: string, from: string, to: string, label: string | null): ElkExtendedEdge {
  const labels: ElkLabel[] =
    label === null
      ? []
      : [{ id: `${id}:label`, text: label, width: labelWidth(label), height: LABEL_HEIGHT }];
  return { id, sources: [from], targets: [to], labels };
}

export function jumpIdOf(edgeId: string): string {
  return `jump:${edgeId}`;
}

function fromElk(root: ElkNode, plan: LayoutPlan): GraphLayout {
  const nodes: PlacedBox[] = [];
  const clusters: PlacedBox[] = [];
  const edges: PlacedEdge[] = [];
  const jumps: PlacedJump[] = [];
  const clusterIds = new Set(plan.graph.clusters.map((cluster) => cluster.id));
  const jumpTargets = new Map<string, { edge: GraphEdge; label: string }>();
  for (const edge of plan.graph.edges) {
    const label = plan.jumps.get(edge.id);
    if (label !== undefined) jumpTargets.set(jumpIdOf(edge.id), { edge, label });
  }

  const visit = (node: ElkNode, dx: number, dy: number) => {
    for (const edge of node.edges ?? []) edges.push(placeEdge(edge, dx, dy));
    for (const child of node.children ?? []) {
      const box = {
        id: child.id,
        x: dx + (child.x ?? 0),
        y: dy + (child.y ?? 0),
        width: child.width ?? 0,
        height: child.height ?? 0,
      };
      const jump = jumpTargets.get(child.id);
      if (jump !== undefined)
        jumps.push({ ...box, edge: jump.edge.id, target: jump.edge.to, label: jump.label });
      else if (clusterIds.has(child.id)) clusters.push(box);
      else nodes.push(box);
      visit(child, box.x, box.y);
    }
  };
  visit(root, 0, 0);
  return { width: root.width ?? 0, height: root.height ?? 0, nodes, clusters, edges, jumps };
}

function placeEdge(edge: ElkExtendedEdge, dx: number, dy: number): PlacedEdge {
  const at = (p: ElkPoint): Point => ({ x: dx + p.x, y: dy + p.y });
  const points: Point[] = [];
  for (const section of edge.sections ?? []) {
    points.push(at(section.startPoint), ...(section.bendPoints ?? []).map(at), at(section.endPoint));
  }
  const label = edge.labels?.[0];
  return {
    id: edge.id,
    points,
    label:
      label === undefined
        ? null
        : {
            x: dx + (label.x ?? 0),
            y: dy + (label.y ?? 0),
            width: label.width ?? 0,
            height: label.height ?? 0,
          },
  };
}
