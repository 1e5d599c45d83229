/**
 * The 18 intrinsic functions of Step Functions as data: what completion lists, what hover
 * shows and what the literal-argument checker enforces. Descriptions and examples are ours.
 */

/** What an argument must be. `integer` is a number without a fractional part; `json` is any JSON value. */
export type ValueKind = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'json';

/** A kind as signatures show it: JSON for any JSON value, the kind's own name otherwise. */
function kindLabel(kind: ValueKind): string {
  return kind === 'json' ? 'JSON' : kind;
}

export interface IntrinsicParameter {
  readonly name: string;
  readonly kind: ValueKind;
  /** May be left out (only trailing parameters). */
  readonly optional?: boolean;
  /** Takes any number of arguments from here on (only the last parameter). */
  readonly variadic?: boolean;
}

export interface IntrinsicFunction {
  readonly name: string;
  readonly minArgs: number;
  /** `Infinity` when the last parameter is variadic. */
  readonly maxArgs: number;
  readonly parameters: readonly IntrinsicParameter[];
  /** The kind of value the call produces: where a caller needs, say, a string, others do not fit. */
  readonly returns: ValueKind;
  /** As shown in completion and hover, e.g. `States.MathAdd(value: number, step: number): number`. */
  readonly signature: string;
  readonly description: string;
  readonly example: string;
}

/** Algorithms States.Hash accepts, spelled as AWS spells them. */
export const HASH_ALGORITHMS = ['MD5', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'] as const;
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number];

export function isHashAlgorithm(name: string): name is HashAlgorithm {
  return (HASH_ALGORITHMS as readonly string[]).includes(name);
}

/**
 * The only intrinsics a Fail state's ErrorPath and CausePath may hold (the AWS documentation
 * lists them: the functions that yield a string).
 */
export const FAIL_PATH_INTRINSICS: readonly string[] = [
  'States.Format',
  'States.JsonToString',
  'States.ArrayGetItem',
  'States.Base64Encode',
  'States.Base64Decode',
  'States.Hash',
  'States.UUID',
];

/** States.ArrayRange may produce at most this many items. */
export const ARRAY_RANGE_MAX_ITEMS = 1000;

/** How many numbers counting from start to end (inclusive) by step gives; step is not 0. */
export function rangeLength(start: number, end: number, step: number): number {
  return Math.max(0, Math.floor((end - start) / step) + 1);
}
/** Base64Encode, Base64Decode and Hash take inputs of at most this many characters. */
export const ENCODING_MAX_INPUT_LENGTH = 10_000;

function define(
  name: string,
  parameters: readonly IntrinsicParameter[],
  returns: ValueKind,
  description: string,
  example: string,
): IntrinsicFunction {
  const required = parameters.filter(
    (parameter) => parameter.optional !== true && parameter.variadic !== true,
  );
  const variadic = parameters.some((parameter) => parameter.variadic === true);
  const shown = parameters
    .map((parameter) => {
      const mark = parameter.optional === true ? '?' : '';
      return parameter.variadic === true
        ? `...${parameter.name}: ${kindLabel(parameter.kind)}[]`
        : `${parameter.name}${mark}: ${kindLabel(parameter.kind)}`;
    })
    .join(', ');
  return {
    name,
    minArgs: required.length,
    maxArgs: variadic ? Infinity : parameters.length,
    parameters,
    returns,
    signature: `${name}(${shown}): ${kindLabel(returns)}`,
    description,
    example,
  };
}

export const INTRINSIC_FUNCTIONS: readonly IntrinsicFunction[] = [
  define(
    'States.Format',
    [
      { name: 'template', kind: 'string' },
      { name: 'values', kind: 'json', variadic: true },
    ],
    'string',
    'Builds a string from a template, putting the following arguments in place of each {} in turn.',
    "States.Format('Order {} ships to {}', $.orderId, $.city)",
  ),
  define(
    'States.StringToJson',
    [{ name: 'text', kind: 'string' }],
    'json',
    'Reads a string of JSON text and returns the value it holds.',
    'States.StringToJson($.payloadText)',
  ),
  define(
    'States.JsonToString',
    [{ name: 'value', kind: 'json' }],
    'string',
    'Writes a value as compact JSON text (no spaces).',
    'States.JsonToString($.order)',
  ),
  define(
    'States.Array',
    [{ name: 'items', kind: 'json', variadic: true }],
    'array',
    'Makes an array of its arguments, in order.',
    'States.Array($.first, $.second, 3)',
  ),
  define(
    'States.ArrayPartition',
    [
      { name: 'array', kind: 'array' },
      { name: 'chunkSize', kind: 'integer' },
    ],
    'array',
    'Splits an array into consecutive chunks of the given size; the last chunk may be shorter.',
    'States.ArrayPartition($.items, 25)',
  ),
  define(
    'States.ArrayContains',
    [
      { name: 'array', kind: 'array' },
      { name: 'value', kind: 'json' },
    ],
    'boolean',
    'Tells whether an array holds a value equal to the given one.',
    "States.ArrayContains($.tags, 'urgent')",
  ),
  define(
    'States.ArrayRange',
    [
      { name: 'start', kind: 'integer' },
      { name: 'end', kind: 'integer' },
      { name: 'step', kind: 'integer' },
    ],
    'array',
    `Counts from start to end (inclusive) by step; at most ${ARRAY_RANGE_MAX_ITEMS} numbers.`,
    'States.ArrayRange(1, 9, 2)',
  ),
  define(
    'States.ArrayGetItem',
    [
      { name: 'array', kind: 'array' },
      { name: 'index', kind: 'integer' },
    ],
    'json',
    'Returns the item at a zero-based index of an array.',
    'States.ArrayGetItem($.items, 0)',
  ),
  define(
    'States.ArrayLength',
    [{ name: 'array', kind: 'array' }],
    'integer',
    'Returns the number of items in an array.',
    'States.ArrayLength($.items)',
  ),
  define(
    'States.ArrayUnique',
    [{ name: 'array', kind: 'array' }],
    'array',
    'Returns an array without repeated values, keeping the first of each.',
    'States.ArrayUnique($.ids)',
  ),
  define(
    'States.Base64Encode',
    [{ name: 'text', kind: 'string' }],
    'string',
    `Encodes a string (UTF-8) as Base64; up to ${ENCODING_MAX_INPUT_LENGTH} characters.`,
    'States.Base64Encode($.message)',
  ),
  define(
    'States.Base64Decode',
    [{ name: 'base64', kind: 'string' }],
    'string',
    `Decodes Base64 text back to a string; up to ${ENCODING_MAX_INPUT_LENGTH} characters.`,
    'States.Base64Decode($.encoded)',
  ),
  define(
    'States.Hash',
    [
      { name: 'data', kind: 'string' },
      { name: 'algorithm', kind: 'string' },
    ],
    'string',
    `Returns the hexadecimal digest of the data with ${HASH_ALGORITHMS.join(', ')}.`,
    "States.Hash($.document, 'SHA-256')",
  ),
  define(
    'States.JsonMerge',
    [
      { name: 'first', kind: 'object' },
      { name: 'second', kind: 'object' },
      { name: 'deep', kind: 'boolean' },
    ],
    'object',
    'Merges two objects key by key; on a shared key the second wins. Only a shallow merge (false) is supported.',
    'States.JsonMerge($.defaults, $.overrides, false)',
  ),
  define(
    'States.MathRandom',
    [
      { name: 'start', kind: 'integer' },
      { name: 'end', kind: 'integer' },
      { name: 'seed', kind: 'integer', optional: true },
    ],
    'integer',
    'Returns a random whole number from start (inclusive) up to end (exclusive), optionally seeded.',
    'States.MathRandom(1, 100)',
  ),
  define(
    'States.MathAdd',
    [
      { name: 'value', kind: 'number' },
      { name: 'step', kind: 'number' },
    ],
    'integer',
    'Adds two numbers (each rounded to a whole number first).',
    'States.MathAdd($.count, 1)',
  ),
  define(
    'States.StringSplit',
    [
      { name: 'text', kind: 'string' },
      { name: 'delimiters', kind: 'string' },
    ],
    'array',
    'Splits a string at any of the delimiter characters, dropping empty pieces.',
    "States.StringSplit($.csv, ',')",
  ),
  define('States.UUID', [], 'string', 'Returns a new version 4 UUID.', 'States.UUID()'),
];

const BY_NAME = new Map(INTRINSIC_FUNCTIONS.map((fn) => [fn.name, fn]));

export function intrinsicFunction(name: string): IntrinsicFunction | undefined {
  return BY_NAME.get(name);
}

/** The parameter an argument at `index` binds to (the variadic one for every extra argument). */
export function parameterAt(fn: IntrinsicFunction, index: number): IntrinsicParameter | undefined {
  const direct = fn.parameters[index];
  if (direct !== undefined) return direct;
  const last = fn.parameters[fn.parameters.length - 1];
  return last?.variadic === true ? last : undefined;
}
