import type { Catcher, CompiledState, Retrier } from '../definition/types';
import type { JsonObject } from '../json';
import type { Failure, Frame } from '../state';

/**
 * Retry and Catch matching as Step Functions does it: the first retrier or catcher whose
 * ErrorEquals names the error wins. States.ALL matches every error except the terminal ones;
 * States.TaskFailed matches every error except those and States.Timeout.
 */
const NEVER_BY_WILDCARD = new Set(['States.Runtime']);

export function matches(errorEquals: readonly string[], error: string | undefined): boolean {
  // Runtime errors (a path that matches nothing, a bad value) end the execution: AWS neither
  // retries nor catches them, even when a retrier or catcher names States.Runtime.
  if (error === 'States.Runtime') return false;
  for (const name of errorEquals) {
    if (name === error) return true;
    if (error === undefined || NEVER_BY_WILDCARD.has(error)) {
      if (name === 'States.ALL' && error === undefined) return true;
      continue;
    }
    if (name === 'States.ALL') return true;
    if (name === 'States.TaskFailed' && error !== 'States.Timeout') return true;
  }
  return false;
}

export function retriersOf(state: CompiledState): readonly Retrier[] {
  return state.type === 'Task' || state.type === 'Parallel' || state.type === 'Map' ? state.retry : [];
}

export function catchersOf(state: CompiledState): readonly Catcher[] {
  return state.type === 'Task' || state.type === 'Parallel' || state.type === 'Map' ? state.catch : [];
}

/**
 * When a retrier applies, counts the attempt and returns how long to wait (ms) before it;
 * undefined when the error is not retried (no retrier matches, or the matching one is spent).
 */
export function planRetry(
  frame: Frame,
  state: CompiledState,
  failure: Failure,
  random: () => number,
): number | undefined {
  const retriers = retriersOf(state);
  for (let i = 0; i < retriers.length; i++) {
    const retrier = retriers[i];
    if (retrier === undefined || !matches(retrier.errorEquals, failure.error)) continue;
    const attempts = frame.retryAttempts[i] ?? 0;
    if (attempts >= retrier.maxAttempts) return undefined;
    while (frame.retryAttempts.length <= i) frame.retryAttempts.push(0);
    frame.retryAttempts[i] = attempts + 1;
    frame.retryCount += 1;
    let seconds = retrier.intervalSeconds * Math.pow(retrier.backoffRate, attempts);
    if (retrier.maxDelaySeconds !== undefined) seconds = Math.min(seconds, retrier.maxDelaySeconds);
    if (retrier.jitter === 'FULL') seconds = random() * seconds;
    return Math.round(seconds * 1000);
  }
  return undefined;
}

export function findCatcher(state: CompiledState, failure: Failure): Catcher | undefined {
  for (const catcher of catchersOf(state)) if (matches(catcher.errorEquals, failure.error)) return catcher;
  return undefined;
}

/** What a catcher hands on: `{ "Error": ..., "Cause": ... }`. */
export function errorOutput(failure: Failure): JsonObject {
  const output: JsonObject = {};
  if (failure.error !== undefined) output['Error'] = failure.error;
  if (failure.cause !== undefined) output['Cause'] = failure.cause;
  return output;
}
