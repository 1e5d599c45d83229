import type { CompiledMachine, CompiledScope, CompiledState } from '../definition/types';
import type { FileStore } from '../files';
import type { StateObserver } from '../observer';
import type { Clock, IdSource, RandomSource, TaskRunner } from '../ports';
import type { ExecutionState, Frame } from '../state';

/** What the interpreter works with during one step: the compiled machine, the state, the ports. */
export interface Runtime {
  readonly machine: CompiledMachine;
  readonly state: ExecutionState;
  readonly clock: Clock;
  readonly random: RandomSource;
  readonly ids: IdSource;
  readonly taskRunner: TaskRunner | undefined;
  readonly files: FileStore | undefined;
  readonly observer: StateObserver | undefined;
}

export function scopeOf(rt: Runtime, frame: Frame): CompiledScope {
  const scope = rt.machine.scopes[frame.scope];
  if (scope === undefined)
    throw new Error(`The execution state names scope ${frame.scope}, which the definition does not have.`);
  return scope;
}

export function currentState(rt: Runtime, frame: Frame): CompiledState {
  const state = scopeOf(rt, frame).states.get(frame.state);
  if (state === undefined)
    throw new Error(`The execution state names state '${frame.state}', which the definition does not have.`);
  return state;
}

export function topFrame(rt: Runtime): Frame | undefined {
  const frames = rt.state.frames;
  return frames[frames.length - 1];
}
