/**
 * What the debug adapter tells the editor about a running execution, as the custom DAP event
 * `stepwise/execution`. The client forwards it to the graph preview, which draws the run.
 * Declared once here and imported by the adapter (server) and the client; the client checks
 * every event with `isExecutionEvent` before use.
 */
import { isRecord } from './guards';

/** One level of nesting: a state, and which branch or iteration of it is meant (for Parallel/Map). */
export interface ExecutionPathStep {
  readonly state: string;
  /** 0-based Parallel branch index, when the next step is inside a branch. */
  readonly branch?: number;
  /** 0-based Map iteration index, when the next step is inside an iteration. */
  readonly iteration?: number;
}

export type StateStatus = 'running' | 'succeeded' | 'failed' | 'caught' | 'retrying';

export type ExecutionEvent =
  | {
      readonly kind: 'started';
      readonly executionId: string;
      /** The workflow file (a URI string). */
      readonly uri: string;
    }
  | {
      readonly kind: 'state';
      readonly executionId: string;
      readonly uri: string;
      /** From the outermost state to the state itself. */
      readonly path: readonly ExecutionPathStep[];
      readonly status: StateStatus;
      /** The transition taken when the state ended (its Next, a Choice target, a Catch's Next). */
      readonly next?: string;
      /** For Parallel/Map: how many branches/iterations have finished, and of how many. */
      readonly progress?: { readonly done: number; readonly total: number };
    }
  | {
      readonly kind: 'ended';
      readonly executionId: string;
      readonly uri: string;
      readonly status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
    };

export const EXECUTION_EVENT = 'stepwise/execution';

const STATE_STATUSES: ReadonlySet<string> = new Set(['running', 'succeeded', 'failed', 'caught', 'retrying']);
const END_STATUSES: ReadonlySet<string> = new Set(['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED']);

function isPathStep(value: unknown): value is ExecutionPathStep {
  if (!isRecord(value) || typeof value['state'] !== 'string') return false;
  const branch = value['branch'];
  const iteration = value['iteration'];
  return (
    (branch === undefined || (typeof branch === 'number' && Number.isInteger(branch) && branch >= 0)) &&
    (iteration === undefined ||
      (typeof iteration === 'number' && Number.isInteger(iteration) && iteration >= 0))
  );
}

/** A full check of an event received from elsewhere (the adapter process, a webview message). */
export function isExecutionEvent(value: unknown): value is ExecutionEvent {
  if (!isRecord(value) || typeof value['executionId'] !== 'string' || typeof value['uri'] !== 'string') {
    return false;
  }
  switch (value['kind']) {
    case 'started':
      return true;
    case 'ended':
      return typeof value['status'] === 'string' && END_STATUSES.has(value['status']);
    case 'state': {
      const path = value['path'];
      const progress = value['progress'];
      return (
        Array.isArray(path) &&
        path.length > 0 &&
        path.every(isPathStep) &&
        typeof value['status'] === 'string' &&
        STATE_STATUSES.has(value['status']) &&
        (value['next'] === undefined || typeof value['next'] === 'string') &&
        (progress === undefined ||
          (isRecord(progress) &&
            typeof progress['done'] === 'number' &&
            typeof progress['total'] === 'number'))
      );
    }
    default:
      return false;
  }
}
