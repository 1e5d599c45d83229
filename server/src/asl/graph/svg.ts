/**
 * renderGraph: a laid-out graph as an SVG element tree. Geometry and structure only; colours
 * come from class names (graphStyle for files, the theme's variables in the preview). Drawing
 * order: Parallel/Map boxes and their clusters at the back, then edges, then states on top,
 * within each section of the layout (sections do not overlap, except where one edge joins them).
 * Every state carries data-node (its id) and data-state (its name) for the preview's clicks,
 * and a <title> that browsers show as its tooltip.
 */
import { CLUSTER_HEADER, DETAIL_MAX_CHARS, NAME_MAX_CHARS, cut } from './geometry';
import { iconPath } from './icons';
import type { Box, GraphLayout, PlacedBox, Point } from './layout';
import { el, num, type SvgChild, type SvgElement } from './svgTree';
import {
  nodeName,
  stateDetail,
  type GraphCluster,
  type GraphEdge,
  type GraphModel,
  type MarkerNode,
  type StateNode,
} from './types';

export interface RenderOptions {
  /** A stylesheet to embed (files need one; the preview styles the page instead). */
  readonly style?: string;
  /** An accessible name for the picture. */
  readonly title?: string;
}

export const ARROW_ID = 'sw-arrow';
/** Room around the picture: layout coordinates plus this are picture coordinates. */
export const GRAPH_MARGIN = 8;
const MARGIN = GRAPH_MARGIN;

export function renderGraph(graph: GraphModel, layout: GraphLayout, options: RenderOptions = {}): SvgElement {
  const boxes = new Map<string, PlacedBox>();
  for (const box of layout.nodes) boxes.set(box.id, box);
  const clusterBoxes = new Map(layout.clusters.map((box) => [box.id, box]));
  const edgesById = new Map(graph.edges.map((edge) => [edge.id, edge]));
  const names = new Map(graph.nodes.map((node) => [node.id, nodeName(node)]));
  const clusters = new Map(graph.clusters.map((cluster) => [cluster.id, cluster]));

  // Every item is drawn in its section's group, in the section's coordinates: moving a section
  // is changing one transform, and an item whose section moved is drawn exactly as before.
  const sections = layout.sections.map((section) => ({
    section,
    compounds: [] as SvgElement[],
    edges: [] as SvgElement[],
    nodes: [] as SvgElement[],
    jumps: [] as SvgElement[],
  }));
  const sectionOf = (index: number) => sections[index] ?? sections[0];
  const local = <T extends Box>(box: T, index: number): T => {
    const origin = sectionOf(index)?.section ?? { x: 0, y: 0 };
    return { ...box, x: box.x - origin.x, y: box.y - origin.y };
  };
  for (const node of graph.nodes) {
    const box = boxes.get(node.id);
    const into = box === undefined ? undefined : sectionOf(box.section);
    if (box === undefined || into === undefined) continue;
    const at = local(box, box.section);
    if (node.kind === 'state' && node.clusters.length > 0)
      into.compounds.push(compound(node, box, at, clusterBoxes, clusters));
    else if (node.kind === 'state') into.nodes.push(stateNode(node, at));
    else into.nodes.push(markerNode(node, at));
  }
  for (const placed of layout.edges) {
    const edge = edgesById.get(placed.id);
    const into = sectionOf(placed.section);
    if (edge === undefined || into === undefined) continue;
    const origin = into.section;
    const points = placed.points.map((p) => ({ x: p.x - origin.x, y: p.y - origin.y }));
    const label = placed.label === null ? null : local(placed.label, placed.section);
    into.edges.push(edgeElement(edge, points, label));
  }
  for (const jump of layout.jumps) {
    const at = local(jump, jump.section);
    sectionOf(jump.section)?.jumps.push(
      el(
        'g',
        { class: 'jump', 'data-target': jump.target, 'data-edge': jump.edge, transform: translate(at) },
        [
          el('title', {}, [`Goes to ${names.get(jump.target) ?? jump.label} (click to show it)`]),
          el('rect', { class: 'jump-box', width: jump.width, height: jump.height, rx: jump.height / 2 }),
          el(
            'text',
            { class: 'jump-label', x: jump.width / 2, y: jump.height / 2 + 4, 'text-anchor': 'middle' },
            [`↪ ${jump.label}`],
          ),
        ],
      ),
    );
  }

  const width = Math.ceil(layout.width + 2 * MARGIN);
  const height = Math.ceil(layout.height + 2 * MARGIN);
  const children: SvgChild[] = [];
  if (options.title !== undefined) children.push(el('title', {}, [options.title]));
  if (options.style !== undefined) children.push(el('style', {}, [options.style]));
  children.push(
    el('defs', {}, [
      el(
        'marker',
        {
          id: ARROW_ID,
          viewBox: '0 0 10 10',
          refX: 9,
          refY: 5,
          // In user units, so that a thicker (taken) edge keeps a normal arrowhead.
          markerUnits: 'userSpaceOnUse',
          markerWidth: 9,
          markerHeight: 9,
          orient: 'auto-start-reverse',
        },
        [el('path', { class: 'arrowhead', d: 'M0 0L10 5L0 10z' })],
      ),
    ]),
    el(
      'g',
      { class: 'graph', transform: `translate(${MARGIN} ${MARGIN})` },
      sections.map(({ section, compounds, edges, nodes, jumps }) =>
        el('g', { class: 'section', 'data-section': section.id, transform: translate(section) }, [
          el('g', { class: 'compounds' }, compounds),
          el('g', { class: 'edges' }, edges),
          el('g', { class: 'nodes' }, nodes),
          el('g', { class: 'jumps' }, jumps),
        ]),
      ),
    ),
  );
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: 'stepwise-graph',
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-label': options.title ?? 'State machine graph',
    },
    children,
  );
}

function translate(box: Pick<Box, 'x' | 'y'>): string {
  return `translate(${num(box.x)} ${num(box.y)})`;
}

function typeClass(type: string | null): string {
  return `type-${(type ?? 'unknown').toLowerCase().replace(/[^a-z0-9-]/g, '')}`;
}

function stateClasses(node: StateNode, base: string): string {
  const classes = [base, typeClass(node.type)];
  if (node.isStart) classes.push('start');
  if (node.terminal !== null) classes.push(`terminal-${node.terminal}`);
  if (node.diagnostics !== null) classes.push(node.diagnostics.errors > 0 ? 'has-errors' : 'has-warnings');
  return classes.join(' ');
}

function stateAttrs(node: StateNode, className: string, box: Box): Record<string, string | number> {
  return {
    class: className,
    'data-node': node.id,
    'data-state': node.name,
    transform: translate(box),
    tabindex: 0,
    role: 'button',
    'aria-label': `${node.type ?? 'Untyped'} state ${node.name}`,
  };
}

function stateNode(node: StateNode, box: Box): SvgElement {
  const children: SvgChild[] = [
    el('title', {}, [tooltip(node)]),
    el('rect', { class: 'node-box', width: box.width, height: box.height, rx: 6 }),
    icon(node.type, 10, box.height / 2 - 8),
    el('text', { class: 'node-name', x: 34, y: 20 }, [cut(node.name, NAME_MAX_CHARS)]),
    el('text', { class: 'node-detail', x: 34, y: 36 }, [cut(stateDetail(node), DETAIL_MAX_CHARS)]),
  ];
  children.push(...flags(node, box.width), ...badge(node, box.width));
  return el('g', stateAttrs(node, stateClasses(node, 'node state'), box), children);
}

/** `box` where the layout put it, `at` where it is drawn (in its section). */
function compound(
  node: StateNode,
  box: PlacedBox,
  at: Box,
  clusterBoxes: ReadonlyMap<string, PlacedBox>,
  clusters: ReadonlyMap<string, GraphCluster>,
): SvgElement {
  const children: SvgChild[] = [
    el('title', {}, [tooltip(node)]),
    el('rect', { class: 'node-box compound-box', width: box.width, height: box.height, rx: 8 }),
    icon(node.type, 10, 10),
    el('text', { class: 'node-name', x: 34, y: 23 }, [cut(node.name, NAME_MAX_CHARS + 8)]),
    // The preview writes execution progress (`17/100`) here.
    el('text', { class: 'progress', x: box.width - 10, y: 23, 'text-anchor': 'end' }, []),
    ...flags(node, box.width - 60),
    ...badge(node, box.width),
  ];
  for (const id of node.clusters) {
    const cluster = clusters.get(id);
    const cbox = clusterBoxes.get(id);
    if (cluster === undefined || cbox === undefined) continue;
    const local = { x: cbox.x - box.x, y: cbox.y - box.y };
    children.push(
      el(
        'g',
        { class: `cluster cluster-${cluster.kind}`, 'data-cluster': cluster.id, transform: translate(local) },
        [
          el('rect', { class: 'cluster-box', width: cbox.width, height: cbox.height, rx: 6 }),
          el('text', { class: 'cluster-label', x: 10, y: CLUSTER_HEADER - 8 }, [cluster.label]),
        ],
      ),
    );
  }
  return el('g', stateAttrs(node, stateClasses(node, 'node state compound'), at), children);
}

function markerNode(node: MarkerNode, box: Box): SvgElement {
  const attrs = { class: `node marker marker-${node.kind}`, 'data-node': node.id, transform: translate(box) };
  const r = box.height / 2;
  switch (node.kind) {
    case 'start':
      return el('g', attrs, [
        el('title', {}, ['Start']),
        el('circle', { class: 'marker-shape', cx: r, cy: r, r }),
      ]);
    case 'end':
      return el('g', attrs, [
        el('title', {}, ['End']),
        el('circle', { class: 'marker-shape', cx: r, cy: r, r }),
        el('circle', { class: 'marker-core', cx: r, cy: r, r: r - 5 }),
      ]);
    case 'missing':
      return el('g', { ...attrs, 'data-state': node.label }, [
        el('title', {}, [`No state named "${node.label}" in this scope`]),
        el('rect', { class: 'marker-shape', width: box.width, height: box.height, rx: 4 }),
        el(
          'text',
          { class: 'node-detail', x: box.width / 2, y: box.height / 2 + 4, 'text-anchor': 'middle' },
          [`? ${node.label}`],
        ),
      ]);
  }
}

function icon(type: string | null, x: number, y: number): SvgElement {
  return el('path', { class: 'icon', d: iconPath(type), transform: `translate(${x} ${y})` });
}

/** ↻ for retriers, ⚡ for catchers, at the right of the state. */
function flags(node: StateNode, right: number): SvgElement[] {
  const marks: string[] = [];
  if (node.retriers > 0) marks.push('↻');
  if (node.catchers > 0) marks.push('⚡');
  if (marks.length === 0) return [];
  return [el('text', { class: 'flags', x: right - 8, y: 20, 'text-anchor': 'end' }, [marks.join(' ')])];
}

/** A red or yellow count on the top right corner for the state's problems. */
function badge(node: StateNode, width: number): SvgElement[] {
  const diagnostics = node.diagnostics;
  if (diagnostics === null) return [];
  const errors = diagnostics.errors > 0;
  const count = errors ? diagnostics.errors : diagnostics.warnings;
  return [
    el(
      'g',
      { class: `badge ${errors ? 'badge-error' : 'badge-warning'}`, transform: `translate(${width - 2} 2)` },
      [el('circle', { r: 9 }), el('text', { y: 4, 'text-anchor': 'middle' }, [String(count)])],
    ),
  ];
}

function edgeElement(edge: GraphEdge, points: readonly Point[], label: Box | null): SvgElement {
  const children: SvgChild[] = [
    el('path', { class: 'edge-line', d: pathOf(points), 'marker-end': `url(#${ARROW_ID})` }),
  ];
  if (label !== null && edge.label !== null) {
    children.push(
      el('rect', {
        class: 'edge-label-box',
        x: label.x,
        y: label.y,
        width: label.width,
        height: label.height,
        rx: 3,
      }),
      el(
        'text',
        {
          class: 'edge-label',
          x: label.x + label.width / 2,
          y: label.y + label.height - 4,
          'text-anchor': 'middle',
        },
        [edge.label],
      ),
    );
  }
  return el(
    'g',
    { class: `edge kind-${edge.kind}`, 'data-edge': edge.id, 'data-from': edge.from, 'data-to': edge.to },
    children,
  );
}

function pathOf(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)} ${num(p.y)}`).join('');
}

function tooltip(node: StateNode): string {
  const lines = [`${node.name} (${node.type ?? 'no Type'})`];
  if (node.isStart) lines.push('Start of its scope');
  if (node.resource !== null) lines.push(`Resource: ${node.resource}`);
  if (node.comment !== null) lines.push(node.comment);
  if (node.retriers > 0)
    lines.push(`Retry: ${node.retriers} ${node.retriers === 1 ? 'retrier' : 'retriers'}`);
  if (node.catchers > 0)
    lines.push(`Catch: ${node.catchers} ${node.catchers === 1 ? 'catcher' : 'catchers'}`);
  if (node.terminal !== null)
    lines.push(node.terminal === 'end' ? 'Ends its scope' : `${node.type ?? ''} state`);
  if (node.diagnostics !== null) lines.push(...node.diagnostics.messages);
  return lines.join('\n');
}
