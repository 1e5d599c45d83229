import type { JsonObject } from '../json';
import type { PathEnvironment } from '../dataflow/io';
import type { Frame } from '../state';
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

/** A path environment for the frame: `$$` is built only when a path asks for it. */
export function environmentOf(rt: Runtime, frame: Frame, mapItem?: MapItem): PathEnvironment {
  let context: JsonObject | undefined;
  return {
    context: () => (context ??= contextObject(rt, frame, mapItem)),
    variables: rt.state.variables,
    services: rt,
  };
}
