/** The ports an execution uses when it is given none: deterministic, so a run repeats exactly. */
import type { IdSource, RandomSource } from './ports';

/** A small deterministic generator (mulberry32) for when no RandomSource is given. */
export function seededRandom(seed: number): RandomSource {
  let s = seed >>> 0;
  return {
    next(): number {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** Deterministic UUID-shaped ids for when no IdSource is given. */
export function counterIds(): IdSource {
  let n = 0;
  return {
    uuid(): string {
      n += 1;
      return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
    },
  };
}
