import type { SchemaObject } from 'ajv';

/**
 * Small builders for the ASL schema. Two annotation keywords carry what the error messages need
 * (validators.ts registers them with ajv; they never affect validation):
 * - `expects`: what a field's value must be, as a key of EXPECTED_VALUES in messages.ts;
 * - `objectName`: what an object is, as a key of OBJECT_NAMES in messages.ts.
 * Both keep the wording out of the schema, in the messages table.
 */

/** A string that is a whole JSONata expression, `{% ... %}`, as JSONata states write computed values. */
export const JSONATA_PATTERN = '^\\{%[\\s\\S]*%\\}$';

/** The largest number of seconds Step Functions takes in its duration fields. */
const MAX_SECONDS = 99_999_999;

export const EXPECTED_KINDS = [
  'string',
  'boolean',
  'object',
  'objectOrJsonata',
  'arrayOrJsonata',
  'pathOrNull',
  'queryLanguage',
  'stateType',
  'state',
  'states',
  'seconds',
  'waitSeconds',
  'machineTimeout',
  'count',
  'percentage',
  'batchItems',
  'batchBytes',
  'retryInterval',
  'maxAttempts',
  'backoffRate',
  'maxDelay',
  'jitter',
  'errorNames',
  'stringList',
  'choiceRules',
  'choiceRule',
  'condition',
  'branches',
  'retriers',
  'catchers',
  'label',
  'processorMode',
  'executionType',
  'inputType',
  'csvHeaderLocation',
  'csvDelimiter',
  'outputType',
  'transformation',
  'processor',
  'credentials',
  'itemReader',
  'readerConfig',
  'itemBatcher',
  'resultWriter',
  'writerConfig',
  'processorConfig',
] as const;

export type Expected = (typeof EXPECTED_KINDS)[number];

const EXPECTED_KINDS_SET: ReadonlySet<string> = new Set(EXPECTED_KINDS);

export function isExpected(value: string): value is Expected {
  return EXPECTED_KINDS_SET.has(value);
}

export const OBJECT_NAMES = [
  'machine',
  'branch',
  'itemProcessor',
  'iterator',
  'state',
  'Pass',
  'Task',
  'Choice',
  'Wait',
  'Succeed',
  'Fail',
  'Parallel',
  'Map',
  'retrier',
  'catcher',
  'choiceRule',
  'credentials',
  'itemReader',
  'readerConfig',
  'itemBatcher',
  'resultWriter',
  'writerConfig',
  'processorConfig',
] as const;

export type ObjectName = (typeof OBJECT_NAMES)[number];

const OBJECT_NAMES_SET: ReadonlySet<string> = new Set(OBJECT_NAMES);

export function isObjectName(value: string): value is ObjectName {
  return OBJECT_NAMES_SET.has(value);
}

export function string(): SchemaObject {
  return { type: 'string', expects: 'string' };
}

export function boolean(): SchemaObject {
  return { type: 'boolean', expects: 'boolean' };
}

/** Any JSON value: payloads whose insides are the semantic rules' business (Result, Output). */
export function anyValue(): SchemaObject {
  return {};
}

export function object(): SchemaObject {
  return { type: 'object', expects: 'object' };
}

export function objectOrJsonata(): SchemaObject {
  return { type: ['object', 'string'], pattern: JSONATA_PATTERN, expects: 'objectOrJsonata' };
}

export function arrayOrJsonata(): SchemaObject {
  return { type: ['array', 'string'], pattern: JSONATA_PATTERN, expects: 'arrayOrJsonata' };
}

/** InputPath, OutputPath, ResultPath: a path, or null to discard. The path's syntax is a semantic rule. */
export function pathOrNull(): SchemaObject {
  return { type: ['string', 'null'], expects: 'pathOrNull' };
}

/** An integer in [minimum, maximum], or a JSONata expression computing it. */
export function integerOrJsonata(expects: Expected, minimum: number, maximum?: number): SchemaObject {
  return {
    type: ['integer', 'string'],
    minimum,
    ...(maximum === undefined ? {} : { maximum }),
    pattern: JSONATA_PATTERN,
    expects,
  };
}

export function integer(expects: Expected, minimum: number, maximum?: number): SchemaObject {
  return { type: 'integer', minimum, ...(maximum === undefined ? {} : { maximum }), expects };
}

export function oneOfStrings(expects: Expected, values: readonly string[]): SchemaObject {
  return { type: 'string', enum: [...values], expects };
}

export function listOf(expects: Expected, items: SchemaObject, minItems = 0): SchemaObject {
  return { type: 'array', items, ...(minItems > 0 ? { minItems } : {}), expects };
}

/** An object with exactly these fields (any other key is an error), some of them required. */
export function fields(
  objectName: ObjectName,
  properties: Readonly<Record<string, SchemaObject>>,
  required: readonly string[] = [],
): SchemaObject {
  return {
    type: 'object',
    objectName,
    properties,
    additionalProperties: false,
    ...(required.length > 0 ? { required: [...required] } : {}),
  };
}

export const seconds = (): SchemaObject => integerOrJsonata('seconds', 1, MAX_SECONDS);
export const waitSeconds = (): SchemaObject => integerOrJsonata('waitSeconds', 0, MAX_SECONDS);
export const machineTimeout = (): SchemaObject => integer('machineTimeout', 1, MAX_SECONDS);
