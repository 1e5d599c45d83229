/**
 * The 18 intrinsic functions over already evaluated arguments. Outputs follow what AWS
 * recorded (see the conformance cases named intrinsic_functions__*): MathAdd rounds each
 * operand half up before adding, StringSplit drops empty pieces, StringToJson reads blank
 * text as null, JsonToString writes compact JSON.
 */
import type { StringArgument } from '../../asl/intrinsics/ast';
import {
  ARRAY_RANGE_MAX_ITEMS,
  ENCODING_MAX_INPUT_LENGTH,
  HASH_ALGORITHMS,
  isHashAlgorithm,
  rangeLength,
} from '../../asl/intrinsics/catalogue';
import { DEPTH_LIMIT_TEXT, JsonTooDeep, parseJson, toJsonValue } from '../json';
import type { JsonValue } from '../json';
import { jsonEquals } from '../jsonpath/equals';
import type { IdSource, RandomSource } from '../ports';
import { arrayArg, booleanArg, integerArg, intrinsicError, numberArg, objectArg, stringArg } from './args';
import { decodeBase64, encodeBase64 } from './base64';
import { hashText } from './hash';
import { renderForFormat } from './render';
import { seededInt } from './seededRandom';

/** What an implementation may use besides its arguments. */
export interface IntrinsicServices {
  readonly random: RandomSource;
  readonly ids: IdSource;
  /** The template argument of States.Format when written as a literal: its escaped braces are not placeholders. */
  readonly template?: StringArgument;
}

type Implementation = (args: readonly JsonValue[], services: IntrinsicServices) => JsonValue;

export const IMPLEMENTATIONS: Readonly<Record<string, Implementation>> = {
  'States.Format': format,
  'States.StringToJson': (args) => stringToJson(stringArg('States.StringToJson', args, 0)),
  'States.JsonToString': (args) => JSON.stringify(args[0] ?? null),
  'States.Array': (args) => args.slice(),
  'States.ArrayPartition': arrayPartition,
  'States.ArrayContains': (args) => {
    const array = arrayArg('States.ArrayContains', args, 0);
    const wanted = args[1] ?? null;
    return array.some((item) => jsonEquals(item, wanted));
  },
  'States.ArrayRange': arrayRange,
  'States.ArrayGetItem': (args) => {
    const array = arrayArg('States.ArrayGetItem', args, 0);
    const index = integerArg('States.ArrayGetItem', args, 1);
    const item = index >= 0 ? array[index] : undefined;
    if (item === undefined) {
      intrinsicError(
        'States.ArrayGetItem',
        `the index ${index} is outside the array, which has ${array.length} items.`,
      );
    }
    return item;
  },
  'States.ArrayLength': (args) => arrayArg('States.ArrayLength', args, 0).length,
  'States.ArrayUnique': (args) => {
    const unique: JsonValue[] = [];
    for (const item of arrayArg('States.ArrayUnique', args, 0)) {
      if (!unique.some((kept) => jsonEquals(kept, item))) unique.push(item);
    }
    return unique;
  },
  'States.Base64Encode': (args) =>
    encodeBase64(limited('States.Base64Encode', stringArg('States.Base64Encode', args, 0))),
  'States.Base64Decode': (args) => {
    const text = limited('States.Base64Decode', stringArg('States.Base64Decode', args, 0));
    const decoded = decodeBase64(text);
    if (decoded === undefined)
      intrinsicError('States.Base64Decode', 'the argument is not valid Base64 text.');
    return decoded;
  },
  'States.Hash': hash,
  'States.JsonMerge': (args) => {
    const first = objectArg('States.JsonMerge', args, 0);
    const second = objectArg('States.JsonMerge', args, 1);
    if (booleanArg('States.JsonMerge', args, 2)) {
      intrinsicError(
        'States.JsonMerge',
        'only a shallow merge is supported: the third argument must be false.',
      );
    }
    return { ...first, ...second };
  },
  'States.MathRandom': mathRandom,
  'States.MathAdd': (args) =>
    roundHalfUp(numberArg('States.MathAdd', args, 0)) + roundHalfUp(numberArg('States.MathAdd', args, 1)),
  'States.StringSplit': (args) => {
    const text = stringArg('States.StringSplit', args, 0);
    const delimiters = new Set(stringArg('States.StringSplit', args, 1));
    const pieces: string[] = [];
    let piece = '';
    for (const char of text) {
      if (delimiters.has(char)) {
        if (piece !== '') pieces.push(piece);
        piece = '';
      } else piece += char;
    }
    if (piece !== '') pieces.push(piece);
    return pieces;
  },
  'States.UUID': (_args, services) => services.ids.uuid(),
};

function format(args: readonly JsonValue[], services: IntrinsicServices): string {
  const template = stringArg('States.Format', args, 0);
  const escaped = new Set(services.template?.value === template ? services.template.escapedBraces : []);
  let out = '';
  let next = 1;
  for (let i = 0; i < template.length; i++) {
    const char = template.charAt(i);
    if (char === '{' && template.charAt(i + 1) === '}' && !escaped.has(i) && !escaped.has(i + 1)) {
      const value = args[next++];
      if (value === undefined) {
        intrinsicError(
          'States.Format',
          `the template has more {} placeholders than the ${args.length - 1} values given.`,
        );
      }
      out += renderForFormat(value);
      i++;
    } else out += char;
  }
  if (next !== args.length) {
    intrinsicError(
      'States.Format',
      `the template has ${next - 1} {} placeholders but ${args.length - 1} values are given.`,
    );
  }
  return out;
}

function stringToJson(text: string): JsonValue {
  if (text.trim() === '') return null;
  let parsed: unknown;
  try {
    parsed = parseJson(text);
  } catch (error) {
    const deep = error instanceof JsonTooDeep;
    intrinsicError(
      'States.StringToJson',
      deep ? `the argument nests ${DEPTH_LIMIT_TEXT}.` : 'the argument is not valid JSON text.',
    );
  }
  // toJsonValue also turns -0 into 0, as the JSON text of the result would.
  return toJsonValue(parsed);
}

function arrayPartition(args: readonly JsonValue[]): JsonValue[] {
  const array = arrayArg('States.ArrayPartition', args, 0);
  const size = integerArg('States.ArrayPartition', args, 1);
  if (size <= 0)
    intrinsicError('States.ArrayPartition', `the chunk size must be greater than 0, not ${size}.`);
  const chunks: JsonValue[] = [];
  for (let i = 0; i < array.length; i += size) chunks.push(array.slice(i, i + size));
  return chunks;
}

function arrayRange(args: readonly JsonValue[]): number[] {
  const start = integerArg('States.ArrayRange', args, 0);
  const end = integerArg('States.ArrayRange', args, 1);
  const step = integerArg('States.ArrayRange', args, 2);
  if (step === 0) intrinsicError('States.ArrayRange', 'the step cannot be 0.');
  const count = rangeLength(start, end, step);
  if (count > ARRAY_RANGE_MAX_ITEMS) {
    intrinsicError(
      'States.ArrayRange',
      `the range would hold ${count} numbers; at most ${ARRAY_RANGE_MAX_ITEMS} are allowed.`,
    );
  }
  return Array.from({ length: count }, (_, i) => start + i * step);
}

function hash(args: readonly JsonValue[]): string {
  const data = limited('States.Hash', stringArg('States.Hash', args, 0));
  const algorithm = stringArg('States.Hash', args, 1);
  if (!isHashAlgorithm(algorithm)) {
    intrinsicError(
      'States.Hash',
      `"${algorithm}" is not a supported algorithm; use one of ${HASH_ALGORITHMS.join(', ')}.`,
    );
  }
  return hashText(data, algorithm);
}

function mathRandom(args: readonly JsonValue[], services: IntrinsicServices): number {
  const start = Math.trunc(numberArg('States.MathRandom', args, 0));
  const end = Math.trunc(numberArg('States.MathRandom', args, 1));
  if (end <= start)
    intrinsicError('States.MathRandom', `the start (${start}) must be less than the end (${end}).`);
  const span = end - start;
  if (args.length > 2) return start + seededInt(integerArg('States.MathRandom', args, 2), span);
  return start + Math.min(span - 1, Math.floor(services.random.next() * span));
}

function limited(name: string, text: string): string {
  if (text.length > ENCODING_MAX_INPUT_LENGTH) {
    intrinsicError(
      name,
      `the input has ${text.length} characters; at most ${ENCODING_MAX_INPUT_LENGTH} are allowed.`,
    );
  }
  return text;
}

/** Java's Math.round: halves go towards positive infinity (-1.5 → -1, 2.5 → 3). */
function roundHalfUp(value: number): number {
  const rounded = Math.floor(value + 0.5);
  return Object.is(rounded, -0) ? 0 : rounded;
}
