import { counterIds, seededRandom } from '../defaultPorts';
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

/** The ports an execution may be given besides its clock. */
export interface RuntimePorts {
  readonly taskRunner?: TaskRunner | undefined;
  readonly random?: RandomSource | undefined;
  readonly ids?: IdSource | undefined;
  readonly files?: FileStore | undefined;
  readonly observer?: StateObserver | undefined;
}

/** The runtime of `state`: the ports given, the deterministic ones for random numbers and ids otherwise. */
export function createRuntime(
  machine: CompiledMachine,
  state: ExecutionState,
  clock: Clock,
  ports: RuntimePorts,
): Runtime {
  return {
    machine,
    state,
    clock,
    random: ports.random ?? seededRandom(1),
    ids: ports.ids ?? counterIds(),
    taskRunner: ports.taskRunner,
    files: ports.files,
    observer: ports.observer,
  };
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
