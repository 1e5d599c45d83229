import type { Clock, JsonValue, TaskOutcome, TaskRequest, TaskRunner } from '../../server/src/engine';
import { isRecord } from '../../server/src/guards';

/**
 * Answers Task states from a case's recorded `mock.invocations`, in the order AWS made them:
 * the recorded output, the recorded error and cause (JSON causes as the text Lambda sent), or a
 * timeout, which lets the virtual clock run past the state's TimeoutSeconds.
 */
export function recordedRunner(mock: { readonly [key: string]: JsonValue }, clock: Clock): TaskRunner {
  const invocations = Array.isArray(mock['invocations']) ? mock['invocations'] : [];
  let next = 0;
  return {
    run(request: TaskRequest): TaskOutcome {
      const recorded = invocations[next];
      next += 1;
      if (!isRecord(recorded)) return fromBehaviour(mock, request, next);
      if (recorded['timedOut'] === true) {
        const seconds = request.timeoutSeconds ?? request.heartbeatSeconds ?? 60;
        void clock.sleep(seconds * 1000 + 1000);
        return { kind: 'succeeded', output: request.input };
      }
      const error = recorded['error'];
      if (typeof error === 'string') {
        const cause = recorded['cause'];
        if (cause === undefined || cause === null) return { kind: 'failed', error };
        return { kind: 'failed', error, cause: typeof cause === 'string' ? cause : JSON.stringify(cause) };
      }
      const output = recorded['output'];
      return { kind: 'succeeded', output: output === undefined ? null : output };
    },
  };
}

/**
 * Cases whose invocations were not recorded still say what their one function does; the two
 * behaviours that matter without a recording are the identity function and the raised Exception.
 */
function fromBehaviour(
  mock: { readonly [key: string]: JsonValue },
  request: TaskRequest,
  number: number,
): TaskOutcome {
  const functions = Array.isArray(mock['lambda']) ? mock['lambda'] : [];
  const described = functions.length === 1 && isRecord(functions[0]) ? functions[0]['behaviour'] : undefined;
  const invoke = request.resource.startsWith('arn:aws:states:::lambda:invoke');
  const payload = invoke && isRecord(request.input) ? (request.input['Payload'] ?? null) : request.input;
  if (described === 'returns its input event unchanged') {
    return {
      kind: 'succeeded',
      output: invoke ? { ExecutedVersion: '$LATEST', Payload: payload, StatusCode: 200 } : payload,
    };
  }
  if (typeof described === 'string' && described.startsWith('raises Exception(')) {
    const cause = { errorMessage: 'Some exception was raised.', errorType: 'Exception' };
    return { kind: 'failed', error: 'Exception', cause: JSON.stringify(cause) };
  }
  return {
    kind: 'unavailable',
    message: `No recorded invocation #${number} for state '${request.stateName}'.`,
  };
}
