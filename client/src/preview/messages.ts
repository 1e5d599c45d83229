/**
 * The messages between the preview panel (extension side) and its webview (browser side),
 * imported by both. Each side checks what it receives with the guard of that direction and
 * ignores anything else: neither trusts the other. Types only from the protocol, nothing from
 * 'vscode' or the DOM: this file compiles under both tsconfigs.
 */
import type { StateTreeNode, StateTreeResult, StateTreeScope } from '../../../server/src/protocol';
import { isRecord } from '../../../server/src/guards';

/** How the graph is laid out: top to bottom or left to right (`stepwise.graph.direction`). */
export type GraphDirection = 'TB' | 'LR';

/** Zero-based, as in LSP. */
export interface TextPosition {
  readonly line: number;
  readonly character: number;
}

export interface TextRange {
  readonly start: TextPosition;
  readonly end: TextPosition;
}

/** Extension → webview. */
export type ToWebviewMessage =
  /** The states of the document `uri`, to render. */
  | {
      readonly kind: 'tree';
      readonly uri: string;
      readonly result: StateTreeResult;
      readonly direction: GraphDirection;
    }
  /** The state under the editor's cursor (or the running state); null clears the highlight. */
  | { readonly kind: 'highlight'; readonly stateName: string | null };

/** Webview → extension. */
export type FromWebviewMessage =
  /** The script is loaded and listening: send it the tree. */
  | { readonly kind: 'ready' }
  /** The user picked a state: select this range in the editor. */
  | { readonly kind: 'reveal'; readonly range: TextRange };

/** Deeper trees than this are refused rather than walked (real workflows nest a few levels). */
const MAX_NESTING = 64;

export function isFromWebviewMessage(value: unknown): value is FromWebviewMessage {
  if (!isRecord(value)) return false;
  switch (value['kind']) {
    case 'ready':
      return hasOnlyKeys(value, ['kind']);
    case 'reveal':
      return hasOnlyKeys(value, ['kind', 'range']) && isTextRange(value['range']);
    default:
      return false;
  }
}

export function isToWebviewMessage(value: unknown): value is ToWebviewMessage {
  if (!isRecord(value)) return false;
  switch (value['kind']) {
    case 'tree':
      return (
        typeof value['uri'] === 'string' &&
        isGraphDirection(value['direction']) &&
        isStateTreeResult(value['result'])
      );
    case 'highlight':
      return value['stateName'] === null || typeof value['stateName'] === 'string';
    default:
      return false;
  }
}

export function isGraphDirection(value: unknown): value is GraphDirection {
  return value === 'TB' || value === 'LR';
}

export function isTextRange(value: unknown): value is TextRange {
  return isRecord(value) && isTextPosition(value['start']) && isTextPosition(value['end']);
}

function isTextPosition(value: unknown): value is TextPosition {
  return isRecord(value) && isIndex(value['line']) && isIndex(value['character']);
}

function isStateTreeResult(value: unknown): value is StateTreeResult {
  return (
    isRecord(value) &&
    (value['version'] === null || Number.isInteger(value['version'])) &&
    isNullableString(value['startAt']) &&
    isIndex(value['errorCount']) &&
    isIndex(value['warningCount']) &&
    isArrayOf(value['states'], (state) => isStateTreeNode(state, 0))
  );
}

function isStateTreeNode(value: unknown, depth: number): value is StateTreeNode {
  return (
    depth <= MAX_NESTING &&
    isRecord(value) &&
    typeof value['name'] === 'string' &&
    isNullableString(value['type']) &&
    isTextRange(value['range']) &&
    isTextRange(value['selectionRange']) &&
    isArrayOf(value['scopes'], (scope) => isStateTreeScope(scope, depth))
  );
}

function isStateTreeScope(value: unknown, depth: number): value is StateTreeScope {
  return (
    isRecord(value) &&
    typeof value['label'] === 'string' &&
    isNullableString(value['startAt']) &&
    isArrayOf(value['states'], (state) => isStateTreeNode(state, depth + 1))
  );
}

function hasOnlyKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(value).every((key) => keys.includes(key));
}

function isArrayOf(value: unknown, isItem: (item: unknown) => boolean): boolean {
  return Array.isArray(value) && value.every((item: unknown) => isItem(item));
}

function isNullableString(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

/** A line or character number: a non-negative integer. */
function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
