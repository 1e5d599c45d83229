import type jsonata from 'jsonata';
import { jsonataLibrary } from '../../asl/jsonataLibrary';
import {
  ARRAY_RANGE_MAX_ITEMS,
  HASH_ALGORITHMS,
  isHashAlgorithm,
  rangeLength,
} from '../../asl/intrinsics/catalogue';
import { hashText } from '../intrinsics/hash';
import { JsonTooDeep, parseJson } from '../json';
import { seededInt } from '../intrinsics/seededRandom';
import type { Clock, IdSource, RandomSource } from '../ports';

/**
 * The functions Step Functions adds to JSONata ($partition, $range, $hash, $random, $uuid,
 * $parse), and the standard ones whose behaviour must come from the engine's ports so that a
 * run stays deterministic ($now and $millis read the execution's clock) or that Step Functions
 * does not offer ($eval).
 */

/** The ports the functions read: the same ones States.MathRandom and States.UUID use. */
export interface JsonataServices {
  readonly random: RandomSource;
  readonly ids: IdSource;
  readonly clock: Clock;
}

/** Registered on every compiled expression: pure functions, checked by jsonata's signatures. */
export function registerPureFunctions(expression: jsonata.Expression): void {
  expression.registerFunction('partition', partition, '<an:a>');
  expression.registerFunction('range', range, '<nnn:a<n>>');
  expression.registerFunction('hash', hash, '<ss:s>');
  expression.registerFunction('parse', parse, '<s:x>');
}

function partition(array: unknown, size: unknown): unknown[][] {
  if (!Array.isArray(array)) throw new Error('$partition expects an array as its first argument.');
  if (typeof size !== 'number' || !Number.isInteger(size) || size <= 0)
    throw new Error(
      `$partition expects a chunk size that is a whole number greater than 0, not ${String(size)}.`,
    );
  const chunks: unknown[][] = [];
  for (let i = 0; i < array.length; i += size) chunks.push(array.slice(i, i + size));
  return chunks;
}

function range(start: unknown, end: unknown, step: unknown): number[] {
  for (const [name, value] of [
    ['start', start],
    ['end', end],
    ['step', step],
  ] as const) {
    if (typeof value !== 'number' || !Number.isInteger(value))
      throw new Error(`$range expects a whole number as its ${name}, not ${String(value)}.`);
  }
  const [from, to, by] = [Number(start), Number(end), Number(step)];
  if (by === 0) throw new Error('$range cannot step by 0.');
  // $range returns at most as many numbers as States.ArrayRange does.
  const count = rangeLength(from, to, by);
  if (count > ARRAY_RANGE_MAX_ITEMS)
    throw new Error(`$range would return ${count} numbers; at most ${ARRAY_RANGE_MAX_ITEMS} are allowed.`);
  return Array.from({ length: count }, (_, i) => from + i * by);
}

function hash(data: unknown, algorithm: unknown): string {
  if (typeof data !== 'string' || typeof algorithm !== 'string')
    throw new Error('$hash expects the text to hash and the name of an algorithm.');
  if (!isHashAlgorithm(algorithm))
    throw new Error(
      `$hash does not support the algorithm '${algorithm}'; use one of ${HASH_ALGORITHMS.join(', ')}.`,
    );
  return hashText(data, algorithm);
}

function parse(text: unknown): unknown {
  if (typeof text !== 'string') throw new Error('$parse expects a string of JSON text.');
  try {
    return parseJson(text);
  } catch (error) {
    const reason = error instanceof JsonTooDeep ? error.message : text;
    throw new Error(`$parse could not read the text as JSON: ${reason}`, { cause: error });
  }
}

/** jsonata's own date formatting, used by $now(picture, timezone) on the engine's clock. */
let formatMillis: jsonata.Expression | undefined;

/**
 * Bound for each evaluation (bindings shadow jsonata's built-ins): functions that need the
 * execution's ports. Their results depend only on the ports, so a run replays exactly.
 */
export function portFunctions(services: JsonataServices): Record<string, unknown> {
  return {
    random(seed: unknown): number {
      if (seed === undefined) return services.random.next();
      if (typeof seed !== 'number' || !Number.isFinite(seed))
        throw new Error(`$random expects a number as its seed, not ${JSON.stringify(seed) ?? 'undefined'}.`);
      // The same seed gives the same number, on every run, as AWS documents.
      return seededInt(seed, 0x40000000) / 0x40000000;
    },
    uuid(): string {
      return services.ids.uuid();
    },
    millis(): number {
      return services.clock.now();
    },
    now(picture: unknown, timezone: unknown): unknown {
      const ms = services.clock.now();
      if (picture === undefined && timezone === undefined) return new Date(ms).toISOString();
      formatMillis ??= jsonataLibrary()('$fromMillis($ms, $picture, $timezone)');
      return formatMillis.evaluate({}, { ms, picture, timezone });
    },
    eval(): never {
      throw new Error('$eval is not available in Step Functions; use $parse to read JSON text.');
    },
  };
}
