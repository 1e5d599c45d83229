import type {
  ChoiceState,
  DynamicField,
  FailState,
  MapState,
  ParallelState,
  PassState,
  SucceedState,
  TaskState,
  WaitState,
} from '../definition/types';
import { fail } from '../errors';
import {
  applyInputPath,
  applyOutputPath,
  applyPayload,
  applyResultPath,
  lookupPath,
  noResultsFor,
} from '../dataflow/io';
import type { PathEnvironment } from '../dataflow/io';
import { evaluateCondition } from '../choice/evaluate';
import { parseTimestamp } from '../choice/timestamp';
import type { JsonValue } from '../json';
import type { Frame, VariableScope } from '../state';
import type { AssignBlock } from '../definition/types';
import { evaluateJsonPathAssign, stageAssignment } from '../variables/assign';

/**
 * What Pass, Choice, Wait, Succeed and Fail do right after they are entered (JSONPath states;
 * JSONata states are in jsonataStates.ts). Each sets the frame up for its next event; path
 * failures throw and the caller turns them into a failure.
 */

/** Assign of a JSONPath state: `$` is the state's result (its effective input if it has none). */
export function assignJsonPath(
  frame: Frame,
  stateName: string,
  block: AssignBlock | undefined,
  data: JsonValue,
  env: PathEnvironment,
  variables: VariableScope,
): void {
  if (block === undefined) return;
  stageAssignment(variables, frame, stateName, evaluateJsonPathAssign(block, data, env));
}

/**
 * Assign → ResultSelector → ResultPath → OutputPath on the result of a Task, Parallel or Map;
 * throws on path failures.
 */
export function finishResult(
  frame: Frame,
  state: TaskState | ParallelState | MapState,
  result: JsonValue,
  env: PathEnvironment,
  variables: VariableScope,
): JsonValue {
  assignJsonPath(frame, state.name, state.assign, result, env, variables);
  const selected =
    state.resultSelector === undefined ? result : applyPayload(state.resultSelector, result, env);
  const combined = applyResultPath(state.resultPath, frame.input, selected);
  return applyOutputPath(state.outputPath, combined, env);
}

export function preparePass(
  frame: Frame,
  state: PassState,
  env: PathEnvironment,
  variables: VariableScope,
): void {
  const effective = applyInputPath(state.inputPath, frame.input, env);
  let result: JsonValue;
  if (state.resultTooLarge) {
    fail(
      'States.DataLimitExceeded',
      `The state/task '${state.name}' returned a result with a size exceeding the maximum number of bytes service limit.`,
    );
  }
  if (state.hasResult) result = state.result ?? null;
  else if (state.parameters !== undefined) result = applyPayload(state.parameters, effective, env);
  else result = effective;
  assignJsonPath(frame, state.name, state.assign, result, env, variables);
  const combined = applyResultPath(state.resultPath, frame.input, result);
  frame.output = applyOutputPath(state.outputPath, combined, env);
  frame.next = state.next;
  frame.phase = 'exit';
}

export function prepareChoice(
  frame: Frame,
  state: ChoiceState,
  env: PathEnvironment,
  variables: VariableScope,
): void {
  const effective = applyInputPath(state.inputPath, frame.input, env);
  let next = state.defaultNext;
  // The rule taken assigns its own block; the state's block goes with the Default.
  let assign = state.assign;
  for (const rule of state.choices) {
    if (evaluateCondition(rule.condition, effective, env)) {
      next = rule.next;
      assign = rule.assign;
      break;
    }
  }
  if (next === undefined) {
    fail('States.NoChoiceMatched', `No Matches! No Choice rule matched and no Default was set.`);
  }
  assignJsonPath(frame, state.name, assign, effective, env, variables);
  frame.output = applyOutputPath(state.outputPath, effective, env);
  frame.next = next;
  frame.phase = 'exit';
}

export function prepareSucceed(frame: Frame, state: SucceedState, env: PathEnvironment): void {
  const effective = applyInputPath(state.inputPath, frame.input, env);
  frame.output = applyOutputPath(state.outputPath, effective, env);
  frame.next = undefined;
  frame.phase = 'exit';
}

export function prepareFail(frame: Frame, state: FailState, env: PathEnvironment): void {
  const error = state.errorPath === undefined ? state.error : failField(state.errorPath, frame.input, env);
  const cause = state.causePath === undefined ? state.cause : failField(state.causePath, frame.input, env);
  frame.failure = {
    ...(error === undefined ? {} : { error }),
    ...(cause === undefined ? {} : { cause }),
  };
  frame.phase = 'done';
}

function failField(dynamic: DynamicField, input: JsonValue, env: PathEnvironment): string {
  const value = applyPayload(dynamic.payload, input, env);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Longest delay a Wait state accepts (AWS stores it as a signed 32-bit count of seconds). */
export const MAX_WAIT_SECONDS = 2_147_483_647;

export function prepareWait(
  frame: Frame,
  state: WaitState,
  env: PathEnvironment,
  now: number,
  variables: VariableScope,
): void {
  const effective = applyInputPath(state.inputPath, frame.input, env);
  let until: number;
  const wait = state.wait;
  switch (wait.kind) {
    case 'seconds':
      until = now + wait.seconds * 1000;
      break;
    case 'secondsPath': {
      const value = lookupPath(wait.path, effective, env);
      if (!value.found) return noResultsFor(wait.path);
      const seconds = value.value;
      const shown = `${wait.path.source} == ${JSON.stringify(seconds)}`;
      if (typeof seconds !== 'number' || !Number.isInteger(seconds)) {
        return fail('States.Runtime', `The SecondsPath parameter cannot be parsed as a long value: ${shown}`);
      }
      if (seconds < 0)
        return fail('States.Runtime', `The SecondsPath parameter references a negative value: ${shown}`);
      until = now + seconds * 1000;
      break;
    }
    case 'timestamp':
      until = parseTimestamp(wait.timestamp) ?? now;
      break;
    case 'timestampPath': {
      const value = lookupPath(wait.path, effective, env);
      if (!value.found) return noResultsFor(wait.path);
      const text = value.value;
      const parsed = typeof text === 'string' ? parseTimestamp(text) : undefined;
      if (parsed === undefined) {
        const shown = typeof text === 'string' ? text : JSON.stringify(text);
        return fail(
          'States.Runtime',
          `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${wait.path.source} == ${shown}`,
        );
      }
      until = parsed;
      break;
    }
    default:
      // secondsExpression / timestampExpression belong to JSONata states (jsonataStates.ts).
      until = now;
  }
  if ((until - now) / 1000 > MAX_WAIT_SECONDS) fail('States.Runtime', 'Wait state delay is too long.');
  assignJsonPath(frame, state.name, state.assign, effective, env, variables);
  frame.resumeAt = until;
  frame.output = applyOutputPath(state.outputPath, effective, env);
  frame.next = state.next;
  frame.phase = 'wait';
}
