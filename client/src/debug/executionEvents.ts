import type { ExecutionEvent } from '../../../server/src/executionEvents';

/**
 * Where the debugger's `stepwise/execution` events reach the rest of the extension (the graph
 * preview subscribes): a tiny emitter, so that neither side knows the other.
 */
export type ExecutionEventListener = (event: ExecutionEvent) => void;

const listeners = new Set<ExecutionEventListener>();

/** Calls `listener` for every execution event from now on; dispose() stops it. */
export function onExecutionEvent(listener: ExecutionEventListener): { dispose(): void } {
  listeners.add(listener);
  return { dispose: () => listeners.delete(listener) };
}

/** Hands an event (already checked) to every listener; one listener's error does not stop the others. */
export function publishExecutionEvent(event: ExecutionEvent): void {
  for (const listener of [...listeners]) {
    try {
      listener(event);
    } catch {
      // A listener's failure is its own; the others still hear the event.
    }
  }
}
