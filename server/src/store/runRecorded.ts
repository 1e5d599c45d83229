import type { Execution, ExecutionResult } from '../engine';
import type { ExecutionRecorder } from './executionStore';

/**
 * Runs an execution to its end one event at a time, each written before the next step: what
 * `execution.run()` does, made durable. Stays synchronous between Tasks.
 *
 * Every event is written as it happens, so a killed process loses nothing. The disk flush
 * (fsync, the slow part) happens at the start, after each wait (a Task's call, real time
 * passing) and at the end, so a Task's outcome is on disk before anything else runs. The
 * synchronous steps in between are not flushed one by one: they only compute from what is
 * flushed, and if the machine itself crashed, a resume would compute them again. (A loop of
 * 28,000 Pass and Choice events takes seconds with an fsync per event, well under one without.)
 */
export async function runRecorded(
  execution: Execution,
  recorder: ExecutionRecorder,
): Promise<ExecutionResult> {
  const buffered = { fsync: false } as const;
  recorder.capture(execution.state);
  for (;;) {
    let next = execution.step();
    while (next !== undefined && !(next instanceof Promise)) {
      recorder.capture(execution.state, buffered);
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
