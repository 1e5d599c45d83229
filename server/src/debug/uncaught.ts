import {
  createVirtualClock,
  lastTimestamp,
  resumeExecution,
  type CompiledMachine,
  type ExecutionState,
} from '../engine';
import { copyState } from './stateCopy';

/** How far ahead to look before giving up (a catcher's Output that loops, say). */
const LOOKAHEAD_STEPS = 10_000;

/**
 * Whether the failure the execution is handling now will end it. Rather than re-implement
 * Retry, Catch, branch failure and tolerated Map failures, the engine plays it out on a copy
 * with no Task runner: the failure is handled as soon as the copy records anything but
 * failure events (a retry's TaskScheduled, a catcher's StateExited, the next iteration), and
 * uncaught when the copy ends first. No Task runs on the way: handling happens before any.
 * The copy (see stateCopy.ts) shares the JSON payloads and the past events, which the engine
 * never changes, so a failure costs a list of references, not a deep copy of every payload.
 */
export async function isUncaught(machine: CompiledMachine, state: ExecutionState): Promise<boolean> {
  const { history, ...rest } = state;
  const last = lastTimestamp(state);
  const copy = resumeExecution(
    machine,
    { ...copyState(rest), history: history.slice() },
    { clock: createVirtualClock(last) },
  );
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
