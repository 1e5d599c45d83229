import type { Clock } from './ports';

/**
 * The default clock: time passes only when the engine lets it (Wait states, Retry intervals), so
 * runs are instant and deterministic while the history shows the waits as if they happened.
 */
export function createVirtualClock(start: number = Date.UTC(2024, 0, 1)): Clock {
  let now = start;
  return {
    now: () => now,
    sleep(ms: number): void {
      if (ms > 0) now += ms;
    },
  };
}
