/**
 * The messages between the debug adapter and its handler process (Node IPC, structured
 * clone). Declared once, checked on arrival: the child runs user code and may send anything.
 */
import type { TaskOutcome, TaskRequest } from '../engine';
import { isRecord } from '../guards';

export type ToHandlerHost =
  | { readonly kind: 'init'; readonly handlers: string }
  | { readonly kind: 'run'; readonly id: number; readonly request: TaskRequest; readonly now: number };

export type FromHandlerHost =
  | { readonly kind: 'ready' }
  | { readonly kind: 'initFailed'; readonly problems: readonly string[] }
  | { readonly kind: 'outcome'; readonly id: number; readonly outcome: TaskOutcome };

export const HANDLER_HOST_FLAG = '--stepwise-handler-host';

export function isFromHandlerHost(value: unknown): value is FromHandlerHost {
  if (!isRecord(value)) return false;
  switch (value['kind']) {
    case 'ready':
      return true;
    case 'initFailed':
      return Array.isArray(value['problems']) && value['problems'].every((p) => typeof p === 'string');
    case 'outcome':
      return typeof value['id'] === 'number' && isOutcome(value['outcome']);
    default:
      return false;
  }
}

function isOutcome(value: unknown): value is TaskOutcome {
  if (!isRecord(value)) return false;
  switch (value['kind']) {
    case 'succeeded':
      return 'output' in value;
    case 'failed':
      return (
        typeof value['error'] === 'string' &&
        (value['cause'] === undefined || typeof value['cause'] === 'string')
      );
    case 'unavailable':
      return typeof value['message'] === 'string';
    default:
      return false;
  }
}

export function isToHandlerHost(value: unknown): value is ToHandlerHost {
  if (!isRecord(value)) return false;
  if (value['kind'] === 'init') return typeof value['handlers'] === 'string';
  return (
    value['kind'] === 'run' &&
    typeof value['id'] === 'number' &&
    typeof value['now'] === 'number' &&
    isRecord(value['request']) &&
    typeof value['request']['stateName'] === 'string' &&
    typeof value['request']['resource'] === 'string'
  );
}
