/**
 * The graph of a state machine as the preview and `stepwise graph` draw it: plain data, ready
 * for JSON (absent values are null, never undefined), built by buildGraph from the core's model.
 * Ids are made of state names and scope positions, never of offsets or counters, so an edit
 * elsewhere in the document keeps every id, and with it the layout cache and the viewport.
 */
import type { Position } from '../lines';

export interface TextRange {
  readonly start: Position;
  readonly end: Position;
}

/** How a state ends its scope: `End: true`, or by being a Succeed or Fail state. */
export type Terminal = 'end' | 'succeed' | 'fail';

export interface NodeDiagnostics {
  readonly errors: number;
  readonly warnings: number;
  /** `CODE: message`, the first few, for the tooltip. */
  readonly messages: readonly string[];
}

export interface StateNode {
  readonly kind: 'state';
  readonly id: string;
  /** The cluster holding this state, or null for the machine's own states. */
  readonly parent: string | null;
  readonly name: string;
  /** The Type value, or null while it is missing or not a string. */
  readonly type: string | null;
  /** The whole definition, name to closing brace. */
  readonly range: TextRange;
  /** The state's name. */
  readonly selectionRange: TextRange;
  /** A short form of Resource (`lambda:invoke`, `sns:publish`), null when there is none. */
  readonly resource: string | null;
  readonly comment: string | null;
  /** How many retriers and catchers the state has. */
  readonly retriers: number;
  readonly catchers: number;
  readonly terminal: Terminal | null;
  /** The StartAt state of its scope. */
  readonly isStart: boolean;
  /** Parallel branches and Map processors, in document order (ids of clusters). */
  readonly clusters: readonly string[];
  readonly diagnostics: NodeDiagnostics | null;
}

/** Where a scope begins and ends, and the stand-in for a transition target that does not exist. */
export interface MarkerNode {
  readonly kind: 'start' | 'end' | 'missing';
  readonly id: string;
  readonly parent: string | null;
  /** "Start", "End", or the missing target's name. */
  readonly label: string;
}

export type GraphNode = StateNode | MarkerNode;

export type ClusterKind = 'branch' | 'itemProcessor' | 'iterator';

/** A Parallel branch or a Map processor: a scope of states drawn inside its owner. */
export interface GraphCluster {
  readonly id: string;
  /** The Parallel or Map state node. */
  readonly owner: string;
  readonly kind: ClusterKind;
  /** "Branch 1", "ItemProcessor", "Iterator". */
  readonly label: string;
}

export type EdgeKind = 'start' | 'next' | 'choice' | 'default' | 'catch' | 'retry' | 'end';

export interface GraphEdge {
  readonly id: string;
  readonly kind: EdgeKind;
  readonly from: string;
  readonly to: string;
  /** The cluster both ends are in, or null at the machine's level. */
  readonly parent: string | null;
  /** Choice rule in short form, Catch error names, `retry ×3`, `Default`; null for plain transitions. */
  readonly label: string | null;
}

export interface GraphModel {
  /** In document order within each scope; a cluster's states follow their owner. */
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly clusters: readonly GraphCluster[];
}

/** What a node is called in the picture: a state's name, a marker's label. */
export function nodeName(node: GraphNode): string {
  return node.kind === 'state' ? node.name : node.label;
}

/** A state's second line: its type and, when it has one, its resource (`Task · lambda:invoke`). */
export function stateDetail(node: StateNode): string {
  return [node.type ?? 'no Type', node.resource].filter((part) => part !== null).join(' · ');
}

export const EDGE_KINDS: readonly EdgeKind[] = [
  'start',
  'next',
  'choice',
  'default',
  'catch',
  'retry',
  'end',
];
export const CLUSTER_KINDS: readonly ClusterKind[] = ['branch', 'itemProcessor', 'iterator'];
export const TERMINALS: readonly Terminal[] = ['end', 'succeed', 'fail'];
