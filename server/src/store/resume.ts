import type { ExecutionState, HistoryEvent } from '../engine';
import type { Checkpoint } from './format';
import { StoreError } from './executionStore';
import type { StoredExecution } from './executionStore';

/**
 * The engine states a stored execution continues from: plain data for
 * `resumeExecution(compileDefinition(stored.header.definition), state, ports)`.
 */

const REDRIVABLE: ReadonlySet<string> = new Set(['FAILED', 'TIMED_OUT', 'ABORTED']);

/**
 * The state after the last event written: a run that was interrupted (the process killed,
 * VS Code closed) goes on from there. A Task whose outcome was written is not run again.
 */
export function resumeState(stored: StoredExecution): ExecutionState {
  const latest = stored.latest;
  if (latest === undefined)
    throw new StoreError(`The execution '${stored.header.id}' has no state to resume from.`);
  const status = latest.state.status;
  if (status !== 'RUNNING') {
    throw new StoreError(
      `The execution '${stored.header.id}' has already ended (${status})${REDRIVABLE.has(status) ? '; redrive it to run its failed part again' : ''}.`,
    );
  }
  return stateOf(stored, latest.state, stored.events.slice(0, latest.eventId));
}

/** Events after which no state of the run is half done: a redrive starts again from the last one. */
function isSettledPoint(event: HistoryEvent): boolean {
  return (
    event.type.endsWith('StateExited') ||
    event.type === 'ExecutionStarted' ||
    event.type === 'ExecutionRedriven'
  );
}

/**
 * A failed (or timed out, or aborted) execution made to run again from the state that failed,
 * as Step Functions' RedriveExecution does: the states that completed keep their results and
 * are not run again; the history goes on after the failure with an ExecutionRedriven event.
 * The state returned is that of the last completed state (its StateExited event), so the
 * failed state is entered afresh, with fresh retry counts.
 */
export function redriveState(stored: StoredExecution, now: number): ExecutionState {
  const latest = stored.latest;
  const status = latest?.state.status ?? 'RUNNING';
  if (latest === undefined || !REDRIVABLE.has(status)) {
    throw new StoreError(
      status === 'RUNNING'
        ? `The execution '${stored.header.id}' has not ended; resume it instead.`
        : `The execution '${stored.header.id}' succeeded: there is nothing to redrive.`,
    );
  }
  let from: { eventId: number; state: Checkpoint } | undefined;
  for (let i = stored.events.length - 1; i >= 0 && from === undefined; i--) {
    const event = stored.events[i];
    if (event === undefined || !isSettledPoint(event)) continue;
    const state = stored.checkpointAt(event.id);
    if (state?.status === 'RUNNING') from = { eventId: event.id, state };
  }
  if (from === undefined)
    throw new StoreError(`The execution '${stored.header.id}' has no completed state to redrive from.`);
  const history = [...stored.events];
  const redriveCount = 1 + history.filter((e) => e.type === 'ExecutionRedriven').length;
  history.push({
    id: history.length + 1,
    previousEventId: history.length,
    timestamp: Math.max(now, history.at(-1)?.timestamp ?? now),
    type: 'ExecutionRedriven',
    detailsKey: 'executionRedrivenEventDetails',
    details: { redriveCount },
  });
  return stateOf(stored, from.state, history);
}

function stateOf(stored: StoredExecution, checkpoint: Checkpoint, history: HistoryEvent[]): ExecutionState {
  const { header } = stored;
  return {
    format: header.stateFormat,
    workflowType: header.workflowType,
    info: header.info,
    history,
    status: checkpoint.status,
    frames: checkpoint.frames,
    invocations: checkpoint.invocations,
    variables: checkpoint.variables,
    result: checkpoint.result,
  };
}
