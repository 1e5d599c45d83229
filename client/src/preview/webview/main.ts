/**
 * The graph preview's browser side: receives the graph, has it laid out by the worker, draws
 * it, and keeps the view, the cursor's highlight and the execution overlay across re-renders.
 * It trusts nothing it receives: every message goes through isToWebviewMessage, the worker's
 * answers through isLayoutResponse, and text enters the page only as text nodes.
 */
import type { GraphDirection, GraphLayout } from '../../../../server/src/asl/graph/layout';
import { layoutKey } from '../../../../server/src/asl/graph/layout';
import { GRAPH_MARGIN, renderGraph } from '../../../../server/src/asl/graph/svg';
import type { SvgElement } from '../../../../server/src/asl/graph/svgTree';
import type { GraphModel, StateNode } from '../../../../server/src/asl/graph/types';
import type { GraphResult } from '../../../../server/src/protocol';
import {
  isToWebviewMessage,
  type ExportFormat,
  type FromWebviewMessage,
  type ToWebviewMessage,
} from '../messages';
import { toDom } from './dom';
import { exportPng, exportSvg } from './exporter';
import { LayoutClient } from './layoutClient';
import { Minimap } from './minimap';
import { EMPTY_OVERLAY, applyEvent, type Overlay } from '../executionOverlay';
import { isViewState, Viewport, type Rect, type ViewState } from './viewport';
import './page.css';
import './graph.css';

/** What VS Code keeps for this webview across reloads: the serializer reopens the panel for `uri`. */
interface PersistedState {
  readonly uri: string;
  readonly view?: ViewState;
}

interface Shown {
  readonly uri: string;
  readonly graph: GraphModel;
  readonly layout: GraphLayout;
  readonly key: string;
  readonly svg: SVGSVGElement;
  readonly content: Rect;
  /** What each section (by id) looked like when drawn, for the next patch. */
  readonly drawn: Map<string, DrawnSection>;
}

interface DrawnSection {
  readonly transform: string;
  /** Per layer (compounds, edges, nodes, jumps), each item as JSON. */
  readonly layers: string[][];
}

const vscode = acquireVsCodeApi<PersistedState>();
const banner = elementById('banner');
const runStatus = elementById('run');
const host = elementById('viewport');
const empty = elementById('empty');
const viewport = new Viewport(host);
const minimap = new Minimap(elementById('minimap'), viewport);
const layouts = new LayoutClient(document.body.dataset['worker'] ?? '');

const saved = vscode.getState();
let restoredView: ViewState | undefined = isViewState(saved?.view) ? saved.view : undefined;
let shown: Shown | undefined;
/** The last graph drawn without syntax errors, kept on screen while the document does not parse. */
let lastGood: Shown | undefined;
let highlighted: string | null = null;
let overlay: Overlay = EMPTY_OVERLAY;
/** Counts graph messages, so that a slow layout never replaces a newer picture. */
let generation = 0;
let handled = 0;

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message: unknown = event.data;
  if (isToWebviewMessage(message)) void handle(message);
});
host.addEventListener('click', onClick);
host.addEventListener('keydown', onNodeKey);
elementById('fit').addEventListener('click', () => viewport.fit());
elementById('zoom-in').addEventListener('click', () => viewport.zoomBy(1.25));
elementById('zoom-out').addEventListener('click', () => viewport.zoomBy(0.8));
let saveTimer: ReturnType<typeof setTimeout> | undefined;
viewport.onChange((view) => {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    if (shown !== undefined) vscode.setState({ uri: shown.uri, view });
  }, 200);
});
post({ kind: 'ready' });

async function handle(message: ToWebviewMessage): Promise<void> {
  switch (message.kind) {
    case 'graph': {
      const started = performance.now();
      await showGraph(message.uri, message.result, message.direction);
      // Counts graph messages dealt with (drawn, kept or refused): tests and the benchmark wait on it.
      const count = ++handled;
      document.body.dataset['handled'] = String(count);
      // The time until the browser has drawn the frame (style, layout and paint included): what a
      // user waits for, and what the benchmark reports next to the script's own time.
      requestAnimationFrame(() =>
        setTimeout(() => {
          document.body.dataset['paintMs'] = (performance.now() - started).toFixed(1);
          document.body.dataset['painted'] = String(count);
        }, 0),
      );
      return;
    }
    case 'highlight':
      highlighted = message.nodeId;
      applyHighlight(true);
      return;
    case 'execution':
      overlay = applyEvent(overlay, message.event, shown?.graph);
      applyOverlay();
      return;
    case 'export':
      post({ kind: 'exported', format: message.format, data: await exportPicture(message.format) });
      return;
  }
}

async function showGraph(uri: string, result: GraphResult, direction: GraphDirection): Promise<void> {
  const current = ++generation;
  const started = performance.now();
  if (shown !== undefined && shown.uri !== uri) {
    shown = undefined;
    lastGood = undefined;
    overlay = EMPTY_OVERLAY;
  }
  const keepLastGood = result.syntaxErrorCount > 0 && lastGood !== undefined;
  showBanner(bannerText(result, keepLastGood));
  if (keepLastGood && lastGood !== undefined) {
    if (shown !== lastGood) draw(lastGood, true);
    return;
  }
  const graph = result.graph;
  if (graph === null) {
    showEmpty(
      result.errorCount > 0
        ? 'Nothing to draw until the document parses.'
        : 'No state machine in this document.',
    );
    return;
  }
  const key = layoutKey(graph, direction);
  let layout: GraphLayout;
  let layoutMs = 0;
  if (shown !== undefined && shown.key === key) {
    layout = shown.layout;
  } else {
    try {
      const timed = await layouts.layout(graph, direction);
      layout = timed.layout;
      layoutMs = timed.milliseconds;
    } catch (error) {
      showBanner(
        `The graph could not be laid out: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
  }
  if (current !== generation) return;
  const previous = shown;
  if (previous !== undefined && previous.uri === uri) {
    const next = patch(previous, graph, layout, key);
    if (next.layout !== previous.layout) {
      viewport.show(next.svg, next.content, viewport.state);
      minimap.draw(next.layout, next.content);
    }
    applyHighlight(false);
    applyOverlay();
  } else {
    draw(build(uri, graph, layout, key), shown !== undefined || restoredView !== undefined);
  }
  const next = shown;
  if (result.syntaxErrorCount === 0 && next !== undefined) lastGood = next;
  const total = performance.now() - started;
  // For the benchmark and for anyone profiling the preview.
  document.body.dataset['layoutMs'] = layoutMs.toFixed(1);
  document.body.dataset['renderMs'] = total.toFixed(1);
}

function build(uri: string, graph: GraphModel, layout: GraphLayout, key: string): Shown {
  const tree = renderGraph(graph, layout);
  const drawn = new Map<string, DrawnSection>();
  for (const section of sectionsOf(tree))
    drawn.set(section.attrs['data-section'] ?? '', drawnSection(section));
  const svg = toDom(tree);
  if (!(svg instanceof SVGSVGElement)) throw new Error('the renderer did not make an <svg>');
  return { uri, graph, layout, key, svg, content: contentOf(tree), drawn };
}

/**
 * A new graph of the same document updates the picture on screen: a section whose items are
 * drawn as before is kept (moved, if the layout moved it), and in the others only the items
 * whose drawing changed are replaced. So an edit that keeps the layout changes a few items,
 * and one that lays a chunk out again changes that chunk's section and moves the ones after
 * it; the view, focus and the rest of the DOM stay as they are.
 */
function patch(previous: Shown, graph: GraphModel, layout: GraphLayout, key: string): Shown {
  const tree = renderGraph(graph, layout);
  const host = previous.svg.querySelector(':scope > g.graph');
  if (host === null) {
    const rebuilt = build(previous.uri, graph, layout, key);
    draw(rebuilt, true);
    return rebuilt;
  }
  const existing = new Map<string, Element>();
  for (const element of host.children) existing.set(element.getAttribute('data-section') ?? '', element);
  const drawn = new Map<string, DrawnSection>();
  const groups: Element[] = [];
  for (const section of sectionsOf(tree)) {
    const id = section.attrs['data-section'] ?? '';
    const now = drawnSection(section);
    drawn.set(id, now);
    const element = existing.get(id);
    const before = previous.drawn.get(id);
    if (element === undefined || before === undefined || !sameShape(before, now, element)) {
      groups.push(toDom(section));
      continue;
    }
    if (before.transform !== now.transform) element.setAttribute('transform', now.transform);
    const layers = layerItems(section);
    now.layers.forEach((items, layer) => {
      const group = element.children[layer];
      items.forEach((json, index) => {
        const item = layers[layer]?.[index];
        if (json !== before.layers[layer]?.[index] && item !== undefined)
          group?.children[index]?.replaceWith(toDom(item));
      });
    });
    groups.push(element);
  }
  if (groups.length !== host.children.length || groups.some((group, i) => host.children[i] !== group))
    host.replaceChildren(...groups);
  shown = { uri: previous.uri, graph, layout, key, svg: previous.svg, content: contentOf(tree), drawn };
  return shown;
}

function sameShape(before: DrawnSection, now: DrawnSection, element: Element): boolean {
  return (
    element.children.length === now.layers.length &&
    before.layers.length === now.layers.length &&
    now.layers.every(
      (items, i) =>
        items.length === before.layers[i]?.length && items.length === element.children[i]?.children.length,
    )
  );
}

function drawnSection(section: SvgElement): DrawnSection {
  return {
    transform: section.attrs['transform'] ?? '',
    layers: layerItems(section).map((items) => items.map((item) => JSON.stringify(item))),
  };
}

function contentOf(tree: SvgElement): Rect {
  return { x: 0, y: 0, width: Number(tree.attrs['width']), height: Number(tree.attrs['height']) };
}

function sectionsOf(tree: SvgElement): SvgElement[] {
  const graphGroup = tree.children.find(
    (child): child is SvgElement => typeof child !== 'string' && child.attrs['class'] === 'graph',
  );
  return (graphGroup?.children ?? []).filter((child): child is SvgElement => typeof child !== 'string');
}

/** The items of a section's four layers (compounds, edges, nodes, jumps). */
function layerItems(section: SvgElement): SvgElement[][] {
  return section.children.map((layer) =>
    typeof layer === 'string'
      ? []
      : layer.children.filter((item): item is SvgElement => typeof item !== 'string'),
  );
}

function draw(next: Shown, keepView: boolean): void {
  const keep = keepView ? (shown !== undefined ? viewport.state : restoredView) : undefined;
  restoredView = undefined;
  empty.hidden = true;
  host.replaceChildren(next.svg);
  shown = next;
  viewport.show(next.svg, next.content, keep);
  minimap.draw(next.layout, next.content);
  vscode.setState({ uri: next.uri, view: viewport.state });
  applyHighlight(false);
  applyOverlay();
}

function showEmpty(text: string): void {
  if (shown !== undefined) return; // a picture, even an old one, beats an empty page
  empty.textContent = text;
  empty.hidden = false;
}

function bannerText(result: GraphResult, showingLastGood: boolean): string | undefined {
  if (showingLastGood) {
    return `${plural(result.syntaxErrorCount, 'syntax error')}: showing the last graph that parsed.`;
  }
  if (result.errorCount === 0 && result.warningCount === 0) return undefined;
  return `${plural(result.errorCount, 'error')}, ${plural(result.warningCount, 'warning')}: marked on their states; see the Problems view.`;
}

function showBanner(text: string | undefined): void {
  banner.hidden = text === undefined;
  banner.textContent = text ?? '';
}

function nodeElement(id: string): SVGGElement | undefined {
  if (shown === undefined) return undefined;
  for (const element of shown.svg.querySelectorAll<SVGGElement>('g[data-node]')) {
    if (element.dataset['node'] === id) return element;
  }
  return undefined;
}

function nodeBox(id: string): Rect | undefined {
  const box = shown?.layout.nodes.find((node) => node.id === id);
  return box === undefined ? undefined : { ...box, x: box.x + GRAPH_MARGIN, y: box.y + GRAPH_MARGIN };
}

function applyHighlight(scroll: boolean): void {
  if (shown === undefined) return;
  for (const element of shown.svg.querySelectorAll('.highlighted')) element.classList.remove('highlighted');
  if (highlighted === null) return;
  nodeElement(highlighted)?.classList.add('highlighted');
  const box = nodeBox(highlighted);
  if (scroll && box !== undefined) viewport.reveal(box);
}

const STATUS_CLASSES = [
  'status-running',
  'status-succeeded',
  'status-failed',
  'status-caught',
  'status-retried',
  'status-not-reached',
  'current',
];

function applyOverlay(): void {
  if (shown === undefined) return;
  const svg = shown.svg;
  for (const element of svg.querySelectorAll('[class*="status-"], .current'))
    element.classList.remove(...STATUS_CLASSES);
  for (const element of svg.querySelectorAll('.edge.taken')) element.classList.remove('taken');
  for (const element of svg.querySelectorAll('.progress')) element.textContent = '';
  const elements = new Map<string, SVGGElement>();
  for (const element of svg.querySelectorAll<SVGGElement>('g[data-node]'))
    elements.set(element.dataset['node'] ?? '', element);
  for (const [id, status] of overlay.statuses) elements.get(id)?.classList.add(`status-${status}`);
  if (overlay.current !== null) elements.get(overlay.current)?.classList.add('current');
  for (const [id, text] of overlay.progress) {
    const progress = elements.get(id)?.querySelector(':scope > .progress');
    if (progress) progress.textContent = text;
  }
  if (overlay.taken.size > 0) {
    for (const element of svg.querySelectorAll<SVGGElement>('g.edge')) {
      if (overlay.taken.has(element.dataset['edge'] ?? '')) element.classList.add('taken');
    }
  }
  const running = overlay.current === null ? undefined : stateNode(overlay.current);
  const text =
    overlay.ended !== null
      ? `Run ${overlay.ended.toLowerCase().replace('_', ' ')}`
      : running !== undefined
        ? `Running: ${running.name}`
        : undefined;
  runStatus.hidden = text === undefined;
  runStatus.textContent = text ?? '';
  runStatus.className = overlay.ended === null ? '' : `ended-${overlay.ended.toLowerCase()}`;
}

function stateNode(id: string): StateNode | undefined {
  const node = shown?.graph.nodes.find((n) => n.id === id);
  return node?.kind === 'state' ? node : undefined;
}

function onClick(event: MouseEvent): void {
  if (!(event.target instanceof Element)) return;
  const jump = event.target.closest<SVGGElement>('g.jump');
  if (jump !== null) {
    const target = jump.dataset['target'] ?? '';
    const box = nodeBox(target);
    if (box !== undefined) viewport.centerOn(box);
    revealNode(target);
    return;
  }
  const node = event.target.closest<SVGGElement>('g.state[data-node]');
  if (node !== null) revealNode(node.dataset['node'] ?? '');
}

function onNodeKey(event: KeyboardEvent): void {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  if (!(event.target instanceof Element)) return;
  const node = event.target.closest<SVGGElement>('g.state[data-node]');
  if (node === null) return;
  event.preventDefault();
  revealNode(node.dataset['node'] ?? '');
}

function revealNode(id: string): void {
  const node = stateNode(id);
  if (node === undefined) return;
  highlighted = id;
  applyHighlight(false);
  const { start, end } = node.selectionRange;
  post({
    kind: 'reveal',
    range: {
      start: { line: start.line, character: start.character },
      end: { line: end.line, character: end.character },
    },
  });
}

async function exportPicture(format: ExportFormat): Promise<string> {
  if (shown === undefined) return '';
  const svg = exportSvg(shown.svg, shown.content);
  if (format === 'svg') return svg;
  try {
    return await exportPng(svg, shown.content);
  } catch {
    return '';
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function post(message: FromWebviewMessage): void {
  vscode.postMessage(message);
}

function elementById(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`The preview page has no #${id}.`);
  return element;
}
