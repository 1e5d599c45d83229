import type {
  AssignBlock,
  Catcher,
  ChoiceState,
  CompiledState,
  FailState,
  MapState,
  ParallelState,
  PassState,
  SucceedState,
  TaskState,
  WaitState,
} from '../definition/types';
import { fail } from '../errors';
import { parseTimestamp } from '../choice/timestamp';
import type { Computation, MaybePromise } from '../jsonata/drive';
import { drive } from '../jsonata/drive';
import { QueryEvaluationFailure, unexpectedResult } from '../jsonata/errors';
import { evaluateTemplate, expectType } from '../jsonata/template';
import type { JsonataScope, JsonataTemplate } from '../jsonata/template';
import type { JsonValue } from '../json';
import type { Frame } from '../state';
import { asObject, evaluateJsonataAssign, stageAssignment } from '../variables/assign';
import { jsonataScopeOf, variablesOf } from './env';
import type { MapItem, StatesData } from './env';
import { freshFan } from './fan';
import type { Runtime } from './runtime';
import { MAX_WAIT_SECONDS } from './simpleStates';

/**
 * The data flow of JSONata states, as AWS documents it: `$states.input` is the state's input,
 * Arguments build a Task's or Parallel's input, `$states.result` is what the work returned,
 * Output shapes the output (by default the result, or the input for states without one), and
 * Assign is evaluated with the same `$states` as Output. Each piece is a generator that
 * yields the values of its expressions: it runs synchronously while every value is at hand
 * and continues asynchronously only when jsonata has to evaluate.
 */

type Step<R = void> = Computation<JsonValue, R>;

/** Right after a JSONata state is entered: what the JSONPath `prepare*` functions do. */
export function prepareJsonataState(rt: Runtime, frame: Frame, state: CompiledState): MaybePromise<void> {
  switch (state.type) {
    case 'Pass':
      return drive(pass(rt, frame, state));
    case 'Choice':
      return drive(choice(rt, frame, state));
    case 'Wait':
      return drive(wait(rt, frame, state));
    case 'Succeed':
      return drive(succeed(rt, frame, state));
    case 'Fail':
      return drive(failState(rt, frame, state));
    case 'Task':
      return drive(taskInput(rt, frame, state));
    case 'Parallel':
      return drive(parallelInput(rt, frame, state));
    case 'Map':
      return drive(mapInput(rt, frame, state));
  }
}

function scopeOf(rt: Runtime, frame: Frame, data: StatesData, mapItem?: MapItem): JsonataScope {
  return jsonataScopeOf(rt, frame, data, mapItem);
}

/** Evaluates and stages the Assign block (with the same scope Output uses). */
function* assign(
  rt: Runtime,
  frame: Frame,
  stateName: string,
  block: AssignBlock | undefined,
  scope: JsonataScope,
): Step {
  if (block === undefined) return;
  const values = yield evaluateJsonataAssign(block, scope);
  stageAssignment(variablesOf(rt, frame), frame, stateName, asObject(values));
}

/** Assign, then Output (or `fallback` when the state has none). */
function* finish(
  rt: Runtime,
  frame: Frame,
  stateName: string,
  block: AssignBlock | undefined,
  output: JsonataTemplate | undefined,
  fallback: JsonValue,
  scope: JsonataScope,
): Step<JsonValue> {
  yield* assign(rt, frame, stateName, block, scope);
  return output === undefined ? fallback : yield evaluateTemplate(output, scope);
}

function* pass(rt: Runtime, frame: Frame, state: PassState): Step {
  const scope = scopeOf(rt, frame, { input: frame.input });
  frame.output = yield* finish(rt, frame, state.name, state.assign, state.output, frame.input, scope);
  frame.next = state.next;
  frame.phase = 'exit';
}

function* succeed(rt: Runtime, frame: Frame, state: SucceedState): Step {
  const scope = scopeOf(rt, frame, { input: frame.input });
  frame.output = state.output === undefined ? frame.input : yield evaluateTemplate(state.output, scope);
  frame.next = undefined;
  frame.phase = 'exit';
}

function* choice(rt: Runtime, frame: Frame, state: ChoiceState): Step {
  const scope = scopeOf(rt, frame, { input: frame.input });
  for (const rule of state.choices) {
    if (rule.condition.kind !== 'jsonata') continue;
    const template = rule.condition.template;
    const value = yield evaluateTemplate(template, scope);
    expectType(template, value, 'boolean', 'Condition');
    if (value === true) {
      frame.output = yield* finish(rt, frame, state.name, rule.assign, rule.output, frame.input, scope);
      frame.next = rule.next;
      frame.phase = 'exit';
      return;
    }
  }
  if (state.defaultNext === undefined)
    fail('States.NoChoiceMatched', 'No Matches! No Choice rule matched and no Default was set.');
  frame.output = yield* finish(rt, frame, state.name, state.assign, state.output, frame.input, scope);
  frame.next = state.defaultNext;
  frame.phase = 'exit';
}

function* wait(rt: Runtime, frame: Frame, state: WaitState): Step {
  const scope = scopeOf(rt, frame, { input: frame.input });
  const now = frame.enteredTime;
  let until = now;
  const spec = state.wait;
  if (spec.kind === 'secondsExpression') {
    const seconds = yield evaluateTemplate(spec.template, scope);
    expectType(spec.template, seconds, 'number', 'Seconds');
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
      throw new QueryEvaluationFailure(
        `The Seconds field must be a whole number of seconds, 0 or more: ${JSON.stringify(seconds)}`,
        'Seconds',
      );
    }
    until = now + seconds * 1000;
  } else if (spec.kind === 'timestampExpression') {
    const text = yield evaluateTemplate(spec.template, scope);
    const parsed = typeof text === 'string' ? parseTimestamp(text) : undefined;
    if (parsed === undefined) {
      const shown = typeof text === 'string' ? text : JSON.stringify(text);
      throw new QueryEvaluationFailure(
        `The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${shown}`,
        'Timestamp',
      );
    }
    until = parsed;
  }
  if ((until - now) / 1000 > MAX_WAIT_SECONDS) fail('States.Runtime', 'Wait state delay is too long.');
  frame.output = yield* finish(rt, frame, state.name, state.assign, state.output, frame.input, scope);
  frame.resumeAt = until;
  frame.next = state.next;
  frame.phase = 'wait';
}

function* failState(rt: Runtime, frame: Frame, state: FailState): Step {
  const scope = scopeOf(rt, frame, { input: frame.input });
  const error =
    state.errorTemplate === undefined ? undefined : yield* text(state.errorTemplate, scope, 'Error');
  const cause =
    state.causeTemplate === undefined ? undefined : yield* text(state.causeTemplate, scope, 'Cause');
  frame.failure = {
    ...(error === undefined ? {} : { error }),
    ...(cause === undefined ? {} : { cause }),
  };
  frame.phase = 'done';
}

function* text(template: JsonataTemplate, scope: JsonataScope, field: string): Step<string> {
  const value = yield evaluateTemplate(template, scope);
  expectType(template, value, 'string', field);
  return typeof value === 'string' ? value : '';
}

/** A positive whole number of seconds (TimeoutSeconds, HeartbeatSeconds). */
function* seconds(
  literal: number | undefined,
  template: JsonataTemplate | undefined,
  scope: JsonataScope,
  field: string,
): Step<number | undefined> {
  if (template === undefined) return literal;
  const value = yield evaluateTemplate(template, scope);
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new QueryEvaluationFailure(
      `The ${field} field must be a positive whole number of seconds: ${JSON.stringify(value)}`,
      field,
    );
  }
  return value;
}

function* taskInput(rt: Runtime, frame: Frame, state: TaskState): Step {
  const scope = scopeOf(rt, frame, { input: frame.input });
  frame.effectiveInput =
    state.arguments === undefined ? frame.input : yield evaluateTemplate(state.arguments, scope);
  frame.timeoutSeconds = yield* seconds(
    state.timeoutSeconds,
    state.timeoutSecondsExpression,
    scope,
    'TimeoutSeconds',
  );
  frame.heartbeatSeconds = yield* seconds(
    state.heartbeatSeconds,
    state.heartbeatSecondsExpression,
    scope,
    'HeartbeatSeconds',
  );
  frame.phase = 'schedule';
}

function* parallelInput(rt: Runtime, frame: Frame, state: ParallelState): Step {
  const scope = scopeOf(rt, frame, { input: frame.input });
  frame.effectiveInput =
    state.arguments === undefined ? frame.input : yield evaluateTemplate(state.arguments, scope);
  frame.fan = freshFan(
    state.branches.map(() => null),
    undefined,
    undefined,
  );
  frame.phase = 'fanStart';
}

function* mapInput(rt: Runtime, frame: Frame, state: MapState): Step {
  const scope = scopeOf(rt, frame, { input: frame.input });
  frame.effectiveInput = frame.input;
  let items: JsonValue = frame.input;
  if (state.items !== undefined) {
    items = yield evaluateTemplate(state.items, scope);
    expectType(state.items, items, 'array', 'Items');
  } else if (state.itemReader === undefined && !Array.isArray(items)) {
    throw new QueryEvaluationFailure(
      `Map state input must be an array but was: ${JSON.stringify(items)}`,
      undefined,
    );
  }
  if (state.maxConcurrencyExpression !== undefined)
    yield* whole(state.maxConcurrencyExpression, scope, 'MaxConcurrency', 0);
  const count =
    state.toleratedFailureCountExpression === undefined
      ? state.toleratedFailureCount
      : yield* whole(state.toleratedFailureCountExpression, scope, 'ToleratedFailureCount', 0);
  const percentage =
    state.toleratedFailurePercentageExpression === undefined
      ? state.toleratedFailurePercentage
      : yield* percent(state.toleratedFailurePercentageExpression, scope);
  frame.fan = freshFan(
    Array.isArray(items) && state.itemReader === undefined ? items : [],
    count,
    percentage,
  );
  frame.phase = 'fanStart';
}

function* whole(template: JsonataTemplate, scope: JsonataScope, field: string, min: number): Step<number> {
  const value = yield evaluateTemplate(template, scope);
  if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value;
  throw typeMismatch(template, value, field, `a whole number of ${min} or more`);
}

function* percent(template: JsonataTemplate, scope: JsonataScope): Step<number> {
  const field = 'ToleratedFailurePercentage';
  const value = yield evaluateTemplate(template, scope);
  if (typeof value === 'number' && value >= 0 && value <= 100) return value;
  throw typeMismatch(template, value, field, 'a number from 0 to 100');
}

function typeMismatch(template: JsonataTemplate, value: JsonValue, field: string, what: string): Error {
  if (typeof value !== 'number' && template.kind === 'expression')
    return unexpectedResult(template.expression.source, field, 'number', value);
  return new QueryEvaluationFailure(`The ${field} field must be ${what}: ${JSON.stringify(value)}`, field);
}

/** A Map iteration's input: ItemSelector with `$states.context.Map.Item`, or the item itself. */
export function jsonataItemInput(
  rt: Runtime,
  frame: Frame,
  state: MapState,
  item: MapItem,
): MaybePromise<JsonValue> {
  if (state.itemSelectorTemplate === undefined) return item.value;
  return evaluateTemplate(state.itemSelectorTemplate, scopeOf(rt, frame, { input: frame.input }, item));
}

/** After a Task's, Parallel's or Map's work returned `result`: Assign and Output. */
export function finishJsonataResult(
  rt: Runtime,
  frame: Frame,
  state: TaskState | ParallelState | MapState,
  result: JsonValue,
): MaybePromise<JsonValue> {
  const scope = scopeOf(rt, frame, { input: frame.input, result });
  return drive(finish(rt, frame, state.name, state.assign, state.output, result, scope));
}

/** A catcher of a JSONata state took the error: its Assign and Output see `$states.errorOutput`. */
export function catchJsonata(
  rt: Runtime,
  frame: Frame,
  state: CompiledState,
  catcher: Catcher,
  errorOutput: JsonValue,
): MaybePromise<JsonValue> {
  const scope = scopeOf(rt, frame, { input: frame.input, errorOutput });
  return drive(finish(rt, frame, state.name, catcher.assign, catcher.output, errorOutput, scope));
}
