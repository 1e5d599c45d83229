import type { SchemaObject } from 'ajv';
import { CHOICE_OPERATORS } from '../choiceOperatorKinds';
import {
  anyValue,
  arrayOrJsonata,
  boolean,
  fields,
  integer,
  integerOrJsonata,
  JSONATA_PATTERN,
  listOf,
  object,
  objectOrJsonata,
  oneOfStrings,
  pathOrNull,
  seconds,
  string,
  waitSeconds,
} from './fragments';

/**
 * The shape of every state type: which fields it takes (the union of its JSONPath and JSONata
 * fields: which query language may use which field is a semantic rule), which it needs, and
 * what kind of value each holds. Relations between fields (X vs XPath, Next vs End, ...) are
 * the semantic rules' business, not the schema's.
 */

export const STATE_TYPES = ['Choice', 'Fail', 'Map', 'Parallel', 'Pass', 'Succeed', 'Task', 'Wait'] as const;
export type StateType = (typeof STATE_TYPES)[number];

export const QUERY_LANGUAGES = ['JSONPath', 'JSONata'] as const;

const common = (): Record<string, SchemaObject> => ({
  Type: oneOfStrings('stateType', STATE_TYPES),
  Comment: string(),
  QueryLanguage: oneOfStrings('queryLanguage', QUERY_LANGUAGES),
});

const transition = (): Record<string, SchemaObject> => ({ Next: string(), End: boolean() });

const inputOutput = (): Record<string, SchemaObject> => ({
  InputPath: pathOrNull(),
  OutputPath: pathOrNull(),
});

/**
 * Objects that several state types hold. Each is compiled once and referred to by `$ref`, so
 * the generated validators stay small.
 */
const SHARED: Readonly<Record<SharedName, SchemaObject>> = {
  retrier: fields(
    'retrier',
    {
      ErrorEquals: listOf('errorNames', string(), 1),
      IntervalSeconds: integer('retryInterval', 1, 99_999_999),
      MaxAttempts: integer('maxAttempts', 0, 99_999_999),
      BackoffRate: { type: 'number', minimum: 1, expects: 'backoffRate' },
      MaxDelaySeconds: integer('maxDelay', 1, 31_622_400),
      JitterStrategy: oneOfStrings('jitter', ['FULL', 'NONE']),
      Comment: string(),
    },
    ['ErrorEquals'],
  ),
  catcher: fields(
    'catcher',
    {
      ErrorEquals: listOf('errorNames', string(), 1),
      Next: string(),
      ResultPath: pathOrNull(),
      Assign: object(),
      Output: anyValue(),
      Comment: string(),
    },
    ['ErrorEquals', 'Next'],
  ),
  // One rule of a Choice state, top-level or nested in And/Or/Not: both levels accept the same
  // fields here; which fields belong at which level is a semantic rule.
  choiceRule: fields('choiceRule', {
    Variable: string(),
    ...Object.fromEntries([...CHOICE_OPERATORS.keys()].map((operator) => [operator, anyValue()])),
    And: listOf('choiceRules', ref('choiceRule')),
    Or: listOf('choiceRules', ref('choiceRule')),
    Not: ref('choiceRule'),
    Condition: { type: ['boolean', 'string'], expects: 'condition' },
    Next: string(),
    Assign: object(),
    Output: anyValue(),
    Comment: string(),
  }),
  credentials: fields('credentials', { RoleArn: string(), 'RoleArn.$': string() }),
  itemReader: fields(
    'itemReader',
    {
      Resource: string(),
      Parameters: object(),
      Arguments: objectOrJsonata(),
      ReaderConfig: fields('readerConfig', {
        InputType: oneOfStrings('inputType', ['CSV', 'JSON', 'JSONL', 'MANIFEST', 'PARQUET']),
        CSVHeaderLocation: oneOfStrings('csvHeaderLocation', ['FIRST_ROW', 'GIVEN']),
        CSVHeaders: listOf('stringList', string()),
        CSVDelimiter: oneOfStrings('csvDelimiter', ['COMMA', 'PIPE', 'SEMICOLON', 'SPACE', 'TAB']),
        ManifestType: string(),
        MaxItems: integerOrJsonata('count', 0, 100_000_000),
        MaxItemsPath: string(),
      }),
    },
    ['Resource'],
  ),
  itemBatcher: fields('itemBatcher', {
    MaxItemsPerBatch: integerOrJsonata('batchItems', 1),
    MaxItemsPerBatchPath: string(),
    MaxInputBytesPerBatch: integerOrJsonata('batchBytes', 1, 262_144),
    MaxInputBytesPerBatchPath: string(),
    BatchInput: objectOrJsonata(),
  }),
  resultWriter: fields('resultWriter', {
    Resource: string(),
    Parameters: object(),
    Arguments: objectOrJsonata(),
    WriterConfig: fields('writerConfig', {
      OutputType: oneOfStrings('outputType', ['JSON', 'JSONL']),
      Transformation: oneOfStrings('transformation', ['NONE', 'COMPACT', 'FLATTEN']),
    }),
  }),
};

type SharedName =
  'retrier' | 'catcher' | 'choiceRule' | 'credentials' | 'itemReader' | 'itemBatcher' | 'resultWriter';

function ref(name: SharedName): SchemaObject {
  return { $ref: name };
}

const errorHandling = (): Record<string, SchemaObject> => ({
  Retry: listOf('retriers', ref('retrier')),
  Catch: listOf('catchers', ref('catcher')),
});

const results = (): Record<string, SchemaObject> => ({
  ResultSelector: object(),
  ResultPath: pathOrNull(),
  Assign: object(),
  Output: anyValue(),
});

/** A Parallel branch or a Map processor: its insides are checked as a scope of their own. */
const scopeObject = (): SchemaObject => ({ type: 'object', expects: 'processor' });

export const STATE_SCHEMAS: Readonly<Record<StateType, SchemaObject>> = {
  Pass: fields('Pass', {
    ...common(),
    ...transition(),
    ...inputOutput(),
    Parameters: object(),
    Result: anyValue(),
    ResultPath: pathOrNull(),
    Assign: object(),
    Output: anyValue(),
  }),
  Task: fields(
    'Task',
    {
      ...common(),
      ...transition(),
      ...inputOutput(),
      Resource: string(),
      Parameters: object(),
      Arguments: objectOrJsonata(),
      ...results(),
      ...errorHandling(),
      TimeoutSeconds: seconds(),
      TimeoutSecondsPath: string(),
      HeartbeatSeconds: seconds(),
      HeartbeatSecondsPath: string(),
      Credentials: ref('credentials'),
    },
    ['Resource'],
  ),
  Choice: fields(
    'Choice',
    {
      ...common(),
      ...inputOutput(),
      Choices: listOf('choiceRules', ref('choiceRule'), 1),
      Default: string(),
      Assign: object(),
      Output: anyValue(),
    },
    ['Choices'],
  ),
  Wait: fields('Wait', {
    ...common(),
    ...transition(),
    ...inputOutput(),
    Seconds: waitSeconds(),
    SecondsPath: string(),
    Timestamp: string(),
    TimestampPath: string(),
    Assign: object(),
    Output: anyValue(),
  }),
  Succeed: fields('Succeed', { ...common(), ...inputOutput(), Output: anyValue() }),
  Fail: fields('Fail', {
    ...common(),
    Error: string(),
    ErrorPath: string(),
    Cause: string(),
    CausePath: string(),
  }),
  Parallel: fields(
    'Parallel',
    {
      ...common(),
      ...transition(),
      ...inputOutput(),
      Branches: listOf('branches', scopeObject(), 1),
      Parameters: object(),
      Arguments: objectOrJsonata(),
      ...results(),
      ...errorHandling(),
    },
    ['Branches'],
  ),
  Map: {
    ...fields('Map', {
      ...common(),
      ...transition(),
      ...inputOutput(),
      ItemProcessor: scopeObject(),
      Iterator: scopeObject(),
      ItemsPath: string(),
      Items: arrayOrJsonata(),
      ItemSelector: objectOrJsonata(),
      Parameters: object(),
      ItemReader: ref('itemReader'),
      ItemBatcher: ref('itemBatcher'),
      ResultWriter: ref('resultWriter'),
      MaxConcurrency: integerOrJsonata('count', 0),
      MaxConcurrencyPath: string(),
      ToleratedFailurePercentage: {
        type: ['number', 'string'],
        minimum: 0,
        maximum: 100,
        pattern: JSONATA_PATTERN,
        expects: 'percentage',
      },
      ToleratedFailurePercentagePath: string(),
      ToleratedFailureCount: integerOrJsonata('count', 0),
      ToleratedFailureCountPath: string(),
      Label: { type: 'string', maxLength: 40, expects: 'label' },
      ...results(),
      ...errorHandling(),
    }),
    // The processor is required under either name; which one (and not both) is a semantic rule.
    anyOf: [{ required: ['ItemProcessor'] }, { required: ['Iterator'] }],
  },
};

/** Checked when a state's Type is missing or unknown: only the Type itself can be judged then. */
export const STATE_TYPE_SCHEMA: SchemaObject = {
  type: 'object',
  objectName: 'state',
  properties: { Type: oneOfStrings('stateType', STATE_TYPES) },
  required: ['Type'],
};

/** The shared definitions by the name `$ref` uses for them. */
export const SHARED_SCHEMAS: Readonly<Record<string, SchemaObject>> = SHARED;

export function isStateType(value: string | undefined): value is StateType {
  return value !== undefined && (STATE_TYPES as readonly string[]).includes(value);
}

/** The fields a state of this type takes, for completion and for suggestions. */
export function stateFieldNames(type: StateType): readonly string[] {
  const properties: unknown = STATE_SCHEMAS[type]['properties'];
  return typeof properties === 'object' && properties !== null ? Object.keys(properties) : [];
}
