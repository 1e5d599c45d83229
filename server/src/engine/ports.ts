import type { JsonObject, JsonValue } from './json';

/**
 * The engine's only contact with the world. Everything that is not a pure function of the
 * definition and the execution state (time, randomness, ids, task results) comes through one
 * of these ports, so an execution is deterministic under test and replayable after a resume.
 */

/** Time in epoch milliseconds. The virtual clock advances only when the engine asks it to. */
export interface Clock {
  now(): number;
  /** Lets `ms` pass: a virtual clock jumps, a real clock waits. */
  sleep(ms: number): Promise<void> | void;
}

/** A source of uniform numbers in [0, 1): States.MathRandom, $random, FULL jitter. */
export interface RandomSource {
  next(): number;
}

/** Fresh ids: States.UUID, $uuid, execution names. */
export interface IdSource {
  uuid(): string;
}

/** What a Task state asks of the world, after its input has been prepared. */
export interface TaskRequest {
  readonly stateName: string;
  /** The Resource field as written (ARN). */
  readonly resource: string;
  /** The effective input: after InputPath and Parameters (JSONPath) or Arguments (JSONata). */
  readonly input: JsonValue;
  /** How many times this state has been invoked before in this execution (0 for the first). */
  readonly invocation: number;
  /** The context object as the state sees it (the engine may build it when first read). */
  readonly context: JsonObject;
  readonly timeoutSeconds?: number | undefined;
  readonly heartbeatSeconds?: number | undefined;
}

export type TaskOutcome =
  | { readonly kind: 'succeeded'; readonly output: JsonValue }
  | { readonly kind: 'failed'; readonly error: string; readonly cause?: string }
  /** The runner cannot serve this state at all (no handler, no mock): the message says how to provide one. */
  | { readonly kind: 'unavailable'; readonly message: string };

/** Answers Task states: local handler modules, a mock file, or a composition of both. */
export interface TaskRunner {
  run(request: TaskRequest): Promise<TaskOutcome> | TaskOutcome;
}
