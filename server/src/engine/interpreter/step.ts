import type { CompiledState, MapState, ParallelState } from '../definition/types';
import { applyResultPath } from '../dataflow/io';
import type { HistoryEvent } from '../history';
import type { JsonValue } from '../json';
import type { Frame } from '../state';
import { emit, STANDARD_HISTORY_QUOTA } from './emit';
import { environmentOf } from './env';
import { errorOutput, findCatcher, planRetry } from './errorHandling';
import { childEnded, endFan, finishFan, nextChild, prepareMap, prepareParallel, startFan } from './fan';
import { transition } from './frames';
import type { Runtime } from './runtime';
import { currentState, topFrame } from './runtime';
import { prepareChoice, prepareFail, preparePass, prepareSucceed, prepareWait } from './simpleStates';
import { failureFrom, NOT_TRUNCATED } from './stateEvents';
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
  switch (frame.phase) {
    case 'enter':
      return enter(rt, frame);
    case 'exit':
      return exit(rt, frame);
    case 'wait':
      return pause(rt, frame, 'exit');
    case 'schedule': {
      if (frame.resumeAt !== undefined) return pause(rt, frame, 'schedule');
      const state = currentState(rt, frame);
      return state.type === 'Task' ? scheduleTask(rt, frame, state) : undefined;
    }
    case 'start': {
      const state = currentState(rt, frame);
      return state.type === 'Task' ? startTask(rt, frame, state) : undefined;
    }
    case 'invoke': {
      const state = currentState(rt, frame);
      return state.type === 'Task' ? invokeTask(rt, frame, state) : undefined;
    }
    case 'fanStart': {
      if (frame.resumeAt !== undefined) return pause(rt, frame, 'fanStart');
      return withFan(rt, frame, (state) => guarded(frame, () => startFan(rt, frame, state)));
    }
    case 'mapRunStart':
      return withFan(rt, frame, () => {
        frame.phase = 'fanNext';
        const arn = rt.state.info.stateMachineArn.replace(':stateMachine:', ':mapRun:');
        return emit(rt, frame, 'MapRunStarted', 'mapRunStartedEventDetails', {
          mapRunArn: `${arn}/${frame.state}:${frame.enteredEventId}`,
        });
      });
    case 'fanNext':
      return withFan(rt, frame, (state) => guarded(frame, () => nextChild(rt, frame, state)));
    case 'mapRunEnd':
      return withFan(rt, frame, () => {
        frame.phase = 'fanEnd';
        const event = emit(rt, frame, 'MapRunSucceeded');
        if (frame.fan !== undefined) frame.fan.settled = event.id;
        return event;
      });
    case 'fanEnd':
      return withFan(rt, frame, (state) => {
        const event = endFan(rt, frame, state);
        if (frame.phase === 'exit') {
          try {
            frame.output = finishFan(frame, state, frame.output ?? [], environmentOf(rt, frame));
            frame.next = state.next;
          } catch (thrown) {
            frame.failure = failureFrom(thrown, frame);
            frame.phase = 'catch';
          }
        }
        return event;
      });
    case 'fail':
      return handleFailure(rt, frame, true);
    case 'catch':
      return handleFailure(rt, frame, false);
    case 'done':
      return endScope(rt, frame);
  }
}

function guarded(frame: Frame, action: () => Advanced): Advanced {
  try {
    return action();
  } catch (thrown) {
    frame.failure = failureFrom(thrown, frame);
    frame.phase = 'fail';
    return undefined;
  }
}

function withFan(rt: Runtime, frame: Frame, action: (state: ParallelState | MapState) => Advanced): Advanced {
  const state = currentState(rt, frame);
  if (state.type !== 'Parallel' && state.type !== 'Map')
    throw new Error(`State '${state.name}' is not a Parallel or Map state.`);
  return action(state);
}

function enter(rt: Runtime, frame: Frame): HistoryEvent {
  const state = currentState(rt, frame);
  frame.enteredTime = rt.clock.now();
  const event = emit(rt, frame, ENTERED[state.type], 'stateEnteredEventDetails', {
    input: frame.input,
    inputDetails: NOT_TRUNCATED,
    name: state.name,
  });
  frame.enteredEventId = event.id;
  rt.observer?.stateEntered?.(visitOf(rt, frame, state, event.id, frame.input));
  const env = environmentOf(rt, frame);
  try {
    switch (state.type) {
      case 'Pass':
        preparePass(frame, state, env);
        break;
      case 'Choice':
        prepareChoice(frame, state, env);
        break;
      case 'Wait':
        prepareWait(frame, state, env, frame.enteredTime);
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
  } catch (thrown) {
    frame.failure = failureFrom(thrown, frame);
    frame.fan = undefined;
    frame.phase = 'fail';
  }
  return event;
}

function exit(rt: Runtime, frame: Frame): HistoryEvent {
  const state = currentState(rt, frame);
  const output = frame.output ?? null;
  const event = emit(rt, frame, EXITED[state.type], 'stateExitedEventDetails', {
    name: state.name,
    output,
    outputDetails: NOT_TRUNCATED,
  });
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

function handleFailure(rt: Runtime, frame: Frame, mayRetry: boolean): Advanced {
  const state = currentState(rt, frame);
  const failure = frame.failure ?? { error: 'States.Runtime' };
  if (mayRetry) {
    const delay = planRetry(frame, state, failure, () => rt.random.next());
    if (delay !== undefined) {
      frame.failure = undefined;
      if (state.type === 'Task') {
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
  try {
    frame.output = applyResultPath(catcher.resultPath, frame.input, errorOutput(failure));
    frame.failure = undefined;
    frame.next = catcher.next;
    frame.phase = 'exit';
  } catch (thrown) {
    frame.failure = failureFrom(thrown, frame);
    frame.phase = 'done';
  }
  return undefined;
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
