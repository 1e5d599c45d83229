import type { Execution, ExecutionResult } from '../engine';
import type { ExecutionRecorder } from './executionStore';

/**
 * Runs an execution to its end one event at a time, each written (and fsync'd) before the next
 * step: what `execution.run()` does, made durable. Stays synchronous between Tasks.
 */
export async function runRecorded(
  execution: Execution,
  recorder: ExecutionRecorder,
): Promise<ExecutionResult> {
  recorder.capture(execution.state);
  for (;;) {
    let next = execution.step();
    while (next !== undefined && !(next instanceof Promise)) {
      recorder.capture(execution.state);
      next = execution.step();
    }
    if (next === undefined) break;
    await next;
    recorder.capture(execution.state);
  }
  recorder.capture(execution.state);
  const result = execution.result;
  if (result === undefined) throw new Error('The execution stopped without a result.');
  return result;
}
