import type { Catcher, CompiledState, MapState, ParallelState } from '../definition/types';
import { applyResultPath } from '../dataflow/io';
import type { EventDetails, HistoryEvent } from '../history';
import type { MaybePromise } from '../jsonata/drive';
import type { JsonValue } from '../json';
import type { Failure, Frame } from '../state';
import { commitStaged } from '../variables/assign';
import { emit, STANDARD_HISTORY_QUOTA } from './emit';
import { environmentOf, variablesOf } from './env';
import { errorOutput, findCatcher, planRetry } from './errorHandling';
import { childEnded, endFan, nextChild, prepareMap, prepareParallel, startFan } from './fan';
import { transition } from './frames';
import { catchJsonata, finishJsonataResult, prepareJsonataState } from './jsonataStates';
import { endMapRun, mapRunSucceeded, writesResults, writtenResult } from './resultWriter';
import type { Runtime } from './runtime';
import { currentState, topFrame } from './runtime';
import {
  assignJsonPath,
  finishResult,
  prepareChoice,
  prepareFail,
  preparePass,
  prepareSucceed,
  prepareWait,
} from './simpleStates';
import { requireDepth } from './size';
import { failFrame, failureFrom, NOT_TRUNCATED } from './stateEvents';
import { invokeTask, prepareTask, scheduleTask, startTask } from './task';
import { visitOf } from './visit';

export type Advanced = HistoryEvent | Promise<HistoryEvent> | undefined;

const ENTERED: Record<CompiledState['type'], string> = {
  Pass: 'PassStateEntered',
  Task: 'TaskStateEntered',
  Choice: 'ChoiceStateEntered',
  Wait: 'WaitStateEntered',
  Succeed: 'SucceedStateEntered',
  Fail: 'FailStateEntered',
  Parallel: 'ParallelStateEntered',
  Map: 'MapStateEntered',
};

const EXITED: Record<CompiledState['type'], string> = {
  Pass: 'PassStateExited',
  Task: 'TaskStateExited',
  Choice: 'ChoiceStateExited',
  Wait: 'WaitStateExited',
  Succeed: 'SucceedStateExited',
  Fail: 'FailStateExited',
  Parallel: 'ParallelStateExited',
  Map: 'MapStateExited',
};

/**
 * Advances the execution until it records one event (returned), needs to wait for the world
 * (a promise of that event), or has ended (undefined). Internal moves that record nothing —
 * starting a Parallel branch, a silent distributed iteration — happen inside the loop.
 */
export function advance(rt: Runtime): Advanced {
  for (;;) {
    const state = rt.state;
    if (state.status !== 'RUNNING') return undefined;
    const deadline = state.info.deadline;
    if (deadline !== undefined && rt.clock.now() >= deadline) return timeOut(rt);
    if (state.workflowType === 'STANDARD' && state.history.length >= STANDARD_HISTORY_QUOTA - 1)
      return exceedQuota(rt);
    const frame = topFrame(rt);
    if (frame === undefined) throw new Error('A running execution has no frame.');
    const result = advanceFrame(rt, frame);
    if (result === undefined) continue;
    if (result instanceof Promise) return result;
    if (result.id !== 0) return result;
  }
}

function advanceFrame(rt: Runtime, frame: Frame): Advanced {
  if (frame.phase === 'done') return endScope(rt, frame);
  if (frame.phase === 'evaluationFailed') return evaluationFailed(rt, frame);
  // One lookup per step, handed to the phase: the Map lookup was a tenth of a Task's cost
  // when every phase repeated it.
  const state = currentState(rt, frame);
  switch (frame.phase) {
    case 'enter':
      return enter(rt, frame, state);
    case 'exit':
      return exit(rt, frame, state);
    case 'wait':
      return pause(rt, frame, 'exit');
    case 'schedule': {
      if (frame.resumeAt !== undefined) return pause(rt, frame, 'schedule');
      return state.type === 'Task' ? scheduleTask(rt, frame, state) : undefined;
    }
    case 'start':
      return state.type === 'Task' ? startTask(rt, frame, state) : undefined;
    case 'invoke':
      return state.type === 'Task' ? invokeTask(rt, frame, state) : undefined;
    case 'fanStart': {
      if (frame.resumeAt !== undefined) return pause(rt, frame, 'fanStart');
      return withFan(state, (fan) => guarded(rt, frame, () => startFan(rt, frame, fan)));
    }
    case 'mapRunStart':
      return withFan(state, (fan) => {
        frame.phase = 'fanNext';
        const arn = rt.state.info.stateMachineArn.replace(':stateMachine:', ':mapRun:');
        // AWS names the map run after the Map's Label when it has one (recorded: `…/TestMap:<id>`).
        const label = fan.type === 'Map' ? (fan.label ?? frame.state) : frame.state;
        return emit(rt, frame, 'MapRunStarted', 'mapRunStartedEventDetails', {
          mapRunArn: `${arn}/${label}:${rt.ids.uuid()}`,
        });
      });
    case 'fanNext':
      return withFan(state, (fan) => guarded(rt, frame, () => nextChild(rt, frame, fan)));
    case 'mapRunEnd':
      return withFan(state, (fan) => {
        frame.phase = 'fanEnd';
        if (fan.type === 'Map' && writesResults(fan)) return endMapRun(rt, frame, fan);
        return mapRunSucceeded(rt, frame);
      });
    case 'fanEnd':
      return withFan(state, (fan) => {
        const written = fan.type === 'Map' ? writtenResult(frame, fan) : undefined;
        const event = endFan(rt, frame, fan);
        if (frame.phase !== 'exit') return event;
        return settleOutput(frame, fan, event, () => {
          const results = written ?? frame.output ?? [];
          return fan.queryLanguage === 'JSONata'
            ? finishJsonataResult(rt, frame, fan, results)
            : finishResult(frame, fan, results, environmentOf(rt, frame), variablesOf(rt, frame));
        });
      });
    case 'fail':
      return handleFailure(rt, frame, state, true);
    case 'catch':
      return handleFailure(rt, frame, state, false);
  }
}

/** Runs a fan-out step; a failure (thrown or rejected) fails the state. */
function guarded(rt: Runtime, frame: Frame, action: () => MaybePromise<HistoryEvent | undefined>): Advanced {
  const failed = (thrown: unknown): undefined => {
    failFrame(frame, thrown, 'fail', frame.cursor);
    return undefined;
  };
  try {
    const result = action();
    return result instanceof Promise ? resumeAfter(rt, result.then(undefined, failed)) : result;
  } catch (thrown) {
    return failed(thrown);
  }
}

/**
 * Continues once `pending` settles: its event if it recorded one, or else the next event the
 * execution records (a step that ended silently, e.g. a branch start, records nothing itself).
 */
function resumeAfter(rt: Runtime, pending: Promise<HistoryEvent | undefined>): Promise<HistoryEvent> {
  return pending.then((event) => {
    if (event !== undefined && event.id !== 0) return event;
    const next = advance(rt);
    if (next === undefined) throw new Error('The execution ended without recording an event.');
    return next;
  });
}

/**
 * The state's output, computed after `event` (TaskSucceeded, MapStateSucceeded...) was
 * recorded: the step ends with that event once the output is known, or with the state failed.
 */
function settleOutput(
  frame: Frame,
  state: CompiledState,
  event: HistoryEvent,
  compute: () => MaybePromise<JsonValue>,
): HistoryEvent | Promise<HistoryEvent> {
  const finished = (output: JsonValue): HistoryEvent => {
    requireDepth(output, "The state's output");
    frame.output = output;
    frame.next = state.next;
    return event;
  };
  const failed = (thrown: unknown): HistoryEvent => {
    failFrame(frame, thrown, 'catch', frame.cursor);
    return event;
  };
  try {
    const output = compute();
    return output instanceof Promise ? output.then(finished).then(undefined, failed) : finished(output);
  } catch (thrown) {
    return failed(thrown);
  }
}

/** AWS records a JSONata evaluation error as its own event before the state fails. */
function evaluationFailed(rt: Runtime, frame: Frame): HistoryEvent {
  const pending = frame.evaluationFailed;
  const failure = frame.failure ?? { error: 'States.QueryEvaluationError' };
  frame.evaluationFailed = undefined;
  frame.phase = pending?.then ?? 'fail';
  if (pending !== undefined) frame.cursor = pending.previousEventId;
  const details: EventDetails = {
    cause: failure.cause,
    error: failure.error,
    location: pending?.location,
    state: frame.state,
  };
  return emit(rt, frame, 'EvaluationFailed', 'evaluationFailedEventDetails', details);
}

function withFan(state: CompiledState, action: (state: ParallelState | MapState) => Advanced): Advanced {
  if (state.type !== 'Parallel' && state.type !== 'Map')
    throw new Error(`State '${state.name}' is not a Parallel or Map state.`);
  return action(state);
}

function enter(rt: Runtime, frame: Frame, state: CompiledState): HistoryEvent | Promise<HistoryEvent> {
  frame.enteredTime = rt.clock.now();
  const event = emit(rt, frame, ENTERED[state.type], 'stateEnteredEventDetails', {
    input: frame.input,
    inputDetails: NOT_TRUNCATED,
    name: state.name,
  });
  frame.enteredEventId = event.id;
  rt.observer?.stateEntered?.(visitOf(rt, frame, state, event.id, frame.input));
  if (state.queryLanguage === 'JSONata') return enterJsonata(rt, frame, state, event);
  const env = environmentOf(rt, frame);
  const variables = variablesOf(rt, frame);
  try {
    switch (state.type) {
      case 'Pass':
        preparePass(frame, state, env, variables);
        break;
      case 'Choice':
        prepareChoice(frame, state, env, variables);
        break;
      case 'Wait':
        prepareWait(frame, state, env, frame.enteredTime, variables);
        break;
      case 'Succeed':
        prepareSucceed(frame, state, env);
        break;
      case 'Fail':
        prepareFail(frame, state, env);
        break;
      case 'Task':
        prepareTask(frame, state, env);
        break;
      case 'Parallel':
        prepareParallel(frame, state, env);
        break;
      case 'Map':
        prepareMap(frame, state, env);
        break;
    }
    requirePreparedDepth(frame);
  } catch (thrown) {
    frame.fan = undefined;
    failFrame(frame, thrown, 'fail', frame.cursor);
  }
  return event;
}

/** A JSONata state's preparation, which may have to wait for jsonata: the step ends with `entered`. */
function enterJsonata(
  rt: Runtime,
  frame: Frame,
  state: CompiledState,
  entered: HistoryEvent,
): HistoryEvent | Promise<HistoryEvent> {
  const failed = (thrown: unknown): HistoryEvent => {
    frame.fan = undefined;
    const fans = state.type === 'Map' || state.type === 'Parallel';
    // AWS chains the EvaluationFailed of a field read on entry to the event before the
    // Entered event; a Wait's Seconds/Timestamp, read once the wait begins, to the Entered one.
    const previous = state.type === 'Wait' ? entered.id : entered.previousEventId;
    failFrame(frame, thrown, fans ? 'fanEnd' : 'fail', previous);
    // Errors that are not the evaluator's go to Retry/Catch as on JSONPath states.
    if (frame.phase === 'fanEnd') frame.phase = 'fail';
    return entered;
  };
  const prepared = (): HistoryEvent => {
    requirePreparedDepth(frame);
    return entered;
  };
  try {
    const preparing = prepareJsonataState(rt, frame, state);
    return preparing instanceof Promise ? preparing.then(prepared).then(undefined, failed) : prepared();
  } catch (thrown) {
    return failed(thrown);
  }
}

/**
 * What a state computed on entry (its input after Parameters, its output) stays within
 * MAX_JSON_DEPTH. The frame's input is a value checked before, so it is not walked again.
 */
function requirePreparedDepth(frame: Frame): void {
  const { input, effectiveInput, output } = frame;
  try {
    if (effectiveInput !== undefined && effectiveInput !== input)
      requireDepth(effectiveInput, "The state's input after Parameters");
    if (output !== undefined && output !== input && output !== effectiveInput)
      requireDepth(output, "The state's output");
  } catch (thrown) {
    // The frame is saved after every event: it must not keep the value it cannot hold.
    frame.effectiveInput = undefined;
    frame.output = undefined;
    throw thrown;
  }
}

function exit(rt: Runtime, frame: Frame, state: CompiledState): HistoryEvent {
  const output = frame.output ?? null;
  const assigned = frame.assigned === undefined ? undefined : commitStaged(variablesOf(rt, frame), frame);
  const details: EventDetails =
    assigned === undefined
      ? { name: state.name, output, outputDetails: NOT_TRUNCATED }
      : {
          assignedVariables: assigned,
          assignedVariablesDetails: NOT_TRUNCATED,
          name: state.name,
          output,
          outputDetails: NOT_TRUNCATED,
        };
  const event = emit(rt, frame, EXITED[state.type], 'stateExitedEventDetails', details);
  rt.observer?.stateExited?.(visitOf(rt, frame, state, event.id, output));
  transition(frame, output, frame.next);
  return event;
}

/** Lets time pass until `frame.resumeAt` (or the execution's deadline), then goes to `then`. */
function pause(rt: Runtime, frame: Frame, then: Frame['phase']): Advanced {
  const now = rt.clock.now();
  const resumeAt = frame.resumeAt ?? now;
  const deadline = rt.state.info.deadline;
  const target = deadline === undefined ? resumeAt : Math.min(resumeAt, deadline);
  const resume = (): undefined => {
    if (target >= resumeAt) {
      frame.resumeAt = undefined;
      frame.phase = then;
    }
    return undefined;
  };
  const slept = target > now ? rt.clock.sleep(target - now) : undefined;
  if (slept instanceof Promise) return slept.then(() => advanceAfterPause(rt, resume));
  return resume();
}

function advanceAfterPause(rt: Runtime, resume: () => undefined): Promise<HistoryEvent> {
  resume();
  const next = advance(rt);
  if (next === undefined) return Promise.reject(new Error('The execution ended while waiting.'));
  return Promise.resolve(next);
}

function handleFailure(rt: Runtime, frame: Frame, state: CompiledState, mayRetry: boolean): Advanced {
  const failure = frame.failure ?? { error: 'States.Runtime' };
  if (mayRetry) {
    const delay = planRetry(frame, state, failure, () => rt.random.next());
    if (delay !== undefined) {
      frame.failure = undefined;
      // A JSONata Task keeps the Arguments of its first attempt (they read no retry count).
      if (state.type === 'Task' && state.queryLanguage === 'JSONPath') {
        try {
          prepareTask(frame, state, environmentOf(rt, frame));
        } catch (thrown) {
          frame.failure = failureFrom(thrown, frame);
          frame.phase = 'done';
          return undefined;
        }
      }
      frame.resumeAt = rt.clock.now() + delay;
      frame.phase = state.type === 'Task' ? 'schedule' : 'fanStart';
      return undefined;
    }
    if ((state.type === 'Parallel' || state.type === 'Map') && frame.fan !== undefined) {
      frame.phase = 'fanEnd';
      return undefined;
    }
  }
  const catcher = findCatcher(state, failure);
  if (catcher === undefined) {
    frame.phase = 'done';
    return undefined;
  }
  frame.assigned = undefined;
  const caught = (output: JsonValue): undefined => {
    requireDepth(output, "The catcher's output");
    frame.output = output;
    frame.failure = undefined;
    frame.next = catcher.next;
    frame.phase = 'exit';
    return undefined;
  };
  const failed = (thrown: unknown): undefined => {
    failFrame(frame, thrown, 'done', frame.cursor);
    return undefined;
  };
  try {
    const output = catchOutput(rt, frame, state, catcher, failure);
    if (output instanceof Promise) return resumeAfter(rt, output.then(caught).then(undefined, failed));
    return caught(output);
  } catch (thrown) {
    return failed(thrown);
  }
}

/** What a catcher hands on: Assign and ResultPath (JSONPath) or Assign and Output (JSONata). */
function catchOutput(
  rt: Runtime,
  frame: Frame,
  state: CompiledState,
  catcher: Catcher,
  failure: Failure,
): MaybePromise<JsonValue> {
  const caught = errorOutput(failure);
  if (state.queryLanguage === 'JSONata') return catchJsonata(rt, frame, state, catcher, caught);
  assignJsonPath(frame, state.name, catcher.assign, caught, environmentOf(rt, frame), variablesOf(rt, frame));
  return applyResultPath(catcher.resultPath, frame.input, caught);
}

function endScope(rt: Runtime, frame: Frame): Advanced {
  const state = rt.state;
  state.frames.pop();
  if (frame.kind === 'machine') return endExecution(rt, frame);
  const parent = topFrame(rt);
  if (parent === undefined) throw new Error('A branch or iteration ended without its Parallel or Map state.');
  return childEnded(rt, frame, parent);
}

function endExecution(rt: Runtime, frame: Frame): HistoryEvent {
  const state = rt.state;
  const failure = frame.failure;
  if (failure === undefined) {
    const output: JsonValue = frame.output ?? null;
    state.status = 'SUCCEEDED';
    state.result = { status: 'SUCCEEDED', output };
    return emit(rt, frame, 'ExecutionSucceeded', 'executionSucceededEventDetails', {
      output,
      outputDetails: NOT_TRUNCATED,
    });
  }
  state.status = 'FAILED';
  // AWS leaves an empty cause (a service task's timeout) out of the event and the result.
  const cause = failure.cause === '' ? undefined : failure.cause;
  state.result = {
    status: 'FAILED',
    ...(failure.error === undefined ? {} : { error: failure.error }),
    ...(cause === undefined ? {} : { cause }),
  };
  return emit(rt, frame, 'ExecutionFailed', 'executionFailedEventDetails', { cause, error: failure.error });
}

function timeOut(rt: Runtime): HistoryEvent {
  const state = rt.state;
  const last = state.frames[state.frames.length - 1];
  state.frames.length = 0;
  state.status = 'TIMED_OUT';
  state.result = { status: 'TIMED_OUT', error: 'States.Timeout' };
  return emit(rt, last, 'ExecutionTimedOut', 'executionTimedOutEventDetails', { error: 'States.Timeout' });
}

/** STANDARD executions fail when the next event would pass the history quota. */
function exceedQuota(rt: Runtime): HistoryEvent {
  const state = rt.state;
  const last = state.frames[state.frames.length - 1];
  state.frames.length = 0;
  state.status = 'FAILED';
  const cause = `The execution reached the maximum number of history events (${STANDARD_HISTORY_QUOTA}).`;
  state.result = { status: 'FAILED', error: 'States.Runtime', cause };
  return emit(rt, last, 'ExecutionFailed', 'executionFailedEventDetails', { cause, error: 'States.Runtime' });
}
