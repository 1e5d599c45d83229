import type { JsonObject } from '../json';
import { StatesFailure } from '../errors';
import { QueryEvaluationFailure } from '../jsonata/errors';
import type { EvaluationFailure, Failure, Frame } from '../state';

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

/**
 * The state failed with `thrown`: record the failure and go on to `then` (Retry, Catch or the
 * end of the scope). A JSONata evaluation error first records AWS's EvaluationFailed event,
 * chained to `previousEventId`. Anything the state had staged to assign is dropped.
 */
export function failFrame(
  frame: Frame,
  thrown: unknown,
  then: EvaluationFailure['then'],
  previousEventId: number,
): void {
  frame.failure = failureFrom(thrown, frame);
  frame.assigned = undefined;
  if (thrown instanceof QueryEvaluationFailure) {
    frame.evaluationFailed = { location: thrown.location, previousEventId, then };
    frame.phase = 'evaluationFailed';
  } else frame.phase = then;
}
