import type { JsonObject } from '../json';
import { StatesFailure } from '../errors';
import type { Failure, Frame } from '../state';

/** Payloads are never truncated locally. */
export const NOT_TRUNCATED: JsonObject = Object.freeze({ truncated: false });

/**
 * Turns what the data flow threw into the state's failure, with AWS's "An error occurred while
 * executing the state ..." prefix on the errors the service itself raises. Anything that is not
 * a StatesFailure is a bug and keeps propagating.
 */
export function failureFrom(thrown: unknown, frame: Frame): Failure {
  if (!(thrown instanceof StatesFailure)) throw thrown;
  const { error, cause } = thrown.statesError;
  if (error === 'States.DataLimitExceeded' || frame.enteredEventId === 0) return { error, cause };
  return {
    error,
    cause: `An error occurred while executing the state '${frame.state}' (entered at the event id #${frame.enteredEventId}). ${cause}`,
  };
}
