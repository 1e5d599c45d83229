/**
 * Full checks of a graph received from elsewhere (the language server's answer, a message to
 * the webview). The webview draws only what passed: a malformed node never reaches the DOM.
 * Types only, no 'vscode' and no DOM: this file compiles under both tsconfigs.
 */
import {
  CLUSTER_KINDS,
  EDGE_KINDS,
  TERMINALS,
  type GraphCluster,
  type GraphEdge,
  type GraphModel,
  type GraphNode,
  type NodeDiagnostics,
  type TextRange,
} from '../../../server/src/asl/graph/types';
import type { GraphResult } from '../../../server/src/protocol';
import { isRecord } from '../../../server/src/guards';

/** More than any real workflow (AWS caps a definition at 1 MB); beyond this the page refuses. */
const MAX_ITEMS = 50_000;

export function isGraphResult(value: unknown): value is GraphResult {
  return (
    isRecord(value) &&
    (value['version'] === null || Number.isSafeInteger(value['version'])) &&
    (value['graph'] === null || isGraphModel(value['graph'])) &&
    isIndex(value['errorCount']) &&
    isIndex(value['warningCount']) &&
    isIndex(value['syntaxErrorCount'])
  );
}

export function isGraphModel(value: unknown): value is GraphModel {
  if (!isRecord(value)) return false;
  const { nodes, edges, clusters } = value;
  if (
    !isArrayOf(nodes, isGraphNode) ||
    !isArrayOf(edges, isGraphEdge) ||
    !isArrayOf(clusters, isGraphCluster)
  ) {
    return false;
  }
  // Every reference points at something that exists, so the page never looks up in vain.
  const nodeIds = new Set(nodes.map((node) => node.id));
  const clusterIds = new Set(clusters.map((cluster) => cluster.id));
  const inGraph = (parent: string | null) => parent === null || clusterIds.has(parent);
  return (
    nodeIds.size === nodes.length &&
    clusterIds.size === clusters.length &&
    new Set(edges.map((edge) => edge.id)).size === edges.length &&
    nodes.every(
      (node) =>
        inGraph(node.parent) && (node.kind !== 'state' || node.clusters.every((c) => clusterIds.has(c))),
    ) &&
    edges.every((edge) => inGraph(edge.parent) && nodeIds.has(edge.from) && nodeIds.has(edge.to)) &&
    clusters.every((cluster) => nodeIds.has(cluster.owner))
  );
}

function isGraphNode(value: unknown): value is GraphNode {
  if (!isRecord(value) || typeof value['id'] !== 'string' || !isNullableString(value['parent'])) return false;
  switch (value['kind']) {
    case 'start':
    case 'end':
    case 'missing':
      return typeof value['label'] === 'string';
    case 'state':
      return (
        typeof value['name'] === 'string' &&
        isNullableString(value['type']) &&
        isTextRange(value['range']) &&
        isTextRange(value['selectionRange']) &&
        isNullableString(value['resource']) &&
        isNullableString(value['comment']) &&
        isIndex(value['retriers']) &&
        isIndex(value['catchers']) &&
        (value['terminal'] === null || TERMINALS.some((t) => t === value['terminal'])) &&
        typeof value['isStart'] === 'boolean' &&
        isArrayOf(value['clusters'], (c): c is string => typeof c === 'string') &&
        (value['diagnostics'] === null || isNodeDiagnostics(value['diagnostics']))
      );
    default:
      return false;
  }
}

function isGraphEdge(value: unknown): value is GraphEdge {
  return (
    isRecord(value) &&
    typeof value['id'] === 'string' &&
    EDGE_KINDS.some((kind) => kind === value['kind']) &&
    typeof value['from'] === 'string' &&
    typeof value['to'] === 'string' &&
    isNullableString(value['parent']) &&
    isNullableString(value['label'])
  );
}

function isGraphCluster(value: unknown): value is GraphCluster {
  return (
    isRecord(value) &&
    typeof value['id'] === 'string' &&
    typeof value['owner'] === 'string' &&
    CLUSTER_KINDS.some((kind) => kind === value['kind']) &&
    typeof value['label'] === 'string'
  );
}

function isNodeDiagnostics(value: unknown): value is NodeDiagnostics {
  return (
    isRecord(value) &&
    isIndex(value['errors']) &&
    isIndex(value['warnings']) &&
    isArrayOf(value['messages'], (m): m is string => typeof m === 'string')
  );
}

export function isTextRange(value: unknown): value is TextRange {
  return isRecord(value) && isPosition(value['start']) && isPosition(value['end']);
}

function isPosition(value: unknown): boolean {
  return isRecord(value) && isIndex(value['line']) && isIndex(value['character']);
}

/** An array of at most MAX_ITEMS items, each passing `isItem`. */
export function isArrayOf<T>(value: unknown, isItem: (item: unknown) => item is T): value is T[] {
  return Array.isArray(value) && value.length <= MAX_ITEMS && value.every((item: unknown) => isItem(item));
}

function isNullableString(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

/** A count, line or character: a non-negative integer. */
export function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
