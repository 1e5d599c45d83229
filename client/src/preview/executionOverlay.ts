/**
 * The execution overlay as data: which states ran and how, the state running now, the edges
 * taken, Parallel/Map progress. Built by folding the debugger's events over the graph; pure
 * (no DOM), so the page re-applies it after every re-render and tests check it directly.
 */
import type { GraphModel } from '../../../server/src/asl/graph/types';
import type { ExecutionEvent, ExecutionPathStep } from '../../../server/src/executionEvents';

export type NodeStatus = 'running' | 'succeeded' | 'failed' | 'caught' | 'retried' | 'not-reached';

export interface Overlay {
  readonly executionId: string | null;
  readonly statuses: ReadonlyMap<string, NodeStatus>;
  /** The node running now (it pulses). */
  readonly current: string | null;
  readonly taken: ReadonlySet<string>;
  /** `17/100` by Parallel or Map node id. */
  readonly progress: ReadonlyMap<string, string>;
  /** The run's final status, once it ended. */
  readonly ended: string | null;
}

export const EMPTY_OVERLAY: Overlay = {
  executionId: null,
  statuses: new Map(),
  current: null,
  taken: new Set(),
  progress: new Map(),
  ended: null,
};

const STATUS: Readonly<Record<string, NodeStatus>> = {
  running: 'running',
  succeeded: 'succeeded',
  failed: 'failed',
  caught: 'caught',
  retrying: 'retried',
};

export function applyEvent(overlay: Overlay, event: ExecutionEvent, graph: GraphModel | undefined): Overlay {
  if (event.kind === 'started') return { ...EMPTY_OVERLAY, executionId: event.executionId };
  // Events of another run than the one shown (a stale session) are dropped.
  if (overlay.executionId !== null && event.executionId !== overlay.executionId) return overlay;
  if (event.kind === 'ended') {
    const statuses = new Map(overlay.statuses);
    for (const node of graph?.nodes ?? []) {
      if (node.kind === 'state' && !statuses.has(node.id)) statuses.set(node.id, 'not-reached');
    }
    return { ...overlay, executionId: event.executionId, statuses, current: null, ended: event.status };
  }
  if (graph === undefined) return overlay;
  const id = nodeIdOf(graph, event.path);
  if (id === undefined) return overlay;
  const status = STATUS[event.status] ?? 'running';
  const statuses = new Map(overlay.statuses).set(id, status);
  const taken = new Set(overlay.taken);
  const progress = new Map(overlay.progress);
  if (event.progress !== undefined) progress.set(id, `${event.progress.done}/${event.progress.total}`);
  if (event.next !== undefined) {
    for (const edge of edgesTo(graph, id, event.next, event.status === 'caught')) taken.add(edge);
  }
  if (status === 'retried') {
    for (const edge of graph.edges) if (edge.kind === 'retry' && edge.from === id) taken.add(edge.id);
  }
  const current =
    status === 'running' || status === 'retried' ? id : overlay.current === id ? null : overlay.current;
  return { ...overlay, executionId: event.executionId, statuses, taken, progress, current };
}

/** Follows the path from the machine down: each step names a state in the scope the previous one opened. */
export function nodeIdOf(graph: GraphModel, path: readonly ExecutionPathStep[]): string | undefined {
  let parent: string | null = null;
  let id: string | undefined;
  for (const [index, step] of path.entries()) {
    const node = graph.nodes.find((n) => n.kind === 'state' && n.parent === parent && n.name === step.state);
    if (node === undefined || node.kind !== 'state') return undefined;
    id = node.id;
    if (index === path.length - 1) break;
    const cluster = node.clusters[step.branch ?? 0];
    if (cluster === undefined) return undefined;
    parent = cluster;
  }
  return id;
}

function edgesTo(graph: GraphModel, from: string, next: string, caught: boolean): string[] {
  const taken: string[] = [];
  for (const edge of graph.edges) {
    if (edge.from !== from || edge.kind === 'retry' || (edge.kind === 'catch') !== caught) continue;
    const target = graph.nodes.find((node) => node.id === edge.to);
    const name = target === undefined ? undefined : target.kind === 'state' ? target.name : target.label;
    if (name === next) taken.push(edge.id);
  }
  return taken;
}
