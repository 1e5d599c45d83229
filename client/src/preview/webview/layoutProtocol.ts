/**
 * Messages between the page and its layout worker. The worker is ours, but its answers are
 * still checked before the page draws them: a box without numbers never reaches the DOM.
 */
import type {
  GraphDirection,
  GraphLayout,
  PlacedBox,
  PlacedEdge,
  PlacedJump,
  PlacedSection,
  Point,
} from '../../../../server/src/asl/graph/layout';
import type { GraphModel } from '../../../../server/src/asl/graph/types';
import { isRecord } from '../../../../server/src/guards';
import { isArrayOf, isIndex } from '../graphGuards';

export interface LayoutRequest {
  readonly id: number;
  readonly graph: GraphModel;
  readonly direction: GraphDirection;
}

export type LayoutResponse =
  | { readonly id: number; readonly layout: GraphLayout; readonly milliseconds: number }
  | { readonly id: number; readonly error: string };

export function isLayoutRequest(value: unknown): value is LayoutRequest {
  return (
    isRecord(value) &&
    typeof value['id'] === 'number' &&
    isRecord(value['graph']) &&
    (value['direction'] === 'TB' || value['direction'] === 'LR')
  );
}

export function isLayoutResponse(value: unknown): value is LayoutResponse {
  if (!isRecord(value) || typeof value['id'] !== 'number') return false;
  if (typeof value['error'] === 'string') return true;
  return typeof value['milliseconds'] === 'number' && isGraphLayout(value['layout']);
}

function isGraphLayout(value: unknown): value is GraphLayout {
  return (
    isRecord(value) &&
    isFiniteNumber(value['width']) &&
    isFiniteNumber(value['height']) &&
    isArrayOf(value['sections'], isPlacedSection) &&
    value['sections'].length > 0 &&
    isArrayOf(value['nodes'], isPlacedBox) &&
    isArrayOf(value['clusters'], isPlacedBox) &&
    isArrayOf(value['edges'], isPlacedEdge) &&
    isArrayOf(value['jumps'], isPlacedJump)
  );
}

function isPlacedSection(value: unknown): value is PlacedSection {
  return isRect(value) && typeof value['id'] === 'string';
}

function isPlacedBox(value: unknown): value is PlacedBox {
  return isRect(value) && typeof value['id'] === 'string' && isIndex(value['section']);
}

function isPlacedJump(value: unknown): value is PlacedJump {
  return (
    isPlacedBox(value) &&
    isRecord(value) &&
    typeof value['edge'] === 'string' &&
    typeof value['target'] === 'string' &&
    typeof value['label'] === 'string'
  );
}

function isPlacedEdge(value: unknown): value is PlacedEdge {
  if (
    !isRecord(value) ||
    typeof value['id'] !== 'string' ||
    !isIndex(value['section']) ||
    !isArrayOf(value['points'], isPoint)
  )
    return false;
  const label = value['label'];
  return label === null || isRect(label);
}

/** A record with a finite x, y, width and height: a box, a section or an edge's label. */
function isRect(value: unknown): value is Record<string, unknown> {
  return isPoint(value) && isFiniteNumber(value['width']) && isFiniteNumber(value['height']);
}

function isPoint(value: unknown): value is Point & Record<string, unknown> {
  return isRecord(value) && isFiniteNumber(value['x']) && isFiniteNumber(value['y']);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
