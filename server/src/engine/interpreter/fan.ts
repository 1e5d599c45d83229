import type { MapState, ParallelState } from '../definition/types';
import { andThen } from '../jsonata/drive';
import type { MaybePromise } from '../jsonata/drive';
import { emptyScope, innerScope } from '../variables/scope';
import { fail } from '../errors';
import { applyInputPath, applyPayload, lookupPath } from '../dataflow/io';
import type { PathEnvironment } from '../dataflow/io';
import type { PathRef } from '../dataflow/refs';
import type { HistoryEvent } from '../history';
import type { JsonValue } from '../json';
import type { FanOut, Frame } from '../state';
import { emit } from './emit';
import { environmentOf, variablesOf } from './env';
import { errorOutput } from './errorHandling';
import { newFrame } from './frames';
import { readItems } from './itemReader';
import { childRunEnded, childRunStarted, runInFlight } from './resultWriter';
import { jsonataItemInput } from './jsonataStates';
import { requireDepth } from './size';
import { failureFrom } from './stateEvents';
import type { Runtime } from './runtime';

/**
 * Parallel branches and Map iterations: run one after the other, in index order, each in its own
 * frame on top of the state's frame. The parent frame's `fan` records what has finished.
 */

export function prepareParallel(frame: Frame, state: ParallelState, env: PathEnvironment): void {
  const effective = applyInputPath(state.inputPath, frame.input, env);
  frame.effectiveInput =
    state.parameters === undefined ? effective : applyPayload(state.parameters, effective, env);
  frame.fan = freshFan(
    state.branches.map(() => null),
    undefined,
    undefined,
  );
  frame.phase = 'fanStart';
}

export function prepareMap(frame: Frame, state: MapState, env: PathEnvironment): void {
  const effective = applyInputPath(state.inputPath, frame.input, env);
  frame.effectiveInput = effective;
  let items: JsonValue[] = [];
  if (state.itemReader === undefined) {
    const selected =
      state.itemsPath === undefined ? effective : applyInputPath(state.itemsPath, effective, env);
    if (!Array.isArray(selected)) {
      fail('States.Runtime', `Map state input must be an array but was: ${JSON.stringify(selected)}`);
    }
    items = selected;
  }
  if (state.maxConcurrencyPath !== undefined)
    readInteger(state.maxConcurrencyPath, 'MaxConcurrencyPath', effective, env);
  frame.phase = 'fanStart';
  // AWS reads the tolerance settings once the Map has started: a bad value
  // fails the state after MapStateStarted, which startFan reports.
  try {
    frame.fan = mapFan(items, state, effective, env);
  } catch (thrown) {
    frame.fan = freshFan(items, undefined, undefined);
    frame.failure = failureFrom(thrown, frame);
  }
}

function mapFan(items: JsonValue[], state: MapState, effective: JsonValue, env: PathEnvironment): FanOut {
  const count =
    state.toleratedFailureCountPath === undefined
      ? state.toleratedFailureCount
      : readInteger(state.toleratedFailureCountPath, 'ToleratedFailureCountPath', effective, env);
  if (count !== undefined && count < 0) fail('States.Runtime', 'ToleratedFailureCount cannot be negative.');
  const percentage =
    state.toleratedFailurePercentagePath === undefined
      ? state.toleratedFailurePercentage
      : readFloat(state.toleratedFailurePercentagePath, 'ToleratedFailurePercentagePath', effective, env);
  if (percentage !== undefined && (percentage < 0 || percentage > 100)) {
    fail('States.Runtime', 'ToleratedFailurePercentage must be between 0 and 100.');
  }
  return freshFan(items, count, percentage);
}

export function freshFan(
  items: JsonValue[],
  count: number | undefined,
  percentage: number | undefined,
): FanOut {
  return {
    items,
    next: 0,
    results: [],
    failures: 0,
    toleratedFailureCount: count,
    toleratedFailurePercentage: percentage,
    failure: undefined,
    settled: 0,
  };
}

function readInteger(path: PathRef, field: string, data: JsonValue, env: PathEnvironment): number {
  const found = lookupPath(path, data, env);
  const value = found.found ? found.value : undefined;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  // AWS reads a string holding a whole number as that number.
  if (typeof value === 'string' && /^[+-]?\d+$/.test(value)) return Number(value);
  return fail(
    'States.Runtime',
    `The ${field} field refers to value "${shown(value)}" which is not a valid integer: ${path.source}`,
  );
}

function readFloat(path: PathRef, field: string, data: JsonValue, env: PathEnvironment): number {
  const found = lookupPath(path, data, env);
  const value = found.found ? found.value : undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value)) return Number(value);
  return fail(
    'States.Runtime',
    `The ${field} field refers to value "${shown(value)}" which is not a valid float: ${path.source}`,
  );
}

function shown(value: JsonValue | undefined): string {
  if (value === undefined) return 'null';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** ParallelStateStarted / MapStateStarted, once any Retry interval has passed and items are read. */
export function startFan(
  rt: Runtime,
  frame: Frame,
  state: ParallelState | MapState,
): HistoryEvent | Promise<HistoryEvent> {
  const fan = frame.fan;
  if (fan === undefined) throw new Error(`State '${state.name}' started without its branches or items.`);
  if (state.type === 'Map' && state.itemReader !== undefined && fan.items.length === 0 && fan.next === 0) {
    const env = environmentOf(rt, frame);
    const read = readItems(rt, state, frame.effectiveInput ?? null, env);
    if (read instanceof Promise) {
      return read.then((items) => {
        appendAll(fan.items, items);
        return emitStarted(rt, frame, state, fan);
      });
    }
    appendAll(fan.items, read);
  }
  return emitStarted(rt, frame, state, fan);
}

function emitStarted(rt: Runtime, frame: Frame, state: ParallelState | MapState, fan: FanOut): HistoryEvent {
  if (state.type === 'Map' && state.itemBatcher !== undefined && fan.next === 0 && fan.results.length === 0) {
    batchItems(rt, frame, state, fan);
  }
  fan.next = 0;
  fan.results.length = 0;
  fan.failures = 0;
  fan.failure = undefined;
  const event =
    state.type === 'Parallel'
      ? emit(rt, frame, 'ParallelStateStarted')
      : emit(rt, frame, 'MapStateStarted', 'mapStateStartedEventDetails', { length: fan.items.length });
  fan.settled = event.id;
  frame.phase = state.type === 'Map' && state.mode === 'DISTRIBUTED' ? 'mapRunStart' : 'fanNext';
  if (frame.failure !== undefined) {
    frame.fan = undefined;
    frame.phase = 'fail';
  }
  return event;
}

function batchItems(rt: Runtime, frame: Frame, state: MapState, fan: FanOut): void {
  const batcher = state.itemBatcher;
  if (batcher === undefined) return;
  const batchInput =
    batcher.batchInput === undefined
      ? undefined
      : applyPayload(batcher.batchInput, frame.effectiveInput ?? null, environmentOf(rt, frame));
  const size = Math.max(1, batcher.maxItemsPerBatch ?? fan.items.length);
  const batches: JsonValue[] = [];
  for (let i = 0; i < fan.items.length; i += size) {
    const batch: { [key: string]: JsonValue } = { Items: fan.items.slice(i, i + size) };
    if (batchInput !== undefined) batch['BatchInput'] = batchInput;
    batches.push(batch);
  }
  fan.items.length = 0;
  appendAll(fan.items, batches);
}

/**
 * A loop, not `push(...items)`: spread passes every item as an argument, and an item file of
 * some 130,000 items overflows the call stack.
 */
function appendAll(target: JsonValue[], items: readonly JsonValue[]): void {
  for (const item of items) target.push(item);
}

/** Starts the next branch or iteration, or moves on to the end of the state. */
export function nextChild(
  rt: Runtime,
  frame: Frame,
  state: ParallelState | MapState,
): MaybePromise<HistoryEvent | undefined> {
  const fan = frame.fan;
  if (fan === undefined) throw new Error(`State '${state.name}' lost its branches or items.`);
  if (fan.failure !== undefined && stopsOnFailure(fan, state)) {
    frame.failure = state.type === 'Map' && hasTolerance(fan) ? exceeded() : fan.failure;
    frame.phase = 'fail';
    return undefined;
  }
  const index = fan.next;
  if (index >= fan.items.length) {
    frame.phase = state.type === 'Map' && state.mode === 'DISTRIBUTED' ? 'mapRunEnd' : 'fanEnd';
    return undefined;
  }
  fan.next = index + 1;
  const input = frame.effectiveInput ?? null;
  if (state.type === 'Parallel') {
    const branch = state.branches[index];
    if (branch === undefined) throw new Error(`State '${state.name}' has no branch ${index}.`);
    const variables = innerScope(variablesOf(rt, frame));
    rt.state.frames.push(
      newFrame(
        'branch',
        branch.id,
        index,
        frame.silent,
        undefined,
        branch.startAt,
        input,
        frame.cursor,
        variables,
      ),
    );
    return undefined;
  }
  const item = fan.items[index] ?? null;
  if (state.queryLanguage === 'JSONata') {
    const itemInput = jsonataItemInput(rt, frame, state, { index, value: item });
    return andThen(itemInput, (value) => startIteration(rt, frame, state, index, item, value));
  }
  let itemInput: JsonValue = item;
  if (state.itemSelector !== undefined) {
    itemInput = applyPayload(state.itemSelector, input, environmentOf(rt, frame, { index, value: item }));
  }
  return startIteration(rt, frame, state, index, item, itemInput);
}

function startIteration(
  rt: Runtime,
  frame: Frame,
  state: MapState,
  index: number,
  item: JsonValue,
  itemInput: JsonValue,
): HistoryEvent | undefined {
  if (itemInput !== item) requireDepth(itemInput, "The iteration's input after ItemSelector");
  const distributed = state.mode === 'DISTRIBUTED';
  const silent = frame.silent || distributed;
  let cursor = frame.cursor;
  let event: HistoryEvent | undefined;
  if (!silent) {
    event = emit(rt, frame, 'MapIterationStarted', 'mapIterationStartedEventDetails', {
      index,
      name: state.name,
    });
    cursor = event.id;
  }
  if (distributed && state.resultWriter !== undefined) frame.output = childRunStarted(rt, itemInput);
  const processor = state.processor;
  rt.state.frames.push(
    newFrame(
      'iteration',
      processor.id,
      index,
      silent,
      { index, value: item },
      processor.startAt,
      itemInput,
      cursor,
      // A distributed Map's iterations are child executions: they see no outer variables.
      distributed ? emptyScope(true) : innerScope(variablesOf(rt, frame)),
    ),
  );
  return event;
}

function hasTolerance(fan: FanOut): boolean {
  return fan.toleratedFailureCount !== undefined || fan.toleratedFailurePercentage !== undefined;
}

function stopsOnFailure(fan: FanOut, state: ParallelState | MapState): boolean {
  if (state.type === 'Parallel' || !hasTolerance(fan)) return true;
  if (fan.toleratedFailureCount !== undefined && fan.failures > fan.toleratedFailureCount) return true;
  const total = fan.items.length;
  if (fan.toleratedFailurePercentage !== undefined && total > 0) {
    return (fan.failures / total) * 100 > fan.toleratedFailurePercentage;
  }
  return false;
}

function exceeded(): { error: string; cause: string } {
  return {
    error: 'States.ExceedToleratedFailureThreshold',
    cause: 'The specified tolerated failure threshold was exceeded',
  };
}

/** A child frame finished: account for it in the parent's fan and report the iteration's end. */
export function childEnded(rt: Runtime, child: Frame, parent: Frame): HistoryEvent | undefined {
  const fan = parent.fan;
  if (fan === undefined) throw new Error('A branch or iteration ended outside a Parallel or Map state.');
  if (!child.silent) parent.cursor = child.cursor;
  // Distributed iterations are silent: only theirs may be child executions with a record.
  const run = child.silent && child.kind === 'iteration' ? runInFlight(rt, parent) : undefined;
  if (child.failure === undefined) {
    fan.results[child.index] = run === undefined ? (child.output ?? null) : childRunEnded(rt, run, child);
  } else {
    fan.failures += 1;
    fan.failure ??= child.failure;
    fan.results[child.index] = run === undefined ? errorOutput(child.failure) : childRunEnded(rt, run, child);
  }
  if (child.kind !== 'iteration' || child.silent) {
    if (!child.silent) fan.settled = child.cursor;
    return undefined;
  }
  const type = child.failure === undefined ? 'MapIterationSucceeded' : 'MapIterationFailed';
  const key =
    child.failure === undefined ? 'mapIterationSucceededEventDetails' : 'mapIterationFailedEventDetails';
  const event = emit(rt, parent, type, key, { index: child.index, name: parent.state }, false);
  fan.settled = event.id;
  return event;
}

/** The state's Succeeded event (its output computed) or, after a failure, its Failed event. */
export function endFan(rt: Runtime, frame: Frame, state: ParallelState | MapState): HistoryEvent {
  const prefix = state.type === 'Parallel' ? 'ParallelState' : 'MapState';
  const fan = frame.fan;
  frame.fan = undefined;
  if (frame.failure !== undefined || fan === undefined) {
    const event = emit(rt, frame, `${prefix}Failed`);
    frame.phase = 'catch';
    return event;
  }
  frame.cursor = fan.settled;
  const event = emit(rt, frame, `${prefix}Succeeded`, undefined, undefined, false);
  frame.output = fan.results;
  frame.phase = 'exit';
  return event;
}
