import type { JsonObject } from '../json';
import type { PathEnvironment } from '../dataflow/io';
import type { JsonataScope } from '../jsonata/template';
import type { Frame, VariableScope } from '../state';
import type { JsonValue } from '../json';

/** The item a Map iteration is built from: `$$.Map.Item` in ItemSelector. */
export interface MapItem {
  readonly index: number;
  readonly value: JsonValue;
}
import type { Runtime } from './runtime';
import { currentState } from './runtime';

/** The context object (`$$`) as the frame's current state sees it. */
export function contextObject(rt: Runtime, frame: Frame, mapItem?: MapItem): JsonObject {
  const info = rt.state.info;
  const state = currentState(rt, frame);
  const stateContext: JsonObject = {
    EnteredTime: new Date(frame.enteredTime).toISOString(),
    Name: frame.state,
  };
  if (state.type === 'Task' || state.type === 'Parallel' || state.type === 'Map')
    stateContext['RetryCount'] = frame.retryCount;
  const context: JsonObject = {
    Execution: {
      Id: info.executionArn,
      Input: info.input,
      Name: info.name,
      RoleArn: info.roleArn,
      StartTime: new Date(info.startTime).toISOString(),
      RedriveCount: 0,
    },
    StateMachine: { Id: info.stateMachineArn, Name: info.stateMachineName },
    State: stateContext,
  };
  if (state.type === 'Task' && state.resource.endsWith('.waitForTaskToken')) {
    context['Task'] = { Token: `${info.executionArn}:${frame.state}:${frame.enteredEventId}` };
  }
  if (mapItem !== undefined) context['Map'] = { Item: { Index: mapItem.index, Value: mapItem.value } };
  return context;
}

/** The variables the frame's states read and assign: its branch's or iteration's, or the machine's. */
export function variablesOf(rt: Runtime, frame: Frame): VariableScope {
  return frame.variables ?? rt.state.variables;
}

/** A path environment for the frame: `$$` is built only when a path asks for it. */
export function environmentOf(rt: Runtime, frame: Frame, mapItem?: MapItem): PathEnvironment {
  let context: JsonObject | undefined;
  return {
    context: () => (context ??= contextObject(rt, frame, mapItem)),
    variables: variablesOf(rt, frame).values,
    services: rt,
  };
}

/** What `$states` holds besides the context object; `result` and `errorOutput` only where AWS offers them. */
export interface StatesData {
  readonly input: JsonValue;
  readonly result?: JsonValue;
  readonly errorOutput?: JsonValue;
}

/** The scope a JSONata field of the frame's current state is evaluated in. */
export function jsonataScopeOf(rt: Runtime, frame: Frame, data: StatesData, mapItem?: MapItem): JsonataScope {
  let context: JsonObject | undefined;
  // Fields listed, not spread from `data`: a spread makes objects of many hidden classes.
  return {
    input: data.input,
    result: data.result,
    errorOutput: data.errorOutput,
    context: () => (context ??= contextObject(rt, frame, mapItem)),
    variables: variablesOf(rt, frame).values,
    services: rt,
  };
}
