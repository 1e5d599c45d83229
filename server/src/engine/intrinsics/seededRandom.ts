/**
 * States.MathRandom's optional seed: the same seed must give the same number on every run.
 * We use the linear congruential generator of java.util.Random (AWS's runtime is Java), so a
 * seeded call is reproducible; whether AWS derives its number the same way is not recorded.
 */
const MULTIPLIER = 0x5deece66dn;
const ADDEND = 0xbn;
const MASK = (1n << 48n) - 1n;

/** A whole number in [0, bound) from `seed`, as `new java.util.Random(seed).nextInt(bound)` gives it. */
export function seededInt(seed: number, bound: number): number {
  let state = (BigInt.asIntN(64, BigInt(Math.trunc(seed))) ^ MULTIPLIER) & MASK;
  const next = (bits: bigint): number => {
    state = (state * MULTIPLIER + ADDEND) & MASK;
    return Number(BigInt.asIntN(32, state >> (48n - bits)));
  };
  if ((bound & -bound) === bound) return Number((BigInt(bound) * BigInt(next(31n))) >> 31n);
  for (;;) {
    const bits = next(31n);
    const value = bits % bound;
    if (bits - value + (bound - 1) < 2 ** 31) return value;
  }
}
