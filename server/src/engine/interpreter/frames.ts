import type { JsonValue } from '../json';
import type { Frame, FrameKind, VariableScope } from '../state';

/** A frame about to enter `stateName` with `input`; `variables` undefined for the machine's frame. */
export function newFrame(
  kind: FrameKind,
  scope: number,
  index: number,
  silent: boolean,
  mapItem: Frame['mapItem'],
  stateName: string,
  input: JsonValue,
  cursor: number,
  variables: VariableScope | undefined,
): Frame {
  return {
    kind,
    scope,
    index,
    silent,
    mapItem,
    cursor,
    state: stateName,
    phase: 'enter',
    input,
    enteredEventId: 0,
    enteredTime: 0,
    retryAttempts: [],
    retryCount: 0,
    effectiveInput: undefined,
    output: undefined,
    next: undefined,
    failure: undefined,
    resumeAt: undefined,
    timeoutSeconds: undefined,
    heartbeatSeconds: undefined,
    fan: undefined,
    variables,
    assigned: undefined,
    evaluationFailed: undefined,
  };
}

/** Moves the frame on to its next state, or to the end of its scope. */
export function transition(frame: Frame, output: JsonValue, next: string | undefined): void {
  frame.output = output;
  if (next === undefined) {
    frame.phase = 'done';
    return;
  }
  frame.state = next;
  frame.phase = 'enter';
  frame.input = output;
  resetStateFields(frame);
}

/**
 * Clears what the frame's last state left behind (retries, timeouts, fan-out, failure...),
 * before it enters a state; `state`, `phase`, `input` and `output` are the caller's.
 */
export function resetStateFields(frame: Frame): void {
  // A fresh array only after a retry used it: most states are never retried.
  if (frame.retryAttempts.length > 0) frame.retryAttempts = [];
  frame.retryCount = 0;
  frame.effectiveInput = undefined;
  frame.next = undefined;
  frame.failure = undefined;
  frame.resumeAt = undefined;
  frame.timeoutSeconds = undefined;
  frame.heartbeatSeconds = undefined;
  frame.fan = undefined;
  frame.assigned = undefined;
  frame.evaluationFailed = undefined;
}
