/**
 * Pan and zoom of the graph, done with the SVG's viewBox: drag to pan, the wheel or a
 * trackpad's two-finger scroll to pan, Ctrl/⌘ + wheel or a pinch to zoom about the pointer,
 * and the keyboard (arrows pan, + and - zoom, 0 fits). The view is plain data (ViewState) that
 * the page saves, so a re-render or a reload keeps it.
 */
import { isRecord } from '../../../../server/src/guards';
export interface ViewState {
  /** The graph coordinates at the top left corner. */
  readonly x: number;
  readonly y: number;
  /** Screen pixels per graph unit. */
  readonly scale: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const MIN_SCALE = 0.05;
const MAX_SCALE = 4;
const KEY_PAN = 60;
const KEY_ZOOM = 1.25;
/** A press that moves less than this is a click, not a drag. */
const DRAG_THRESHOLD = 4;

export class Viewport {
  private svg: SVGSVGElement | undefined;
  private content: Rect = { x: 0, y: 0, width: 0, height: 0 };
  private view: ViewState = { x: 0, y: 0, scale: 1 };
  private drag: { pointer: number; x: number; y: number; moved: boolean } | undefined;
  private suppressClick = false;
  private readonly listeners: ((view: ViewState) => void)[] = [];
  /** The host's size as last observed; reading clientWidth after an edit would force a layout of the whole picture. */
  private hostSize: { width: number; height: number } | undefined;

  constructor(private readonly host: HTMLElement) {
    host.addEventListener('wheel', (event) => this.onWheel(event), { passive: false });
    host.addEventListener('pointerdown', (event) => this.onPointerDown(event));
    host.addEventListener('pointermove', (event) => this.onPointerMove(event));
    host.addEventListener('pointerup', (event) => this.onPointerUp(event));
    host.addEventListener('pointercancel', (event) => this.onPointerUp(event));
    host.addEventListener('keydown', (event) => this.onKey(event));
    // A drag that ends over a state must not click it.
    host.addEventListener(
      'click',
      (event) => {
        if (!this.suppressClick) return;
        this.suppressClick = false;
        event.stopPropagation();
        event.preventDefault();
      },
      true,
    );
    new ResizeObserver(() => {
      this.hostSize = { width: host.clientWidth, height: host.clientHeight };
      this.apply();
    }).observe(host);
  }

  get state(): ViewState {
    return this.view;
  }

  onChange(listener: (view: ViewState) => void): void {
    this.listeners.push(listener);
  }

  /** Shows a new picture of `content` size; with a view to keep, the view stays where it was. */
  show(svg: SVGSVGElement, content: Rect, keep: ViewState | undefined): void {
    this.svg = svg;
    this.content = content;
    svg.setAttribute('width', '100%');
    svg.setAttribute('height', '100%');
    svg.setAttribute('preserveAspectRatio', 'xMinYMin meet');
    if (keep === undefined) this.fit();
    else this.set(keep);
  }

  fit(): void {
    const { width, height } = this.size();
    if (this.content.width <= 0 || this.content.height <= 0 || width <= 0 || height <= 0) {
      this.set({ x: this.content.x, y: this.content.y, scale: 1 });
      return;
    }
    const scale = clampScale(Math.min(width / this.content.width, height / this.content.height, 1.25));
    this.set({
      x: this.content.x - (width / scale - this.content.width) / 2,
      y: this.content.y - (height / scale - this.content.height) / 2,
      scale,
    });
  }

  zoomBy(factor: number, screenX?: number, screenY?: number): void {
    const { width, height } = this.size();
    const sx = screenX ?? width / 2;
    const sy = screenY ?? height / 2;
    const scale = clampScale(this.view.scale * factor);
    // The graph point under the pointer stays under it.
    const gx = this.view.x + sx / this.view.scale;
    const gy = this.view.y + sy / this.view.scale;
    this.set({ x: gx - sx / scale, y: gy - sy / scale, scale });
  }

  panBy(screenDx: number, screenDy: number): void {
    this.set({
      ...this.view,
      x: this.view.x + screenDx / this.view.scale,
      y: this.view.y + screenDy / this.view.scale,
    });
  }

  centerOn(box: Rect): void {
    const { width, height } = this.size();
    const scale = this.view.scale;
    this.set({
      x: box.x + box.width / 2 - width / scale / 2,
      y: box.y + box.height / 2 - height / scale / 2,
      scale,
    });
  }

  /** Pans the least needed to bring the box into view. */
  reveal(box: Rect): void {
    const visible = this.visible();
    if (
      box.x >= visible.x &&
      box.y >= visible.y &&
      box.x + box.width <= visible.x + visible.width &&
      box.y + box.height <= visible.y + visible.height
    ) {
      return;
    }
    this.centerOn(box);
  }

  /** The part of the graph on screen, in graph coordinates. */
  visible(): Rect {
    const { width, height } = this.size();
    return {
      x: this.view.x,
      y: this.view.y,
      width: width / this.view.scale,
      height: height / this.view.scale,
    };
  }

  private set(view: ViewState): void {
    this.view = { x: finite(view.x), y: finite(view.y), scale: clampScale(view.scale) };
    this.apply();
  }

  private apply(): void {
    if (this.svg === undefined) return;
    const visible = this.visible();
    this.svg.setAttribute(
      'viewBox',
      `${visible.x} ${visible.y} ${Math.max(1, visible.width)} ${Math.max(1, visible.height)}`,
    );
    for (const listener of this.listeners) listener(this.view);
  }

  private size(): { width: number; height: number } {
    if (this.hostSize === undefined || this.hostSize.width === 0 || this.hostSize.height === 0)
      this.hostSize = { width: this.host.clientWidth, height: this.host.clientHeight };
    return this.hostSize;
  }

  private onWheel(event: WheelEvent): void {
    event.preventDefault();
    const unit = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16 : 1;
    if (event.ctrlKey || event.metaKey) {
      // Pinch gestures arrive as wheel events with ctrlKey; small deltas, so the exponent.
      const rect = this.host.getBoundingClientRect();
      this.zoomBy(
        Math.exp((-event.deltaY * unit) / 300),
        event.clientX - rect.left,
        event.clientY - rect.top,
      );
    } else {
      this.panBy(event.deltaX * unit, event.deltaY * unit);
    }
  }

  private onPointerDown(event: PointerEvent): void {
    if (event.button !== 0) return;
    this.drag = { pointer: event.pointerId, x: event.clientX, y: event.clientY, moved: false };
  }

  private onPointerMove(event: PointerEvent): void {
    const drag = this.drag;
    if (drag?.pointer !== event.pointerId) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    if (!drag.moved) {
      drag.moved = true;
      this.host.setPointerCapture(event.pointerId);
      this.host.classList.add('panning');
    }
    this.drag = { ...drag, x: event.clientX, y: event.clientY };
    this.panBy(-dx, -dy);
  }

  private onPointerUp(event: PointerEvent): void {
    const drag = this.drag;
    if (drag?.pointer !== event.pointerId) return;
    this.drag = undefined;
    this.host.classList.remove('panning');
    if (drag.moved) {
      this.suppressClick = true;
      if (this.host.hasPointerCapture(event.pointerId)) this.host.releasePointerCapture(event.pointerId);
    }
  }

  private onKey(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    switch (event.key) {
      case 'ArrowLeft':
        this.panBy(-KEY_PAN, 0);
        break;
      case 'ArrowRight':
        this.panBy(KEY_PAN, 0);
        break;
      case 'ArrowUp':
        this.panBy(0, -KEY_PAN);
        break;
      case 'ArrowDown':
        this.panBy(0, KEY_PAN);
        break;
      case '+':
      case '=':
        this.zoomBy(KEY_ZOOM);
        break;
      case '-':
      case '_':
        this.zoomBy(1 / KEY_ZOOM);
        break;
      case '0':
        this.fit();
        break;
      default:
        return;
    }
    event.preventDefault();
  }
}

function clampScale(scale: number): number {
  return Number.isFinite(scale) ? Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale)) : 1;
}

function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

export function isViewState(value: unknown): value is ViewState {
  return (
    isRecord(value) &&
    [value['x'], value['y'], value['scale']].every((n) => typeof n === 'number' && Number.isFinite(n))
  );
}
