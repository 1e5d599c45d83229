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
  /** The last state currentState found: consecutive steps are mostly in the same state. */
  readonly lastFound: FoundState;
}

/** Which state a frame was in, by scope and name, when currentState last looked it up. */
interface FoundState {
  scope: number;
  name: string;
  state: CompiledState | undefined;
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
    lastFound: { scope: -1, name: '', state: undefined },
  };
}

export function scopeOf(rt: Runtime, frame: Frame): CompiledScope {
  const scope = rt.machine.scopes[frame.scope];
  if (scope === undefined)
    throw new Error(`The execution state names scope ${frame.scope}, which the definition does not have.`);
  return scope;
}

export function currentState(rt: Runtime, frame: Frame): CompiledState {
  // A Task records five events in a row: four of five lookups are of the state just found.
  const last = rt.lastFound;
  if (last.state !== undefined && last.name === frame.state && last.scope === frame.scope) return last.state;
  const state = scopeOf(rt, frame).states.get(frame.state);
  if (state === undefined)
    throw new Error(`The execution state names state '${frame.state}', which the definition does not have.`);
  last.scope = frame.scope;
  last.name = frame.state;
  last.state = state;
  return state;
}

export function topFrame(rt: Runtime): Frame | undefined {
  const frames = rt.state.frames;
  return frames[frames.length - 1];
}
