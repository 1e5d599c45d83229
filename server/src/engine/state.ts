import type { HistoryEvent } from './history';
import type { JsonValue } from './json';

/**
 * Everything an execution knows, as plain JSON-serializable data: `JSON.parse(JSON.stringify(state))`
 * resumes to the same result. The interpreter keeps no other state between steps (no closures,
 * no pending promises), which is what persistence, resume and the debugger build on.
 */
export interface ExecutionState {
  readonly format: typeof EXECUTION_STATE_FORMAT;
  status: ExecutionStatus;
  readonly workflowType: WorkflowType;
  readonly info: ExecutionInfo;
  readonly history: HistoryEvent[];
  /** Innermost scope last: the machine, then Parallel branches and Map iterations being run. */
  readonly frames: Frame[];
  /** How many times each Task state has been invoked (mock files index responses by it). */
  readonly invocations: { [stateName: string]: number };
  /** The machine's workflow variables (its top-level states' scope); kept after the end. */
  readonly variables: VariableScope;
  /** Set when the execution has ended. */
  result: ExecutionResult | undefined;
}

export const EXECUTION_STATE_FORMAT = 'stepwise.execution/2';

/** When the execution's last event was recorded (its start before any): where a clock resumes. */
export function lastTimestamp(state: ExecutionState): number {
  return state.history.at(-1)?.timestamp ?? state.info.startTime;
}

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
export type WorkflowType = 'STANDARD' | 'EXPRESS';

export interface ExecutionInfo {
  readonly executionArn: string;
  readonly name: string;
  readonly stateMachineArn: string;
  readonly stateMachineName: string;
  readonly roleArn: string;
  /** Epoch milliseconds. */
  readonly startTime: number;
  readonly input: JsonValue;
  /** When the execution times out (epoch ms), from the definition's TimeoutSeconds or the EXPRESS limit. */
  readonly deadline: number | undefined;
  /** The error reported at the deadline: States.Timeout for TimeoutSeconds. */
  readonly deadlineKind: 'definition' | 'express' | undefined;
}

export interface ExecutionResult {
  readonly status: Exclude<ExecutionStatus, 'RUNNING'>;
  readonly output?: JsonValue;
  readonly error?: string;
  readonly cause?: string;
}

/**
 * One scope's workflow variables. `values` holds every variable the scope can read, those of
 * enclosing scopes included; it is replaced, never changed in place, in a branch or iteration,
 * because it may be the very object its parent scope holds.
 */
export interface VariableScope {
  values: { [name: string]: JsonValue };
  /** Names this scope assigned itself; in a branch or iteration, the others are read-only. */
  readonly own: string[];
  /** UTF-8 bytes of `values` as JSON (the 10 MiB limit). */
  bytes: number;
  /** A Parallel branch's or Map iteration's scope (not the machine's). */
  readonly inner: boolean;
}

/** What a frame is running: the machine's top scope, one Parallel branch or one Map iteration. */
export type FrameKind = 'machine' | 'branch' | 'iteration';

/**
 * One running scope. Its `phase` says which event the next step emits for the current state;
 * the fields after it hold what the state has computed so far.
 */
export interface Frame {
  readonly kind: FrameKind;
  /** Compiled scope id. */
  readonly scope: number;
  /** Branch index or iteration index (0 for the machine). */
  readonly index: number;
  /** Distributed Map iterations run as child executions: their events stay out of this history. */
  readonly silent: boolean;
  /** `$$.Map.Item` for iterations. */
  readonly mapItem: { readonly index: number; readonly value: JsonValue } | undefined;
  /** The event the next event of this frame follows (previousEventId). */
  cursor: number;
  state: string;
  phase: Phase;
  /** The current state's input as it entered. */
  input: JsonValue;
  enteredEventId: number;
  enteredTime: number;
  /** Attempts made so far per retrier of the current state. */
  retryAttempts: number[];
  /** Total retries of the current state ($$.State.RetryCount). */
  retryCount: number;
  /** The input after InputPath and Parameters (Task, Parallel, Map). */
  effectiveInput: JsonValue | undefined;
  /** The state's output, once computed, until the Exited event carries it. */
  output: JsonValue | undefined;
  /** Where to go after the Exited event; undefined ends the scope. */
  next: string | undefined;
  /** The error the state is failing with, before Retry/Catch decide. */
  failure: Failure | undefined;
  /** Epoch ms before which the next attempt must not start (Retry intervals, Wait). */
  resumeAt: number | undefined;
  /** Task timeouts resolved at entry (seconds). */
  timeoutSeconds: number | undefined;
  heartbeatSeconds: number | undefined;
  /** Parallel and Map progress. */
  fan: FanOut | undefined;
  /** The branch's or iteration's variables; undefined in the machine's frame (ExecutionState.variables). */
  readonly variables: VariableScope | undefined;
  /** What the current state's Assign produced: shown when it exits, visible from the next state on. */
  assigned: { readonly values: { [name: string]: JsonValue }; readonly bytes: number } | undefined;
  /** A JSONata evaluation failed: the EvaluationFailed event to record before the failure is handled. */
  evaluationFailed: EvaluationFailure | undefined;
}

export interface EvaluationFailure {
  /** The field, e.g. "Output/result"; absent when the error belongs to no single field. */
  readonly location: string | undefined;
  /** The event the EvaluationFailed event follows (AWS chains it as the state's Entered event). */
  readonly previousEventId: number;
  /** Where the failure goes once the event is recorded. */
  readonly then: 'fail' | 'catch' | 'done' | 'fanEnd';
}

export type Phase =
  /** Emit `<Type>StateEntered`. */
  | 'enter'
  /** Task: emit TaskScheduled / LambdaFunctionScheduled (after any retry interval). */
  | 'schedule'
  /** Task: emit TaskStarted / LambdaFunctionStarted. */
  | 'start'
  /** Task: call the runner and emit its outcome. */
  | 'invoke'
  /** Wait: let the time pass, then exit. */
  | 'wait'
  /** Parallel/Map: emit ParallelStateStarted / MapStateStarted. */
  | 'fanStart'
  /** Distributed Map: emit MapRunStarted. */
  | 'mapRunStart'
  /** Parallel/Map: start the next branch or iteration, or finish. */
  | 'fanNext'
  /** Distributed Map: emit MapRunSucceeded / MapRunFailed. */
  | 'mapRunEnd'
  /** Parallel/Map: emit the Succeeded/Failed event of the whole state. */
  | 'fanEnd'
  /** Emit `<Type>StateExited` and move on. */
  | 'exit'
  /** A JSONata expression failed: emit EvaluationFailed, then handle the failure. */
  | 'evaluationFailed'
  /** The state failed: Retry, Catch, or end the scope with the error. */
  | 'fail'
  /** The state failed and Retry does not apply (any more): Catch, or end the scope. */
  | 'catch'
  /** The scope ended (End, Succeed, Fail): hand the result to the parent. */
  | 'done';

export interface FanOut {
  /** Map: the items (after ItemsPath/ItemReader/batching); Parallel: one null per branch. */
  readonly items: JsonValue[];
  next: number;
  readonly results: JsonValue[];
  failures: number;
  /** Map limits resolved at start. */
  readonly toleratedFailureCount: number | undefined;
  readonly toleratedFailurePercentage: number | undefined;
  /** The first failure seen, reported when the state fails. */
  failure: Failure | undefined;
  /** The event the state's Succeeded event follows (the last iteration's end, or MapRunSucceeded). */
  settled: number;
}

/** An error a state fails with: the name Retry/Catch match, and the cause when there is one. */
export interface Failure {
  /** Absent only for a Fail state without Error. */
  readonly error?: string;
  readonly cause?: string;
}
