import { createVirtualClock } from './clock';
import type { CompiledMachine } from './definition/types';
import type { FileStore } from './files';
import type { HistoryEvent } from './history';
import { advance } from './interpreter/step';
import { createRuntime } from './interpreter/runtime';
import type { Runtime } from './interpreter/runtime';
import { counterIds } from './defaultPorts';
import { emit } from './interpreter/emit';
import { newFrame } from './interpreter/frames';
import { NOT_TRUNCATED } from './interpreter/stateEvents';
import { exceedsPayloadLimit } from './interpreter/size';
import { emptyScope } from './variables/scope';
import { DEPTH_LIMIT_TEXT, nestsTooDeep, type JsonValue } from './json';
import type { StateObserver } from './observer';
import type { Clock, IdSource, RandomSource, TaskRunner } from './ports';
import { EXECUTION_STATE_FORMAT, lastTimestamp } from './state';
import type { ExecutionResult, ExecutionState, WorkflowType } from './state';

/** How an execution is named and limited. */
export interface ExecutionOptions {
  /** STANDARD (default): 25,000-event history quota. EXPRESS: 5-minute duration limit. */
  readonly workflowType?: WorkflowType;
  readonly stateMachineName?: string;
  /** The execution's name (defaults to a fresh id). */
  readonly name?: string;
  readonly region?: string;
  readonly accountId?: string;
  readonly roleArn?: string;
}

/** The world, as the engine sees it. Every port is optional; the defaults are deterministic. */
export interface ExecutionPorts {
  readonly taskRunner?: TaskRunner;
  /** Defaults to a virtual clock starting now. */
  readonly clock?: Clock;
  readonly random?: RandomSource;
  readonly ids?: IdSource;
  readonly files?: FileStore;
  readonly observer?: StateObserver;
}

const EXPRESS_LIMIT_MS = 5 * 60 * 1000;

/**
 * One run of a compiled machine. `step()` records exactly one history event (synchronously,
 * except when a Task or a real-time wait must be awaited); `run()` steps to the end.
 * `state` is plain data: persist it with JSON.stringify and continue with `resumeExecution`.
 */
export class Execution {
  readonly machine: CompiledMachine;
  readonly state: ExecutionState;

  constructor(private readonly runtime: Runtime) {
    this.machine = runtime.machine;
    this.state = runtime.state;
  }

  get done(): boolean {
    return this.state.status !== 'RUNNING';
  }

  get result(): ExecutionResult | undefined {
    return this.state.result;
  }

  get history(): readonly HistoryEvent[] {
    return this.state.history;
  }

  /** Records the next event; undefined once the execution has ended. */
  step(): HistoryEvent | Promise<HistoryEvent> | undefined {
    const next = advance(this.runtime);
    if (next instanceof Promise)
      return next.then((event) => (event.id === 0 ? this.stepAfterSilent() : event));
    return next;
  }

  private stepAfterSilent(): Promise<HistoryEvent> {
    const next = this.step();
    if (next === undefined)
      return Promise.reject(new Error('The execution ended inside a distributed Map run.'));
    return Promise.resolve(next);
  }

  /** Steps to the end. Stays synchronous for as long as no step needs to await. */
  async run(): Promise<ExecutionResult> {
    for (;;) {
      let next = advance(this.runtime);
      while (next !== undefined && !(next instanceof Promise)) next = advance(this.runtime);
      if (next === undefined) break;
      await next;
    }
    const result = this.state.result;
    if (result === undefined) throw new Error('The execution stopped without a result.');
    return result;
  }

  /** A deep copy of the state, safe to keep while the execution goes on. */
  snapshot(): ExecutionState {
    return structuredClone(this.state);
  }
}

/**
 * An input the engine cannot hold: nested deeper than MAX_JSON_DEPTH. No execution starts, as
 * AWS's StartExecution refuses input it cannot read (InvalidExecutionInput). The CLI and the
 * debugger refuse such input when they read it.
 */
export class InvalidExecutionInput extends Error {
  constructor() {
    super(`The execution input nests arrays and objects ${DEPTH_LIMIT_TEXT}, more than this engine holds.`);
    this.name = 'InvalidExecutionInput';
  }
}

/**
 * Starts an execution: records ExecutionStarted and positions it at the StartAt state. Throws
 * InvalidExecutionInput for input nested past MAX_JSON_DEPTH.
 */
export function createExecution(
  machine: CompiledMachine,
  input: JsonValue,
  options: ExecutionOptions = {},
  ports: ExecutionPorts = {},
): Execution {
  if (nestsTooDeep(input)) throw new InvalidExecutionInput();
  const clock = ports.clock ?? createVirtualClock(Date.now());
  const ids = ports.ids ?? counterIds();
  const workflowType = options.workflowType ?? 'STANDARD';
  const region = options.region ?? 'us-east-1';
  const account = options.accountId ?? '123456789012';
  const machineName = options.stateMachineName ?? 'StateMachine';
  const name = options.name ?? ids.uuid();
  const startTime = clock.now();
  const limits: number[] = [];
  if (machine.timeoutSeconds !== undefined) limits.push(startTime + machine.timeoutSeconds * 1000);
  if (workflowType === 'EXPRESS') limits.push(startTime + EXPRESS_LIMIT_MS);
  const deadline = limits.length === 0 ? undefined : Math.min(...limits);
  const state: ExecutionState = {
    format: EXECUTION_STATE_FORMAT,
    status: 'RUNNING',
    workflowType,
    info: {
      executionArn: `arn:aws:states:${region}:${account}:${workflowType === 'EXPRESS' ? 'express' : 'execution'}:${machineName}:${name}`,
      name,
      stateMachineArn: `arn:aws:states:${region}:${account}:stateMachine:${machineName}`,
      stateMachineName: machineName,
      roleArn: options.roleArn ?? `arn:aws:iam::${account}:role/StepwiseLocal`,
      startTime,
      input,
      deadline,
      deadlineKind:
        deadline === undefined ? undefined : machine.timeoutSeconds !== undefined ? 'definition' : 'express',
    },
    history: [],
    frames: [],
    invocations: countsByName(),
    variables: emptyScope(false),
    result: undefined,
  };
  const runtime = createRuntime(machine, state, clock, { ...ports, ids });
  const execution = new Execution(runtime);
  emit(runtime, undefined, 'ExecutionStarted', 'executionStartedEventDetails', {
    input,
    inputDetails: NOT_TRUNCATED,
    roleArn: state.info.roleArn,
  });
  if (exceedsPayloadLimit(input)) {
    state.status = 'FAILED';
    const cause = 'The execution input exceeds the maximum number of bytes service limit.';
    state.result = { status: 'FAILED', error: 'States.DataLimitExceeded', cause };
    emit(runtime, undefined, 'ExecutionFailed', 'executionFailedEventDetails', {
      error: 'States.DataLimitExceeded',
      cause,
    });
    return execution;
  }
  const root = machine.root;
  state.frames.push(newFrame('machine', root.id, 0, false, undefined, root.startAt, input, 0, undefined));
  return execution;
}

/** Continues an execution from a state saved with JSON.stringify (after any event). */
export function resumeExecution(
  machine: CompiledMachine,
  saved: ExecutionState,
  ports: ExecutionPorts = {},
): Execution {
  if (saved.format !== EXECUTION_STATE_FORMAT)
    throw new Error(`Unknown execution state format '${String(saved.format)}'.`);
  const clock = ports.clock ?? createVirtualClock(lastTimestamp(saved));
  return new Execution(createRuntime(machine, saved, clock, ports));
}

/**
 * An empty object to count invocations by state name. Made without a prototype, V8 keeps it as
 * a hash table from the start: a literal `{}` took a new hidden class for each name added,
 * rebuilt in every execution, and the interpreter's code was thrown away each time those
 * classes were collected (1,000 Tasks: runs of 1.5 ms alternated with runs of 10 ms and more).
 */
function countsByName(): { [stateName: string]: number } {
  return Object.create(null) as { [stateName: string]: number };
}
