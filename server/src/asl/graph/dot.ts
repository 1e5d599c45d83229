/**
 * The graph in Graphviz's DOT language, for people who lay out with dot: Parallel branches and
 * Map processors become nested `subgraph cluster_…`, Catch edges are dashed, and every label
 * is a quoted string with its quotes and backslashes escaped.
 */
import type { GraphDirection } from './layout';
import { stateDetail, type GraphCluster, type GraphEdge, type GraphModel, type GraphNode } from './types';

export function toDot(graph: GraphModel, direction: GraphDirection = 'TB'): string {
  const lines = [
    'digraph "state machine" {',
    `  rankdir=${direction};`,
    '  node [shape=box, style="rounded,filled", fillcolor="#f3f3f3", fontname="sans-serif"];',
    '  edge [fontname="sans-serif", fontsize=10];',
  ];
  const byParent = new Map<string | null, GraphNode[]>();
  for (const node of graph.nodes) {
    const list = byParent.get(node.parent);
    if (list === undefined) byParent.set(node.parent, [node]);
    else list.push(node);
  }
  const clusters = new Map<string, GraphCluster>(graph.clusters.map((cluster) => [cluster.id, cluster]));
  const write = (parent: string | null, indent: string) => {
    for (const node of byParent.get(parent) ?? []) {
      lines.push(`${indent}${quote(node.id)} [${nodeAttributes(node)}];`);
      if (node.kind !== 'state') continue;
      for (const id of node.clusters) {
        const cluster = clusters.get(id);
        if (cluster === undefined) continue;
        lines.push(`${indent}subgraph ${quote(`cluster_${cluster.id}`)} {`);
        lines.push(`${indent}  label=${quote(`${node.name} › ${cluster.label}`)}; style=dashed;`);
        write(cluster.id, `${indent}  `);
        lines.push(`${indent}}`);
      }
    }
  };
  write(null, '  ');
  for (const edge of graph.edges) {
    const attributes = edgeAttributes(edge);
    lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)}${attributes === '' ? '' : ` [${attributes}]`};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function nodeAttributes(node: GraphNode): string {
  switch (node.kind) {
    case 'start':
      return 'label="", shape=circle, width=0.2, style=filled, fillcolor=black';
    case 'end':
      return 'label="", shape=doublecircle, width=0.15, style=filled, fillcolor=black';
    case 'missing':
      return `label=${quote(`? ${node.label}`)}, style=dashed`;
    case 'state': {
      return `label=${quote(`${node.name}\n${stateDetail(node)}`)}${node.clusters.length > 0 ? ', shape=folder' : ''}`;
    }
  }
}

function edgeAttributes(edge: GraphEdge): string {
  const attributes: string[] = [];
  if (edge.label !== null) attributes.push(`label=${quote(edge.label)}`);
  if (edge.kind === 'catch') attributes.push('style=dashed', 'color="#bf8803"');
  if (edge.kind === 'retry') attributes.push('style=dotted');
  return attributes.join(', ');
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}
