/**
 * The messages between the preview panel (extension side) and its webview (browser side),
 * imported by both. Each side checks what it receives with the guard of that direction and
 * ignores anything else: neither trusts the other. Types only from the protocol, nothing from
 * 'vscode' or the DOM: this file compiles under both tsconfigs.
 */
import type { GraphDirection } from '../../../server/src/asl/graph/layout';
import type { TextRange } from '../../../server/src/asl/graph/types';
import { isExecutionEvent, type ExecutionEvent } from '../../../server/src/executionEvents';
import type { GraphResult } from '../../../server/src/protocol';
import { isRecord } from '../../../server/src/guards';
import { isGraphResult, isTextRange } from './graphGuards';

export type { GraphDirection, TextRange };
export { isTextRange };

export type ExportFormat = 'svg' | 'png';

/** Extension → webview. */
export type ToWebviewMessage =
  /** The graph of the document `uri`, to lay out and draw. */
  | {
      readonly kind: 'graph';
      readonly uri: string;
      readonly result: GraphResult;
      readonly direction: GraphDirection;
    }
  /** The state under the editor's cursor (a node id); null clears the highlight. */
  | { readonly kind: 'highlight'; readonly nodeId: string | null }
  /** What the debugger reports about a run of this document. */
  | { readonly kind: 'execution'; readonly event: ExecutionEvent }
  /** Draw the current picture as a file's content and send it back (`exported`). */
  | { readonly kind: 'export'; readonly format: ExportFormat };

/** Webview → extension. */
export type FromWebviewMessage =
  /** The script is loaded and listening: send it the graph. */
  | { readonly kind: 'ready' }
  /** The user picked a state: select this range in the editor. */
  | { readonly kind: 'reveal'; readonly range: TextRange }
  /** The picture asked for by `export`: SVG text, or a PNG as a data: URL. */
  | { readonly kind: 'exported'; readonly format: ExportFormat; readonly data: string };

/** A PNG of a big graph is a few MB; nothing the page sends should be larger than this. */
export const MAX_EXPORT_LENGTH = 64 * 1024 * 1024;

export function isFromWebviewMessage(value: unknown): value is FromWebviewMessage {
  if (!isRecord(value)) return false;
  switch (value['kind']) {
    case 'ready':
      return hasOnlyKeys(value, ['kind']);
    case 'reveal':
      return hasOnlyKeys(value, ['kind', 'range']) && isTextRange(value['range']);
    case 'exported': {
      const data = value['data'];
      return (
        hasOnlyKeys(value, ['kind', 'format', 'data']) &&
        isExportFormat(value['format']) &&
        typeof data === 'string' &&
        data.length <= MAX_EXPORT_LENGTH
      );
    }
    default:
      return false;
  }
}

export function isToWebviewMessage(value: unknown): value is ToWebviewMessage {
  if (!isRecord(value)) return false;
  switch (value['kind']) {
    case 'graph':
      return (
        typeof value['uri'] === 'string' &&
        isGraphDirection(value['direction']) &&
        isGraphResult(value['result'])
      );
    case 'highlight':
      return value['nodeId'] === null || typeof value['nodeId'] === 'string';
    case 'execution':
      return isExecutionEvent(value['event']);
    case 'export':
      return isExportFormat(value['format']);
    default:
      return false;
  }
}

export function isGraphDirection(value: unknown): value is GraphDirection {
  return value === 'TB' || value === 'LR';
}

export function isExportFormat(value: unknown): value is ExportFormat {
  return value === 'svg' || value === 'png';
}

function hasOnlyKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(value).every((key) => keys.includes(key));
}
