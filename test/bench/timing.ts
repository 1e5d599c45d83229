/** Milliseconds taken by a call, from the high-resolution clock. */
export function timeSync(fn: () => void): number {
  return measureSync(fn).millis;
}

/** A call's result and the milliseconds it took. */
export function measureSync<T>(fn: () => T): { readonly result: T; readonly millis: number } {
  const start = process.hrtime.bigint();
  const result = fn();
  return { result, millis: Number(process.hrtime.bigint() - start) / 1e6 };
}

/** Milliseconds until a call's result (awaited when it is a promise) is there. */
export async function timeAsync(fn: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** The median of `runs` timed calls after `warmUp` untimed ones. */
export async function warmMedian(fn: () => unknown, warmUp: number, runs: number): Promise<number> {
  for (let i = 0; i < warmUp; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeAsync(fn));
  return median(times);
}
