/**
 * The overview in the corner for machines bigger than the view: every state as a small box,
 * the visible part as a frame. A click or a drag on it moves the view there. Hidden when the
 * whole graph fits on screen at a readable size.
 */
import type { GraphLayout } from '../../../../server/src/asl/graph/layout';
import { GRAPH_MARGIN } from '../../../../server/src/asl/graph/svg';
import { SVG_NAMESPACE } from '../../../../server/src/asl/graph/svgTree';
import type { Rect, Viewport } from './viewport';

const WIDTH = 160;
const HEIGHT = 120;
/** Below this zoom, names are too small to read and the overview helps. */
const READABLE_SCALE = 0.6;

export class Minimap {
  private readonly svg: SVGSVGElement;
  private readonly frame: SVGRectElement;
  private readonly boxes: SVGGElement;
  private content: Rect = { x: 0, y: 0, width: 0, height: 0 };
  private dragging = false;

  constructor(
    private readonly host: HTMLElement,
    private readonly viewport: Viewport,
  ) {
    this.svg = document.createElementNS(SVG_NAMESPACE, 'svg');
    this.svg.setAttribute('width', String(WIDTH));
    this.svg.setAttribute('height', String(HEIGHT));
    this.boxes = document.createElementNS(SVG_NAMESPACE, 'g');
    this.frame = document.createElementNS(SVG_NAMESPACE, 'rect');
    this.frame.setAttribute('class', 'minimap-frame');
    this.svg.append(this.boxes, this.frame);
    host.append(this.svg);
    viewport.onChange(() => this.update());
    host.addEventListener('pointerdown', (event) => {
      this.dragging = true;
      host.setPointerCapture(event.pointerId);
      this.moveTo(event);
    });
    host.addEventListener('pointermove', (event) => {
      if (this.dragging) this.moveTo(event);
    });
    host.addEventListener('pointerup', () => (this.dragging = false));
  }

  draw(layout: GraphLayout, content: Rect): void {
    this.content = content;
    this.svg.setAttribute('viewBox', `${content.x} ${content.y} ${content.width} ${content.height}`);
    const boxes = [...layout.clusters, ...layout.nodes].map((box) => {
      const rect = document.createElementNS(SVG_NAMESPACE, 'rect');
      rect.setAttribute('class', 'minimap-node');
      rect.setAttribute('x', String(box.x + GRAPH_MARGIN));
      rect.setAttribute('y', String(box.y + GRAPH_MARGIN));
      rect.setAttribute('width', String(box.width));
      rect.setAttribute('height', String(box.height));
      return rect;
    });
    this.boxes.replaceChildren(...boxes);
    this.update();
  }

  private update(): void {
    const visible = this.viewport.visible();
    // Needed when part of the graph is off screen, or when all of it is too small to read.
    const fits = visible.width >= this.content.width * 0.98 && visible.height >= this.content.height * 0.98;
    this.host.hidden = this.content.width === 0 || (fits && this.viewport.state.scale >= READABLE_SCALE);
    this.frame.setAttribute('x', String(visible.x));
    this.frame.setAttribute('y', String(visible.y));
    this.frame.setAttribute('width', String(visible.width));
    this.frame.setAttribute('height', String(visible.height));
  }

  private moveTo(event: PointerEvent): void {
    const rect = this.svg.getBoundingClientRect();
    // The minimap keeps the content's aspect ratio inside its box ('meet'): undo that scaling.
    const scale = Math.min(rect.width / this.content.width, rect.height / this.content.height);
    const offsetX = (rect.width - this.content.width * scale) / 2;
    const offsetY = (rect.height - this.content.height * scale) / 2;
    const x = this.content.x + (event.clientX - rect.left - offsetX) / scale;
    const y = this.content.y + (event.clientY - rect.top - offsetY) / scale;
    this.viewport.centerOn({ x, y, width: 0, height: 0 });
  }
}
