import type { TaskState } from '../definition/types';
import { fail } from '../errors';
import { applyInputPath, applyPayload, lookupPath, noResultsFor } from '../dataflow/io';
import type { PathEnvironment } from '../dataflow/io';
import type { PathRef } from '../dataflow/refs';
import type { HistoryEvent } from '../history';
import { DEPTH_LIMIT_TEXT, nestsTooDeep, type JsonObject, type JsonValue } from '../json';
import type { TaskOutcome, TaskRequest } from '../ports';
import type { Frame, Phase } from '../state';
import { emit } from './emit';
import { contextObject, environmentOf, variablesOf } from './env';
import { finishJsonataResult } from './jsonataStates';
import { finishResult } from './simpleStates';
import { failFrame, NOT_TRUNCATED } from './stateEvents';
import type { Runtime } from './runtime';
import type { TaskResourceInfo } from './taskEvents';
import { exceedsPayloadLimit, requireDepth } from './size';

/** Task (JSONPath): InputPath → Parameters and the timeouts, right after the state is entered. */
export function prepareTask(frame: Frame, state: TaskState, env: PathEnvironment): void {
  const effective = applyInputPath(state.inputPath, frame.input, env);
  frame.effectiveInput =
    state.parameters === undefined ? effective : applyPayload(state.parameters, effective, env);
  frame.timeoutSeconds =
    state.timeoutSecondsPath === undefined
      ? state.timeoutSeconds
      : readSeconds(state.timeoutSecondsPath, effective, env);
  frame.heartbeatSeconds =
    state.heartbeatSecondsPath === undefined
      ? state.heartbeatSeconds
      : readSeconds(state.heartbeatSecondsPath, effective, env);
  frame.phase = 'schedule';
}

function readSeconds(path: PathRef, data: JsonValue, env: PathEnvironment): number {
  const found = lookupPath(path, data, env);
  if (!found.found) return noResultsFor(path);
  const value = found.value;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    return fail(
      'States.Runtime',
      `The value of '${path.source}' must be a positive integer number of seconds: ${JSON.stringify(value)}`,
    );
  }
  return value;
}

export function scheduleTask(rt: Runtime, frame: Frame, state: TaskState): HistoryEvent {
  const info = state.resourceInfo;
  const input = frame.effectiveInput ?? null;
  frame.phase = 'start';
  if (info.legacyLambda) {
    return emit(rt, frame, 'LambdaFunctionScheduled', 'lambdaFunctionScheduledEventDetails', {
      input,
      inputDetails: NOT_TRUNCATED,
      resource: state.resource,
      timeoutInSeconds: frame.timeoutSeconds,
    });
  }
  return emit(rt, frame, 'TaskScheduled', 'taskScheduledEventDetails', {
    parameters: input,
    region: info.region,
    resource: info.resource,
    resourceType: info.resourceType,
    timeoutInSeconds: frame.timeoutSeconds,
    heartbeatInSeconds: frame.heartbeatSeconds,
  });
}

export function startTask(rt: Runtime, frame: Frame, state: TaskState): HistoryEvent {
  const info = state.resourceInfo;
  frame.phase = 'invoke';
  if (info.legacyLambda) return emit(rt, frame, 'LambdaFunctionStarted');
  return emit(rt, frame, 'TaskStarted', 'taskStartedEventDetails', {
    resource: info.resource,
    resourceType: info.resourceType,
  });
}

/**
 * Calls the runner (the one await of a plain run) and records what came back. The returned
 * event settles once the state's output is known (a JSONata Output may need to be awaited).
 */
export function invokeTask(
  rt: Runtime,
  frame: Frame,
  state: TaskState,
): HistoryEvent | Promise<HistoryEvent> {
  const runner = rt.taskRunner;
  const invocation = rt.state.invocations[state.name] ?? 0;
  rt.state.invocations[state.name] = invocation + 1;
  if (runner === undefined) {
    return settle(
      rt,
      frame,
      state,
      {
        kind: 'unavailable',
        message: `Task state '${state.name}' has nothing to run it: give a handlers file (--handlers) or a mocks file (--mocks with --test-case).`,
      },
      0,
    );
  }
  const started = rt.clock.now();
  const request = new Request(rt, frame, state, invocation);
  keptAlive.request = request;
  const outcome = runner.run(request);
  if (outcome instanceof Promise)
    return outcome.then((settled) => settle(rt, frame, state, settled, started));
  return settle(rt, frame, state, outcome, started);
}

/**
 * The latest request, kept only so that one instance of Request is always alive. V8 holds the
 * hidden class of class instances weakly: when a full garbage collection finds no Request, the
 * class goes, and every function optimized against it (the Task path, the runners) is thrown
 * back to unoptimized code, then optimized again. Between executions that happened after every
 * full collection and doubled the cost of a Task (1,000 Tasks: ~1.0 ms → ~2 ms).
 */
const keptAlive: { request: Request | undefined } = { request: undefined };

/**
 * What the runner is asked. The context object is built when a runner reads it, which few do:
 * its two ISO dates were a quarter of the engine's cost per Task with a local handler. A class
 * rather than an object literal with a getter, which V8 creates through a runtime call
 * (~0.5 µs, half of what a whole Task costs the engine now).
 */
class Request implements TaskRequest {
  readonly stateName: string;
  readonly resource: string;
  readonly input: JsonValue;
  readonly timeoutSeconds: number | undefined;
  readonly heartbeatSeconds: number | undefined;
  private built: JsonObject | undefined = undefined;

  constructor(
    private readonly rt: Runtime,
    private readonly frame: Frame,
    state: TaskState,
    readonly invocation: number,
  ) {
    this.stateName = state.name;
    this.resource = state.resource;
    this.input = frame.effectiveInput ?? null;
    this.timeoutSeconds = frame.timeoutSeconds;
    this.heartbeatSeconds = frame.heartbeatSeconds;
  }

  get context(): JsonObject {
    return (this.built ??= contextObject(this.rt, this.frame));
  }
}

function settle(
  rt: Runtime,
  frame: Frame,
  state: TaskState,
  outcome: TaskOutcome,
  started: number,
): HistoryEvent | Promise<HistoryEvent> {
  const info = state.resourceInfo;
  const elapsed = rt.clock.now() - started;
  if (outcome.kind === 'unavailable')
    return failTask(rt, frame, info, { error: 'States.Runtime', cause: outcome.message }, 'done', false);
  if (frame.timeoutSeconds !== undefined && elapsed > frame.timeoutSeconds * 1000) {
    // Service integrations report an empty cause; legacy Lambda ARNs none.
    const failure = info.legacyLambda ? { error: 'States.Timeout' } : { error: 'States.Timeout', cause: '' };
    return failTask(rt, frame, info, failure, 'fail', true);
  }
  if (frame.heartbeatSeconds !== undefined && elapsed > frame.heartbeatSeconds * 1000)
    return failTask(rt, frame, info, { error: 'States.HeartbeatTimeout' }, 'fail', true);
  if (outcome.kind === 'failed') {
    const failure =
      outcome.cause === undefined ? { error: outcome.error } : { error: outcome.error, cause: outcome.cause };
    return failTask(rt, frame, info, failure, 'fail', false);
  }
  const output = outcome.output;
  // Before the size walk, which recurses: a result past MAX_JSON_DEPTH would exhaust the stack.
  if (nestsTooDeep(output)) {
    const cause = `The state/task '${state.name}' returned a result nested ${DEPTH_LIMIT_TEXT}, more than this engine holds.`;
    return failTask(rt, frame, info, { error: 'States.Runtime', cause }, 'fail', false);
  }
  if (exceedsPayloadLimit(output)) {
    const who = info.legacyLambda ? state.resource : state.name;
    const cause = `The state/task '${who}' returned a result with a size exceeding the maximum number of bytes service limit.`;
    return failTask(rt, frame, info, { error: 'States.DataLimitExceeded', cause }, 'fail', false);
  }
  const event = info.legacyLambda
    ? emit(rt, frame, 'LambdaFunctionSucceeded', 'lambdaFunctionSucceededEventDetails', {
        output,
        outputDetails: NOT_TRUNCATED,
      })
    : emit(rt, frame, 'TaskSucceeded', 'taskSucceededEventDetails', {
        output,
        outputDetails: NOT_TRUNCATED,
        resource: info.resource,
        resourceType: info.resourceType,
      });
  if (state.queryLanguage === 'JSONata') return settleJsonata(rt, frame, state, output, event);
  try {
    finished(
      frame,
      state,
      finishResult(frame, state, output, environmentOf(rt, frame), variablesOf(rt, frame)),
    );
  } catch (thrown) {
    failFrame(frame, thrown, 'fail', frame.cursor);
  }
  return event;
}

/** The Task's output is known: the next event exits the state. */
function finished(frame: Frame, state: TaskState, output: JsonValue): void {
  requireDepth(output, "The state's output");
  frame.output = output;
  frame.next = state.next;
  frame.phase = 'exit';
}

/** A JSONata Task's Output and Assign, which may have to wait for jsonata. */
function settleJsonata(
  rt: Runtime,
  frame: Frame,
  state: TaskState,
  result: JsonValue,
  event: HistoryEvent,
): HistoryEvent | Promise<HistoryEvent> {
  const failed = (thrown: unknown): HistoryEvent => {
    failFrame(frame, thrown, 'fail', frame.cursor);
    return event;
  };
  const done = (output: JsonValue): HistoryEvent => {
    finished(frame, state, output);
    return event;
  };
  try {
    const pending = finishJsonataResult(rt, frame, state, result);
    return pending instanceof Promise ? pending.then(done).then(undefined, failed) : done(pending);
  } catch (thrown) {
    return failed(thrown);
  }
}

/**
 * Fails the Task with `failure` and records TaskFailed or TaskTimedOut (LambdaFunction* for a
 * legacy Lambda ARN). A timed-out event carries no cause, whatever the failure's.
 */
function failTask(
  rt: Runtime,
  frame: Frame,
  info: TaskResourceInfo,
  failure: { readonly error: string; readonly cause?: string },
  phase: Phase,
  timedOut: boolean,
): HistoryEvent {
  frame.failure = failure;
  frame.phase = phase;
  return failedEvent(rt, frame, info, failure.error, timedOut ? undefined : failure.cause, timedOut);
}

function failedEvent(
  rt: Runtime,
  frame: Frame,
  info: TaskResourceInfo,
  error: string,
  cause: string | undefined,
  timedOut: boolean,
): HistoryEvent {
  const suffix = timedOut ? 'TimedOut' : 'Failed';
  if (info.legacyLambda) {
    return emit(rt, frame, `LambdaFunction${suffix}`, `lambdaFunction${suffix}EventDetails`, {
      cause,
      error,
    });
  }
  return emit(rt, frame, `Task${suffix}`, `task${suffix}EventDetails`, {
    cause,
    error,
    resource: info.resource,
    resourceType: info.resourceType,
  });
}
