import type { ExecutionState, Frame, VariableScope } from '../engine';

type FanOut = NonNullable<Frame['fan']>;

/**
 * A copy of an execution state (without its history) that the engine can go on mutating
 * without touching the original. JSON payloads (inputs, outputs, items, variable values) are
 * shared, not copied: the engine treats JSON values as immutable and replaces them rather
 * than changing them (see engine/payload.ts). Only the engine's own bookkeeping — the frames,
 * their Map/Parallel progress, retry counts, variable scopes, Task invocation counts — is
 * copied, so a snapshot costs in proportion to the nesting, not to the size of the data: a
 * structuredClone of a 2,000-item Map's frame at every state entry made debugging quadratic.
 */
export type StateWithoutHistory = Omit<ExecutionState, 'history'>;

export function copyState(state: StateWithoutHistory): StateWithoutHistory {
  return {
    ...state,
    frames: state.frames.map(copyFrame),
    invocations: { ...state.invocations },
    variables: copyScope(state.variables),
  };
}

function copyFrame(frame: Frame): Frame {
  return {
    ...frame,
    retryAttempts: [...frame.retryAttempts],
    fan: frame.fan === undefined ? undefined : copyFan(frame.fan),
    variables: frame.variables === undefined ? undefined : copyScope(frame.variables),
    assigned:
      frame.assigned === undefined ? undefined : { ...frame.assigned, values: { ...frame.assigned.values } },
  };
}

function copyFan(fan: FanOut): FanOut {
  return { ...fan, items: [...fan.items], results: [...fan.results] };
}

function copyScope(scope: VariableScope): VariableScope {
  return { ...scope, values: { ...scope.values }, own: [...scope.own] };
}
