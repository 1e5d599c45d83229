import { createVirtualClock, resumeExecution, type CompiledMachine, type ExecutionState } from '../engine';

/** How far ahead to look before giving up (a catcher's Output that loops, say). */
const LOOKAHEAD_STEPS = 10_000;

/**
 * Whether the failure the execution is handling now will end it. Rather than re-implement
 * Retry, Catch, branch failure and tolerated Map failures, the engine plays it out on a copy
 * with no Task runner: the failure is handled as soon as the copy records anything but
 * failure events (a retry's TaskScheduled, a catcher's StateExited, the next iteration), and
 * uncaught when the copy ends first. No Task runs on the way: handling happens before any.
 */
export async function isUncaught(machine: CompiledMachine, state: ExecutionState): Promise<boolean> {
  const last = state.history[state.history.length - 1]?.timestamp ?? state.info.startTime;
  const copy = resumeExecution(machine, structuredClone(state), { clock: createVirtualClock(last) });
  for (let i = 0; i < LOOKAHEAD_STEPS; i++) {
    const stepped = copy.step();
    if (stepped === undefined) return copy.state.status !== 'SUCCEEDED';
    let event;
    try {
      event = stepped instanceof Promise ? await stepped : stepped;
    } catch {
      return false;
    }
    if (copy.done) return copy.state.status !== 'SUCCEEDED';
    if (!isFailureEvent(event.type)) return false;
  }
  return false;
}

function isFailureEvent(type: string): boolean {
  return type.endsWith('Failed') || type.endsWith('TimedOut') || type.endsWith('Aborted');
}
