import type * as vscode from 'vscode';

/**
 * Resolves with the first value of `event` (or of `current()`, checked first and after every
 * event) that satisfies `accept`; rejects after `timeoutMs` with `what` in the message. Tests
 * wait on events, never on sleeps.
 */
export function waitFor<E, T>(
  event: vscode.Event<E>,
  current: () => T | undefined,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const now = current();
    if (now !== undefined) {
      resolve(now);
      return;
    }
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`));
    }, timeoutMs);
    const listener = event(() => {
      const value = current();
      if (value === undefined) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(value);
    });
  });
}

/** Resolves with the next value `event` fires that `accept` takes; rejects after `timeoutMs`. */
export function nextEvent<T>(
  event: vscode.Event<T>,
  what: string,
  accept: (value: T) => boolean = () => true,
  timeoutMs = 20_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`));
    }, timeoutMs);
    const listener = event((value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(value);
    });
  });
}
