/**
 * The engine's error value: what a state fails with, as Step Functions reports it (an error
 * name and a cause string), so Retry/Catch can match the name and the history can show both.
 *
 * How failures travel: the expression layer (payload templates, intrinsic functions, path
 * writes) THROWS a `StatesFailure` carrying a plain `StatesError`. The interpreter catches it
 * once, around a state's data flow, and turns it into plain data in the execution state; the
 * exception never crosses a `step()` boundary. Throwing keeps nested evaluation (an intrinsic
 * inside an intrinsic inside a template) free of result checks at every level, and costs
 * nothing on the path that succeeds. Path look-ups that may legitimately find nothing (Choice's
 * IsPresent, indefinite paths) return data instead of throwing: see engine/jsonpath.
 */

/** Plain, serializable: safe to keep in the execution state and to write into the history. */
export interface StatesError {
  readonly error: string;
  readonly cause: string;
}

/** The thrown carrier of a `StatesError`. Only the engine catches it. */
export class StatesFailure extends Error {
  readonly statesError: StatesError;

  constructor(statesError: StatesError) {
    super(`${statesError.error}: ${statesError.cause}`);
    this.name = 'StatesFailure';
    this.statesError = statesError;
  }
}

export { isPredefinedError, PREDEFINED_ERRORS, type PredefinedError } from '../asl/statesErrors';

export function statesError(error: string, cause: string): StatesError {
  return { error, cause };
}

/** Throws `error`/`cause` as a `StatesFailure`: for use inside the expression layer. */
export function fail(error: string, cause: string): never {
  throw new StatesFailure({ error, cause });
}

/**
 * AWS prefixes the cause of errors raised while a state runs with the state's name and the id
 * of its StateEntered event, e.g. "An error occurred while executing the state 'Pass'
 * (entered at the event id #2). The JSONPath ...". The expression layer raises the part after
 * the prefix; the interpreter, which knows the event id, adds it with this function.
 */
export function inState(error: StatesError, stateName: string, enteredEventId: number): StatesError {
  return statesError(
    error.error,
    `An error occurred while executing the state '${stateName}' (entered at the event id #${enteredEventId}). ${error.cause}`,
  );
}
