/**
 * Runs a computation written as a generator that yields values which may still be pending.
 * jsonata evaluates asynchronously, but most fields of most states are literals or plain
 * references that are known at once: driving a generator lets one piece of code serve both,
 * staying synchronous (no promise, no microtask) for as long as nothing it yields is pending.
 */
export type MaybePromise<T> = T | Promise<T>;

export type Computation<Y, R> = Generator<MaybePromise<Y>, R, Y>;

export function drive<Y, R>(computation: Computation<Y, R>): MaybePromise<R> {
  return resume(computation, undefined);
}

function resume<Y, R>(
  computation: Computation<Y, R>,
  sent: { readonly value: Y } | undefined,
): MaybePromise<R> {
  let next = sent === undefined ? computation.next() : computation.next(sent.value);
  for (;;) {
    if (next.done === true) return next.value;
    const value = next.value;
    if (value instanceof Promise) return value.then((settled: Y) => resume(computation, { value: settled }));
    next = computation.next(value);
  }
}

/** Applies `then` to a value that may be pending, without a promise when it is not. */
export function andThen<T, R>(
  value: MaybePromise<T>,
  then: (settled: T) => MaybePromise<R>,
): MaybePromise<R> {
  return value instanceof Promise ? value.then(then) : then(value);
}
