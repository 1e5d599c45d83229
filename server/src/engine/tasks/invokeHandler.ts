/**
 * Calls a Lambda-style handler the three ways Node's Lambda runtime allows: returning a
 * promise (async), calling the callback, or (a local convenience) returning a value directly.
 * The world side of the TaskRunner port: it runs user code and real timers.
 */

export type LambdaCallback = (error?: unknown, result?: unknown) => void;
export type LambdaHandler = (event: unknown, context: LambdaContext, callback: LambdaCallback) => unknown;

/** The context object Lambda passes as the handler's second argument (the fields handlers use). */
export interface LambdaContext {
  readonly functionName: string;
  readonly functionVersion: string;
  readonly invokedFunctionArn: string;
  readonly memoryLimitInMB: string;
  readonly awsRequestId: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
  callbackWaitsForEmptyEventLoop: boolean;
  getRemainingTimeInMillis(): number;
}

export type Invocation =
  | { readonly kind: 'returned'; readonly value: unknown }
  | { readonly kind: 'threw'; readonly error: unknown }
  | { readonly kind: 'timedOut' };

/**
 * Runs the handler once. With `timeoutMs`, a handler that has not answered by then is reported as
 * timed out (as the Task's TimeoutSeconds would on AWS); it is not stopped, its answer is ignored.
 */
export function invokeHandler(
  handler: LambdaHandler,
  event: unknown,
  context: LambdaContext,
  timeoutMs: number | undefined,
): Promise<Invocation> {
  // The usual handler: async (or returning a value), taking no callback, with no time limit.
  // It needs no promise of ours around it nor closures to settle one: a quarter of the cost of
  // a Task with a local handler went into them.
  if (timeoutMs === undefined && handler.length < 3) return invokePlainHandler(handler, event, context);
  return new Promise<Invocation>((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const settle = (invocation: Invocation) => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      resolve(invocation);
    };
    if (timeoutMs !== undefined) timer = setTimeout(() => settle({ kind: 'timedOut' }), timeoutMs);
    const callback: LambdaCallback = (error, result) => {
      if (error !== undefined && error !== null) settle({ kind: 'threw', error });
      else settle({ kind: 'returned', value: result });
    };
    let returned: unknown;
    try {
      returned = handler(event, context, callback);
    } catch (error) {
      settle({ kind: 'threw', error });
      return;
    }
    if (isThenable(returned)) {
      returned.then(
        (value) => settle({ kind: 'returned', value }),
        (error: unknown) => settle({ kind: 'threw', error }),
      );
    } else if (handler.length < 3) {
      // A handler that takes no callback and returns no promise has answered already.
      settle({ kind: 'returned', value: returned });
    }
  });
}

function invokePlainHandler(
  handler: LambdaHandler,
  event: unknown,
  context: LambdaContext,
): Promise<Invocation> {
  let returned: unknown;
  try {
    returned = handler(event, context, ignoredCallback);
  } catch (error) {
    return Promise.resolve(threw(error));
  }
  if (!isThenable(returned)) return Promise.resolve<Invocation>({ kind: 'returned', value: returned });
  return Promise.resolve(returned).then(returnedValue, threw);
}

/**
 * Given to handlers that declare no callback parameter: one that reaches it anyway through
 * `arguments` is not waited for, as before when it returned a promise or a value.
 */
const ignoredCallback: LambdaCallback = () => undefined;

function returnedValue(value: unknown): Invocation {
  return { kind: 'returned', value };
}

function threw(error: unknown): Invocation {
  return { kind: 'threw', error };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    'then' in value &&
    typeof value.then === 'function'
  );
}
