import type {
  CompiledMachine,
  Execution,
  ExecutionResult,
  ExecutionState,
  Failure,
  HistoryEvent,
  JsonValue,
  StateObserver,
  StateVisit,
} from '../engine';
import type { BreakpointVerdict } from './breakpointTable';
import { reenteredState } from './reenter';
import { copyState, type StateWithoutHistory } from './stateCopy';

/**
 * Drives one execution for the debugger, one engine step at a time, and decides where to stop.
 * It knows nothing of DAP: the session turns its stops and events into protocol messages.
 *
 * Stops happen between steps, at three kinds of points:
 * - a state was just entered (its Entered event recorded, InputPath/Parameters applied, nothing
 *   run yet): breakpoints, stepping, stop on entry;
 * - a state is failing (its frame holds the error, before Retry/Catch decide): exceptions;
 * - a Task's outcome was just recorded (step in on a Task shows its result).
 *
 * Branches and iterations run one after the other (the engine's fixed order), so the nesting
 * of the moment is a single stack of frames: the machine, then each Parallel branch or Map
 * iteration being run. That is why the session shows ONE thread whose stack frames are that
 * nesting ("Branch 2 › CheckAddress" above "CheckApplicant"), rather than a thread per branch:
 * all but one of those threads would always be idle, and stepping one would run the others.
 *
 * Every state entry keeps a copy of the engine state (plain data), which is what stepping back,
 * reverse continue, restart frame and editing a state's input go back to.
 */

export type StopReason = 'entry' | 'step' | 'breakpoint' | 'exception' | 'pause' | 'restart';

export interface Stop {
  readonly reason: StopReason;
  readonly description: string;
  readonly breakpointIds?: readonly number[];
  /** For exceptions: the failure and whether a filter for uncaught ones stopped it. */
  readonly failure?: Failure;
  readonly uncaught?: boolean;
}

export interface RunEvents {
  /** Events recorded by the last step (usually one), with the state each belongs to. */
  recorded(events: readonly HistoryEvent[], state: ExecutionState): void;
  /** The history was cut back (step back, restart): events after `eventId` are gone. */
  rewound(eventId: number, state: ExecutionState): void;
  visited(kind: 'entered' | 'exited', visit: StateVisit, state: ExecutionState): void;
  failing(failure: Failure, state: ExecutionState): void;
  stopped(stop: Stop): void;
  ended(result: ExecutionResult): void;
  log(text: string): void;
}

/** What the controller asks of the breakpoints (the session's BreakpointTable, with the engine to evaluate). */
export interface StopRules {
  /** A state was entered: stop ids (breakpoints) and logpoint lines. */
  entered(visit: StateVisit, state: ExecutionState): Promise<BreakpointVerdict>;
  /** A state is failing: whether an exception filter stops here. */
  failing(failure: Failure, state: ExecutionState): Promise<'all' | 'uncaught' | undefined>;
  /** For reverse continue: whether a breakpoint names this state. */
  hasBreakpoint(state: string): boolean;
}

/** Makes the engine execution for a state: the session supplies the ports. */
export type ExecutionFactory = (state: ExecutionState | undefined, observer: StateObserver) => Execution;

type Mode =
  | { readonly kind: 'continue' }
  | { readonly kind: 'entry' }
  | { readonly kind: 'next'; readonly depth: number }
  | { readonly kind: 'stepIn'; readonly taskEnteredEventId: number | undefined }
  | { readonly kind: 'stepOut'; readonly depth: number }
  | { readonly kind: 'run' };

interface Snapshot {
  /** history.length when it was taken: right after the Entered event `visit.eventId`. */
  readonly historyLength: number;
  readonly visit: StateVisit;
  /** The state without its history (the history is append-only: a prefix of the current one). */
  readonly rest: StateWithoutHistory;
}

const TASK_OUTCOMES: ReadonlySet<string> = new Set([
  'TaskSucceeded',
  'TaskFailed',
  'TaskTimedOut',
  'LambdaFunctionSucceeded',
  'LambdaFunctionFailed',
  'LambdaFunctionTimedOut',
]);

/** Synchronous steps in a row before the loop lets requests (pause) in. */
const STEPS_BETWEEN_YIELDS = 64;
/** Snapshots kept for going back; the oldest are dropped past this. */
const MAX_SNAPSHOTS = 10_000;

export class RunController {
  private execution: Execution;
  private mode: Mode = { kind: 'continue' };
  private pauseRequested = false;
  private running = false;
  private disposed = false;
  private entered: StateVisit | undefined;
  private snapshots: Snapshot[] = [];
  private lastFailure:
    { readonly depth: number; readonly failure: Failure; readonly key: string } | undefined;
  private readonly observer: StateObserver;

  constructor(
    readonly machine: CompiledMachine,
    private readonly makeExecution: ExecutionFactory,
    private readonly rules: StopRules,
    private readonly events: RunEvents,
    /** Run without stopping (noDebug): no breakpoints, no snapshots. */
    private readonly debugging: boolean,
  ) {
    this.observer = {
      stateEntered: (visit) => {
        if (visit.eventId === 0) return; // a distributed Map's child execution: not stepped into
        this.entered = visit;
        this.events.visited('entered', visit, this.execution.state);
      },
      stateExited: (visit) => {
        if (visit.eventId !== 0) this.events.visited('exited', visit, this.execution.state);
      },
    };
    this.execution = makeExecution(undefined, this.observer);
  }

  get state(): ExecutionState {
    return this.execution.state;
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Starts the run: to the first state (stop on entry), or on until something stops it. */
  start(stopOnEntry: boolean): void {
    this.events.recorded(this.execution.state.history, this.execution.state);
    this.resume(!this.debugging ? { kind: 'run' } : stopOnEntry ? { kind: 'entry' } : { kind: 'continue' });
  }

  continue(): void {
    this.resume({ kind: 'continue' });
  }

  next(): void {
    this.resume({ kind: 'next', depth: this.depth() });
  }

  stepIn(): void {
    const top = this.execution.state.frames.at(-1);
    const task = top !== undefined && this.machine.scopes[top.scope]?.states.get(top.state)?.type === 'Task';
    const beforeOutcome =
      top !== undefined && (top.phase === 'schedule' || top.phase === 'start' || top.phase === 'invoke');
    this.resume({
      kind: 'stepIn',
      taskEnteredEventId: task && beforeOutcome ? top.enteredEventId : undefined,
    });
  }

  stepOut(): void {
    const depth = this.depth();
    this.resume(depth === 0 ? { kind: 'continue' } : { kind: 'stepOut', depth });
  }

  pause(): void {
    if (this.running) this.pauseRequested = true;
  }

  dispose(): void {
    this.disposed = true;
  }

  /** Back to the previous state entry; false when there is none. */
  stepBack(): boolean {
    const target = this.previousSnapshot(() => true);
    if (target === undefined) return false;
    this.restore(target, { reason: 'step', description: `Stepped back to ${target.visit.name}` });
    return true;
  }

  /** Back to the last state entry with a breakpoint, or to the first state. */
  reverseContinue(): boolean {
    const target = this.previousSnapshot((s) => this.rules.hasBreakpoint(s.visit.name)) ?? this.snapshots[0];
    if (target === undefined || target.historyLength >= this.execution.state.history.length) return false;
    const hit = this.rules.hasBreakpoint(target.visit.name);
    this.restore(target, {
      reason: hit ? 'breakpoint' : 'entry',
      description: hit
        ? `Breakpoint at ${target.visit.name}`
        : `Back at the first state, ${target.visit.name}`,
    });
    return true;
  }

  /**
   * Runs the state of `frames[frameIndex]` again from its entry, with `input` (its current input
   * when not given): a new Entered event, Parameters applied again, then a stop there.
   */
  async restartFrame(frameIndex: number, input?: JsonValue): Promise<void> {
    const frame = this.execution.state.frames[frameIndex];
    if (frame === undefined) throw new Error('That frame is no longer running.');
    const snapshot = this.snapshots.find((s) => s.historyLength === frame.enteredEventId);
    if (snapshot === undefined)
      throw new Error(`The entry of '${frame.state}' is too far back to return to.`);
    const state = reenteredState(this.stateOf(snapshot), frameIndex, input ?? frame.input);
    this.snapshots = this.snapshots.filter((s) => s.historyLength < state.history.length + 1);
    this.lastFailure = undefined;
    this.execution = this.makeExecution(state, this.observer);
    this.events.rewound(state.history.length, state);
    this.entered = undefined;
    const before = state.history.length;
    const stepped = this.execution.step();
    if (stepped instanceof Promise) await stepped;
    const recorded = this.execution.state.history.slice(before);
    if (recorded.length > 0) this.events.recorded(recorded, this.execution.state);
    this.keepSnapshot();
    this.emitStop({ reason: 'restart', description: `Restarted ${frame.state}` });
  }

  private depth(): number {
    return Math.max(0, this.execution.state.frames.length - 1);
  }

  private previousSnapshot(accept: (s: Snapshot) => boolean): Snapshot | undefined {
    const now = this.execution.state.history.length;
    for (let i = this.snapshots.length - 1; i >= 0; i--) {
      const s = this.snapshots[i];
      if (s !== undefined && s.historyLength < now && accept(s)) return s;
    }
    return undefined;
  }

  private stateOf(snapshot: Snapshot): ExecutionState {
    return {
      ...copyState(snapshot.rest),
      history: this.execution.state.history.slice(0, snapshot.historyLength),
    };
  }

  private restore(target: Snapshot, stop: Stop): void {
    const state = this.stateOf(target);
    this.snapshots = this.snapshots.filter((s) => s.historyLength <= target.historyLength);
    this.lastFailure = undefined;
    this.execution = this.makeExecution(state, this.observer);
    this.events.rewound(target.historyLength, state);
    this.emitStop(stop);
  }

  private resume(mode: Mode): void {
    if (this.running || this.disposed) return;
    this.mode = mode;
    this.running = true;
    this.drive().catch((error: unknown) => {
      this.running = false;
      this.events.log(
        `The run stopped on an internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      this.emitStop({ reason: 'pause', description: 'Internal error' });
    });
  }

  private async drive(): Promise<void> {
    let synchronous = 0;
    for (;;) {
      if (this.disposed) return;
      if (this.pauseRequested) {
        this.pauseRequested = false;
        return this.emitStop({ reason: 'pause', description: 'Paused' });
      }
      const execution = this.execution;
      const before = execution.state.history.length;
      this.entered = undefined;
      const stepped = execution.step();
      if (stepped === undefined) return this.finish();
      if (stepped instanceof Promise) {
        await stepped;
        synchronous = 0;
      } else if (++synchronous >= STEPS_BETWEEN_YIELDS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        synchronous = 0;
      }
      if (this.disposed || execution !== this.execution) return;
      const recorded = execution.state.history.slice(before);
      if (recorded.length > 0) this.events.recorded(recorded, execution.state);
      if (execution.done) return this.finish();
      if (this.mode.kind === 'run') continue;
      const stop = await this.decide(recorded);
      if (stop !== undefined) return this.emitStop(stop);
    }
  }

  private async decide(recorded: readonly HistoryEvent[]): Promise<Stop | undefined> {
    const state = this.execution.state;
    const visit = this.entered;
    if (visit !== undefined) this.keepSnapshot();
    const failing = this.newFailure();
    if (failing !== undefined) {
      this.events.failing(failing, state);
      const mode = await this.rules.failing(failing, state);
      if (mode !== undefined) {
        const top = state.frames.at(-1);
        return {
          reason: 'exception',
          description: `${failing.error ?? 'Error'} in ${top?.state ?? 'the execution'}`,
          failure: failing,
          uncaught: mode === 'uncaught',
        };
      }
    }
    if (visit !== undefined) {
      const verdict = await this.rules.entered(visit, state);
      for (const line of verdict.logs) this.events.log(line);
      if (verdict.stopIds.length > 0) {
        return {
          reason: 'breakpoint',
          description: `Breakpoint at ${visit.name}`,
          breakpointIds: verdict.stopIds,
        };
      }
      const depth = visit.path.length;
      switch (this.mode.kind) {
        case 'entry':
          return { reason: 'entry', description: `Stopped at the first state, ${visit.name}` };
        case 'stepIn':
          return { reason: 'step', description: `Stepped into ${visit.name}` };
        case 'next':
          if (depth <= this.mode.depth) return { reason: 'step', description: `Stepped to ${visit.name}` };
          break;
        case 'stepOut':
          if (depth < this.mode.depth) return { reason: 'step', description: `Stepped out to ${visit.name}` };
          break;
        default:
          break;
      }
    }
    if (this.mode.kind === 'stepIn' && this.mode.taskEnteredEventId !== undefined) {
      const top = state.frames.at(-1);
      const outcome = recorded.find((e) => TASK_OUTCOMES.has(e.type));
      if (outcome !== undefined && top?.enteredEventId === this.mode.taskEnteredEventId) {
        return { reason: 'step', description: `${top.state}: ${outcome.type}` };
      }
    }
    return undefined;
  }

  /** The failure the innermost frame holds, when it is one not reported yet (nor its propagation). */
  private newFailure(): Failure | undefined {
    const frames = this.execution.state.frames;
    const top = frames.at(-1);
    const failure = top?.failure;
    if (top === undefined || failure === undefined) return undefined;
    const depth = frames.length - 1;
    const key = `${depth}:${top.enteredEventId}:${top.retryCount}:${failure.error ?? ''}`;
    const last = this.lastFailure;
    if (last !== undefined && last.key === key) return undefined;
    const propagated =
      last !== undefined &&
      depth < last.depth &&
      last.failure.error === failure.error &&
      last.failure.cause === failure.cause;
    this.lastFailure = { depth, failure, key };
    return propagated ? undefined : failure;
  }

  private keepSnapshot(): void {
    if (!this.debugging) return;
    const visit = this.entered;
    if (visit === undefined) return;
    const { history, ...rest } = this.execution.state;
    this.snapshots.push({ historyLength: history.length, visit, rest: copyState(rest) });
    if (this.snapshots.length > MAX_SNAPSHOTS) this.snapshots.shift();
  }

  private emitStop(stop: Stop): void {
    this.running = false;
    this.events.stopped(stop);
  }

  private finish(): void {
    this.running = false;
    const result = this.execution.result;
    if (result !== undefined) this.events.ended(result);
  }
}
