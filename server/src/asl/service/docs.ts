/**
 * Every piece of documentation the editor shows, as data: ASL fields (with where they apply and
 * what they hold), state types, the predefined error names, the context object, the JSONata
 * functions and the `$states` variable. Written in our own words from the Amazon States Language
 * specification and the Step Functions developer guide; each entry links to the AWS page.
 * Intrinsic functions are documented by their catalogue (../intrinsics), not here.
 */

import type { QueryLanguage } from '../rules/context';
import { FLOWING_TYPES } from '../rules/terminal';

const GUIDE = 'https://docs.aws.amazon.com/step-functions/latest/dg/';

/** Which query language a field belongs to: one of them, or both. */
export type QueryLanguageSupport = QueryLanguage | 'both';

export const STATE_TYPES = ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'] as const;
export type StateType = (typeof STATE_TYPES)[number];

export function isStateType(value: string | undefined): value is StateType {
  return value !== undefined && (STATE_TYPES as readonly string[]).includes(value);
}

/** What a field holds: drives insert texts, value completion and hover. */
export type ValueShape =
  | { readonly kind: 'string' }
  | { readonly kind: 'stateName' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'integer' }
  | { readonly kind: 'number' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'object' }
  | { readonly kind: 'array' }
  /** A JSONPath (reference path) string. */
  | { readonly kind: 'path' }
  /** An ARN. */
  | { readonly kind: 'resource' }
  /** Any JSON value, or a JSONata string. */
  | { readonly kind: 'json' };

export interface FieldDoc {
  readonly name: string;
  /** One or two sentences of markdown. */
  readonly summary: string;
  readonly value: ValueShape;
  readonly queryLanguage: QueryLanguageSupport;
  readonly link: string;
  /** For a JSONPath-only field: what replaces it in a JSONata state. */
  readonly jsonataEquivalent?: string;
  readonly deprecated?: string;
  readonly required?: boolean;
}

const STRING = { kind: 'string' } as const;
const STATE_NAME = { kind: 'stateName' } as const;
const BOOLEAN = { kind: 'boolean' } as const;
const INTEGER = { kind: 'integer' } as const;
const NUMBER = { kind: 'number' } as const;
const OBJECT = { kind: 'object' } as const;
const ARRAY = { kind: 'array' } as const;
const PATH = { kind: 'path' } as const;
const RESOURCE = { kind: 'resource' } as const;
const JSON_VALUE = { kind: 'json' } as const;
const oneOf = (...values: string[]): ValueShape => ({ kind: 'enum', values });

function field(
  name: string,
  summary: string,
  value: ValueShape,
  page: string,
  extra: Partial<Omit<FieldDoc, 'name' | 'summary' | 'value' | 'link'>> = {},
): FieldDoc {
  return { name, summary, value, link: GUIDE + page, queryLanguage: 'both', ...extra };
}

const jsonPathOnly = (jsonataEquivalent?: string) =>
  jsonataEquivalent === undefined
    ? ({ queryLanguage: 'JSONPath' } as const)
    : ({ queryLanguage: 'JSONPath', jsonataEquivalent } as const);
const jsonataOnly = { queryLanguage: 'JSONata' } as const;

// ---------------------------------------------------------------------------------------------
// Fields shared by several objects
// ---------------------------------------------------------------------------------------------

const COMMENT = field(
  'Comment',
  'A note for people reading the definition. Step Functions ignores it.',
  STRING,
  'statemachine-structure.html',
);
const QUERY_LANGUAGE_STATE = field(
  'QueryLanguage',
  'The language used by the expressions of this state: `JSONPath` (the default) or `JSONata`. Overrides the top-level setting.',
  oneOf('JSONPath', 'JSONata'),
  'transforming-data.html',
);
const NEXT = field(
  'Next',
  'The state to run after this one. A state has either `Next` or `End`.',
  STATE_NAME,
  'statemachine-structure.html',
);
const END = field(
  'End',
  'Set to `true` to make this state the last one of its workflow, branch or processor.',
  BOOLEAN,
  'statemachine-structure.html',
);
const INPUT_PATH = field(
  'InputPath',
  'A path selecting the part of the state input that the state works on. `null` gives it an empty object.',
  PATH,
  'input-output-inputpath-params.html',
  jsonPathOnly('Arguments (or Output) with a JSONata expression over `$states.input`'),
);
const OUTPUT_PATH = field(
  'OutputPath',
  'A path selecting the part of the state output that is passed on to the next state.',
  PATH,
  'input-output-example.html',
  jsonPathOnly('Output'),
);
const PARAMETERS = field(
  'Parameters',
  'A template for the input given to the task, branch or iteration. Keys ending in `.$` take their value from a path or an intrinsic function.',
  OBJECT,
  'input-output-inputpath-params.html',
  jsonPathOnly('Arguments'),
);
const RESULT_SELECTOR = field(
  'ResultSelector',
  'A template applied to the raw result before `ResultPath`: keys ending in `.$` pick values from the result.',
  OBJECT,
  'input-output-inputpath-params.html#input-output-resultselector',
  jsonPathOnly('Output'),
);
const RESULT_PATH = field(
  'ResultPath',
  'Where the result is placed in the state input to form the output. `$` replaces the input; `null` discards the result.',
  PATH,
  'input-output-resultpath.html',
  jsonPathOnly('Output (combine `$states.input` and `$states.result`)'),
);
const ARGUMENTS = field(
  'Arguments',
  'The input given to the task, branch or iteration: a JSON value whose strings may hold JSONata expressions in `{% %}`, or one `{% %}` expression.',
  JSON_VALUE,
  'transforming-data.html',
  jsonataOnly,
);
const OUTPUT = field(
  'Output',
  'The state output: a JSON value with `{% %}` expressions, or one expression. Without it the output is the result (or the input for states without a result).',
  JSON_VALUE,
  'transforming-data.html',
  jsonataOnly,
);
const ASSIGN = field(
  'Assign',
  'Workflow variables to set when the state completes: each key is a variable name, each value a JSON value or expression. Later states read them as `$name`.',
  OBJECT,
  'workflow-variables.html',
);
const RETRY = field(
  'Retry',
  'Retriers, tried in order: the first whose `ErrorEquals` matches the error decides whether and when the state runs again.',
  ARRAY,
  'concepts-error-handling.html#error-handling-retrying-after-an-error',
);
const CATCH = field(
  'Catch',
  'Catchers, tried in order once retries are exhausted: the first whose `ErrorEquals` matches moves the execution to its `Next` state.',
  ARRAY,
  'concepts-error-handling.html#error-handling-fallback-states',
);
const START_AT = field(
  'StartAt',
  'The name of the first state to run. It must be one of the `States` of the same object.',
  STATE_NAME,
  'statemachine-structure.html',
  { required: true },
);
const STATES = field(
  'States',
  'The states, as an object whose keys are the state names (at most 80 characters, unique in the whole state machine).',
  OBJECT,
  'statemachine-structure.html',
  { required: true },
);

// ---------------------------------------------------------------------------------------------
// The top level, branches and processors
// ---------------------------------------------------------------------------------------------

export const MACHINE_FIELDS: readonly FieldDoc[] = [
  START_AT,
  STATES,
  COMMENT,
  field(
    'Version',
    'The version of the Amazon States Language used; `"1.0"` is the only one.',
    oneOf('1.0'),
    'statemachine-structure.html',
  ),
  field(
    'TimeoutSeconds',
    'The longest an execution may run, in seconds. When it is exceeded the execution fails with `States.Timeout`.',
    INTEGER,
    'statemachine-structure.html',
  ),
  field(
    'QueryLanguage',
    "The default language of every state's expressions: `JSONPath` (the default) or `JSONata`. A state can override it.",
    oneOf('JSONPath', 'JSONata'),
    'transforming-data.html',
  ),
];

export const BRANCH_FIELDS: readonly FieldDoc[] = [START_AT, STATES, COMMENT];

export const PROCESSOR_FIELDS: readonly FieldDoc[] = [
  field(
    'ProcessorConfig',
    'How the Map state runs its iterations: `Mode` (`INLINE` or `DISTRIBUTED`) and, for distributed maps, `ExecutionType`.',
    OBJECT,
    'state-map.html',
  ),
  START_AT,
  STATES,
  COMMENT,
];

export const PROCESSOR_CONFIG_FIELDS: readonly FieldDoc[] = [
  field(
    'Mode',
    '`INLINE` runs the iterations inside this execution (at most 40 at a time); `DISTRIBUTED` starts a child execution per batch of items, for large data sets.',
    oneOf('INLINE', 'DISTRIBUTED'),
    'state-map.html',
  ),
  field(
    'ExecutionType',
    'For a distributed map: whether the child executions are `STANDARD` or `EXPRESS` workflows.',
    oneOf('STANDARD', 'EXPRESS'),
    'state-map-distributed.html',
  ),
];

// ---------------------------------------------------------------------------------------------
// State fields: each with the state types that accept it
// ---------------------------------------------------------------------------------------------

export interface StateFieldDoc extends FieldDoc {
  readonly types: readonly StateType[];
}

const ALL: readonly StateType[] = STATE_TYPES;
const FLOWING: readonly StateType[] = STATE_TYPES.filter((type) => FLOWING_TYPES.has(type));
const WORKING: readonly StateType[] = ['Task', 'Parallel', 'Map'];
const on = (types: readonly StateType[], doc: FieldDoc): StateFieldDoc => ({ ...doc, types });

export const STATE_FIELDS: readonly StateFieldDoc[] = [
  on(
    ALL,
    field(
      'Type',
      'The kind of state: `Task`, `Pass`, `Choice`, `Wait`, `Succeed`, `Fail`, `Parallel` or `Map`.',
      oneOf(...STATE_TYPES),
      'statemachine-structure.html',
      { required: true },
    ),
  ),
  on(ALL, COMMENT),
  on(ALL, QUERY_LANGUAGE_STATE),
  on(FLOWING, NEXT),
  on(FLOWING, END),
  on(['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Parallel', 'Map'], INPUT_PATH),
  on(['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Parallel', 'Map'], OUTPUT_PATH),
  on(['Task', 'Pass', 'Parallel', 'Map'], PARAMETERS),
  on(WORKING, RESULT_SELECTOR),
  on(['Task', 'Pass', 'Parallel', 'Map'], RESULT_PATH),
  on(WORKING, ARGUMENTS),
  on(['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Parallel', 'Map'], OUTPUT),
  on(['Task', 'Pass', 'Choice', 'Wait', 'Parallel', 'Map'], ASSIGN),
  on(WORKING, RETRY),
  on(WORKING, CATCH),
  // Pass
  on(
    ['Pass'],
    field(
      'Result',
      'A fixed value that the Pass state outputs (placed by `ResultPath`), for stubs and constants.',
      JSON_VALUE,
      'state-pass.html',
      jsonPathOnly('Output'),
    ),
  ),
  // Task
  on(
    ['Task'],
    field(
      'Resource',
      'What the task runs: an activity, a Lambda function, or a service integration ARN such as `arn:aws:states:::lambda:invoke` or `arn:aws:states:::aws-sdk:service:action`.',
      RESOURCE,
      'state-task.html',
      { required: true },
    ),
  ),
  on(
    ['Task'],
    field(
      'TimeoutSeconds',
      'The longest the task may run, in seconds (default 99999999). Exceeding it raises `States.Timeout`. In JSONata a `{% %}` expression is allowed.',
      INTEGER,
      'state-task.html',
    ),
  ),
  on(
    ['Task'],
    field(
      'TimeoutSecondsPath',
      'A path to the task timeout, in seconds, in the state input.',
      PATH,
      'state-task.html',
      jsonPathOnly('TimeoutSeconds with a `{% %}` expression'),
    ),
  ),
  on(
    ['Task'],
    field(
      'HeartbeatSeconds',
      'The longest time between two heartbeats of the task, in seconds; it must be less than `TimeoutSeconds`. Missing a heartbeat raises `States.HeartbeatTimeout`.',
      INTEGER,
      'state-task.html',
    ),
  ),
  on(
    ['Task'],
    field(
      'HeartbeatSecondsPath',
      'A path to the heartbeat interval, in seconds, in the state input.',
      PATH,
      'state-task.html',
      jsonPathOnly('HeartbeatSeconds with a `{% %}` expression'),
    ),
  ),
  on(
    ['Task'],
    field(
      'Credentials',
      'A role to assume for the task (`RoleArn`, or `RoleArn.$` in JSONPath), for cross-account access.',
      OBJECT,
      'state-task.html',
    ),
  ),
  // Choice
  on(
    ['Choice'],
    field(
      'Choices',
      'The rules, tried in order: the first that matches sends the execution to its `Next` state.',
      ARRAY,
      'state-choice.html',
      { required: true },
    ),
  ),
  on(
    ['Choice'],
    field(
      'Default',
      'The state to go to when no rule matches. Without it, that case fails with `States.NoChoiceMatched`.',
      STATE_NAME,
      'state-choice.html',
    ),
  ),
  // Wait
  on(
    ['Wait'],
    field(
      'Seconds',
      'How long to wait, in seconds. In JSONata a `{% %}` expression is allowed.',
      INTEGER,
      'state-wait.html',
    ),
  ),
  on(
    ['Wait'],
    field(
      'Timestamp',
      'Wait until this time: an ISO-8601 timestamp such as `2026-01-01T00:00:00Z`. In JSONata a `{% %}` expression is allowed.',
      STRING,
      'state-wait.html',
    ),
  ),
  on(
    ['Wait'],
    field(
      'SecondsPath',
      'A path to the number of seconds to wait, in the state input.',
      PATH,
      'state-wait.html',
      jsonPathOnly('Seconds with a `{% %}` expression'),
    ),
  ),
  on(
    ['Wait'],
    field(
      'TimestampPath',
      'A path to the timestamp to wait until, in the state input.',
      PATH,
      'state-wait.html',
      jsonPathOnly('Timestamp with a `{% %}` expression'),
    ),
  ),
  // Fail
  on(
    ['Fail'],
    field(
      'Error',
      'The error name the execution fails with, matched by catchers of an enclosing Parallel or Map state.',
      STRING,
      'state-fail.html',
    ),
  ),
  on(['Fail'], field('Cause', 'A human-readable explanation of the failure.', STRING, 'state-fail.html')),
  on(
    ['Fail'],
    field(
      'ErrorPath',
      'A path (or intrinsic function) giving the error name from the state input.',
      PATH,
      'state-fail.html',
      jsonPathOnly('Error with a `{% %}` expression'),
    ),
  ),
  on(
    ['Fail'],
    field(
      'CausePath',
      'A path (or intrinsic function) giving the cause from the state input.',
      PATH,
      'state-fail.html',
      jsonPathOnly('Cause with a `{% %}` expression'),
    ),
  ),
  // Parallel
  on(
    ['Parallel'],
    field(
      'Branches',
      'The branches that run at the same time, each with its own `StartAt` and `States`. The output is an array of their outputs, in order.',
      ARRAY,
      'state-parallel.html',
      { required: true },
    ),
  ),
  // Map
  on(
    ['Map'],
    field(
      'ItemProcessor',
      'The states run for each item, with `ProcessorConfig` choosing inline or distributed mode.',
      OBJECT,
      'state-map.html',
      { required: true },
    ),
  ),
  on(
    ['Map'],
    field('Iterator', 'The states run for each item.', OBJECT, 'state-map.html', {
      deprecated: 'Use `ItemProcessor` instead.',
    }),
  ),
  on(
    ['Map'],
    field(
      'ItemsPath',
      'A path to the array to iterate over in the state input (default `$`).',
      PATH,
      'input-output-itemspath.html',
      jsonPathOnly('Items'),
    ),
  ),
  on(
    ['Map'],
    field(
      'Items',
      'The array to iterate over: a JSON array or a `{% %}` expression giving one.',
      JSON_VALUE,
      'state-map.html',
      jsonataOnly,
    ),
  ),
  on(
    ['Map'],
    field(
      'ItemSelector',
      "A template for each iteration's input; `$$.Map.Item.Value` (JSONPath) or `$states.context.Map.Item.Value` (JSONata) is the current item.",
      OBJECT,
      'input-output-itemselector.html',
    ),
  ),
  on(
    ['Map'],
    field(
      'ItemReader',
      'For a distributed map: where to read items from (an S3 object, CSV, JSON, JSONL or Parquet file, a manifest, or an S3 listing).',
      OBJECT,
      'input-output-itemreader.html',
    ),
  ),
  on(
    ['Map'],
    field(
      'ItemBatcher',
      'For a distributed map: group items into batches given to each child execution.',
      OBJECT,
      'input-output-itembatcher.html',
    ),
  ),
  on(
    ['Map'],
    field(
      'ResultWriter',
      'For a distributed map: write the child execution results to S3 instead of returning them.',
      OBJECT,
      'input-output-resultwriter.html',
    ),
  ),
  on(
    ['Map'],
    field(
      'MaxConcurrency',
      'The most iterations that run at the same time; 0 (the default) means as many as possible.',
      INTEGER,
      'state-map.html',
    ),
  ),
  on(
    ['Map'],
    field(
      'MaxConcurrencyPath',
      'A path to the concurrency limit in the state input.',
      PATH,
      'state-map.html',
      jsonPathOnly('MaxConcurrency with a `{% %}` expression'),
    ),
  ),
  on(
    ['Map'],
    field(
      'ToleratedFailurePercentage',
      'For a distributed map: the percentage of failed items (0–100) the map accepts before it fails.',
      NUMBER,
      'state-map-distributed.html',
    ),
  ),
  on(
    ['Map'],
    field(
      'ToleratedFailurePercentagePath',
      'A path to the tolerated failure percentage in the state input.',
      PATH,
      'state-map-distributed.html',
      jsonPathOnly('ToleratedFailurePercentage with a `{% %}` expression'),
    ),
  ),
  on(
    ['Map'],
    field(
      'ToleratedFailureCount',
      'For a distributed map: the number of failed items the map accepts before it fails.',
      INTEGER,
      'state-map-distributed.html',
    ),
  ),
  on(
    ['Map'],
    field(
      'ToleratedFailureCountPath',
      'A path to the tolerated failure count in the state input.',
      PATH,
      'state-map-distributed.html',
      jsonPathOnly('ToleratedFailureCount with a `{% %}` expression'),
    ),
  ),
  on(
    ['Map'],
    field(
      'Label',
      'For a distributed map: a label (up to 40 characters) used in the names of the child executions.',
      STRING,
      'state-map-distributed.html',
    ),
  ),
];

// ---------------------------------------------------------------------------------------------
// Retriers, catchers and Choice rules
// ---------------------------------------------------------------------------------------------

const ERROR_EQUALS = field(
  'ErrorEquals',
  'The error names this entry handles: predefined ones such as `States.Timeout` or `States.ALL` (which must be alone and last), or names raised by the task.',
  ARRAY,
  'concepts-error-handling.html',
  { required: true },
);

export const RETRIER_FIELDS: readonly FieldDoc[] = [
  ERROR_EQUALS,
  field(
    'IntervalSeconds',
    'Seconds before the first retry (default 1).',
    INTEGER,
    'concepts-error-handling.html#error-handling-retrying-after-an-error',
  ),
  field(
    'MaxAttempts',
    'How many retries at most (default 3); 0 means never retry this error.',
    INTEGER,
    'concepts-error-handling.html#error-handling-retrying-after-an-error',
  ),
  field(
    'BackoffRate',
    'The factor by which the interval grows after each attempt (default 2.0, at least 1.0).',
    NUMBER,
    'concepts-error-handling.html#error-handling-retrying-after-an-error',
  ),
  field(
    'MaxDelaySeconds',
    'The longest interval between two retries, however large the backoff makes it.',
    INTEGER,
    'concepts-error-handling.html#error-handling-retrying-after-an-error',
  ),
  field(
    'JitterStrategy',
    '`FULL` randomizes each interval between 0 and its computed value, so that many retrying executions spread out; `NONE` (the default) keeps it exact.',
    oneOf('FULL', 'NONE'),
    'concepts-error-handling.html#error-handling-retrying-after-an-error',
  ),
  COMMENT,
];

export const CATCHER_FIELDS: readonly FieldDoc[] = [
  ERROR_EQUALS,
  field(
    'Next',
    'The state to go to when this catcher matches.',
    STATE_NAME,
    'concepts-error-handling.html#error-handling-fallback-states',
    { required: true },
  ),
  field(
    'ResultPath',
    'Where the error output (`Error` and `Cause`) is placed in the state input; by default it replaces the input.',
    PATH,
    'concepts-error-handling.html#error-handling-fallback-states',
    jsonPathOnly('Output (with `$states.errorOutput`)'),
  ),
  field(
    'Output',
    'The output given to the `Next` state; `$states.errorOutput` holds `Error` and `Cause`.',
    JSON_VALUE,
    'concepts-error-handling.html#error-handling-fallback-states',
    jsonataOnly,
  ),
  ASSIGN,
  COMMENT,
];

const COMPARISONS: readonly [string, string, ValueShape][] = [
  ['StringEquals', 'The variable is a string equal to this one.', STRING],
  ['StringLessThan', 'The variable is a string that sorts before this one.', STRING],
  ['StringGreaterThan', 'The variable is a string that sorts after this one.', STRING],
  ['StringLessThanEquals', 'The variable is a string that sorts before or equals this one.', STRING],
  ['StringGreaterThanEquals', 'The variable is a string that sorts after or equals this one.', STRING],
  [
    'StringMatches',
    'The variable matches this pattern, where `*` stands for any characters (`\\*` for a star).',
    STRING,
  ],
  ['NumericEquals', 'The variable is a number equal to this one.', NUMBER],
  ['NumericLessThan', 'The variable is a number less than this one.', NUMBER],
  ['NumericGreaterThan', 'The variable is a number greater than this one.', NUMBER],
  ['NumericLessThanEquals', 'The variable is a number less than or equal to this one.', NUMBER],
  ['NumericGreaterThanEquals', 'The variable is a number greater than or equal to this one.', NUMBER],
  ['BooleanEquals', 'The variable is this Boolean.', BOOLEAN],
  ['TimestampEquals', 'The variable is a timestamp equal to this one.', STRING],
  ['TimestampLessThan', 'The variable is a timestamp before this one.', STRING],
  ['TimestampGreaterThan', 'The variable is a timestamp after this one.', STRING],
  ['TimestampLessThanEquals', 'The variable is a timestamp before or equal to this one.', STRING],
  ['TimestampGreaterThanEquals', 'The variable is a timestamp after or equal to this one.', STRING],
];

const CHOICE_PAGE = 'state-choice.html';
const COMPARISON_FIELDS: readonly FieldDoc[] = COMPARISONS.flatMap(([name, summary, value]) => [
  field(name, summary, value, CHOICE_PAGE, jsonPathOnly('Condition')),
  ...(name === 'StringMatches'
    ? []
    : [
        field(
          `${name}Path`,
          `${summary.replace('this one', 'the value at this path').replace('this Boolean', 'the Boolean at this path')}`,
          PATH,
          CHOICE_PAGE,
          jsonPathOnly('Condition'),
        ),
      ]),
]);

const TYPE_TESTS: readonly FieldDoc[] = [
  ['IsNull', 'the variable is `null`'],
  ['IsPresent', 'the variable exists in the input'],
  ['IsNumeric', 'the variable is a number'],
  ['IsString', 'the variable is a string'],
  ['IsBoolean', 'the variable is a Boolean'],
  ['IsTimestamp', 'the variable is a string holding a timestamp'],
].map(([name, what]) =>
  field(
    name ?? '',
    `With \`true\`, matches when ${what ?? ''}; with \`false\`, when it is not.`,
    BOOLEAN,
    CHOICE_PAGE,
    jsonPathOnly('Condition'),
  ),
);

const CONDITION_FIELDS: readonly FieldDoc[] = [
  field('Variable', 'The path in the state input to compare.', PATH, CHOICE_PAGE, jsonPathOnly('Condition')),
  ...COMPARISON_FIELDS,
  ...TYPE_TESTS,
  field(
    'And',
    'Matches when every rule of the array matches.',
    ARRAY,
    CHOICE_PAGE,
    jsonPathOnly('Condition'),
  ),
  field('Or', 'Matches when any rule of the array matches.', ARRAY, CHOICE_PAGE, jsonPathOnly('Condition')),
  field('Not', 'Matches when the rule it holds does not.', OBJECT, CHOICE_PAGE, jsonPathOnly('Condition')),
];

/** A top-level Choice rule: a condition plus where to go. */
export const CHOICE_RULE_FIELDS: readonly FieldDoc[] = [
  field(
    'Condition',
    'A `{% %}` JSONata expression; the rule matches when it is `true`.',
    STRING,
    CHOICE_PAGE,
    jsonataOnly,
  ),
  field('Next', 'The state to go to when this rule matches.', STATE_NAME, CHOICE_PAGE, { required: true }),
  ...CONDITION_FIELDS,
  field(
    'Output',
    'The output of the Choice state when this rule matches.',
    JSON_VALUE,
    CHOICE_PAGE,
    jsonataOnly,
  ),
  ASSIGN,
  COMMENT,
];

/** A rule nested in And, Or or Not: no Next. */
export const NESTED_RULE_FIELDS: readonly FieldDoc[] = [...CONDITION_FIELDS, COMMENT];

// ---------------------------------------------------------------------------------------------
// Distributed map configuration
// ---------------------------------------------------------------------------------------------

export const ITEM_READER_FIELDS: readonly FieldDoc[] = [
  field(
    'Resource',
    'The S3 action that reads the items, such as `arn:aws:states:::s3:getObject` or `arn:aws:states:::s3:listObjectsV2`.',
    RESOURCE,
    'input-output-itemreader.html',
    { required: true },
  ),
  field(
    'ReaderConfig',
    'How to read the file: `InputType`, CSV headers, `MaxItems`.',
    OBJECT,
    'input-output-itemreader.html',
  ),
  field(
    'Parameters',
    'The bucket and key (or prefix) to read.',
    OBJECT,
    'input-output-itemreader.html',
    jsonPathOnly('Arguments'),
  ),
  field(
    'Arguments',
    'The bucket and key (or prefix) to read.',
    JSON_VALUE,
    'input-output-itemreader.html',
    jsonataOnly,
  ),
];

export const READER_CONFIG_FIELDS: readonly FieldDoc[] = [
  field(
    'InputType',
    'The file format: `CSV`, `JSON`, `JSONL`, `PARQUET` or `MANIFEST`.',
    oneOf('CSV', 'JSON', 'JSONL', 'PARQUET', 'MANIFEST'),
    'input-output-itemreader.html',
  ),
  field(
    'CSVHeaderLocation',
    '`FIRST_ROW` reads the column names from the file; `GIVEN` takes them from `CSVHeaders`.',
    oneOf('FIRST_ROW', 'GIVEN'),
    'input-output-itemreader.html',
  ),
  field(
    'CSVHeaders',
    'The column names, when `CSVHeaderLocation` is `GIVEN`.',
    ARRAY,
    'input-output-itemreader.html',
  ),
  field(
    'CSVDelimiter',
    'The column separator: `COMMA` (default), `PIPE`, `SEMICOLON`, `SPACE` or `TAB`.',
    oneOf('COMMA', 'PIPE', 'SEMICOLON', 'SPACE', 'TAB'),
    'input-output-itemreader.html',
  ),
  field('MaxItems', 'Read at most this many items.', INTEGER, 'input-output-itemreader.html'),
  field(
    'MaxItemsPath',
    'A path to the item limit in the state input.',
    PATH,
    'input-output-itemreader.html',
    jsonPathOnly('MaxItems with a `{% %}` expression'),
  ),
];

export const ITEM_BATCHER_FIELDS: readonly FieldDoc[] = [
  field('MaxItemsPerBatch', 'The most items in one batch.', INTEGER, 'input-output-itembatcher.html'),
  field(
    'MaxItemsPerBatchPath',
    'A path to the batch size in the state input.',
    PATH,
    'input-output-itembatcher.html',
    jsonPathOnly('MaxItemsPerBatch with a `{% %}` expression'),
  ),
  field(
    'MaxInputBytesPerBatch',
    'The largest batch, in bytes (at most 256 KiB).',
    INTEGER,
    'input-output-itembatcher.html',
  ),
  field(
    'MaxInputBytesPerBatchPath',
    'A path to the batch byte limit in the state input.',
    PATH,
    'input-output-itembatcher.html',
    jsonPathOnly('MaxInputBytesPerBatch with a `{% %}` expression'),
  ),
  field(
    'BatchInput',
    'A fixed JSON object added to every batch, next to `Items`.',
    OBJECT,
    'input-output-itembatcher.html',
  ),
];

export const RESULT_WRITER_FIELDS: readonly FieldDoc[] = [
  field('Resource', 'Always `arn:aws:states:::s3:putObject`.', RESOURCE, 'input-output-resultwriter.html'),
  field(
    'Parameters',
    'The bucket and prefix to write to.',
    OBJECT,
    'input-output-resultwriter.html',
    jsonPathOnly('Arguments'),
  ),
  field(
    'Arguments',
    'The bucket and prefix to write to.',
    JSON_VALUE,
    'input-output-resultwriter.html',
    jsonataOnly,
  ),
  field(
    'WriterConfig',
    'How results are written: `OutputType` and `Transformation`.',
    OBJECT,
    'input-output-resultwriter.html',
  ),
];

export const WRITER_CONFIG_FIELDS: readonly FieldDoc[] = [
  field(
    'OutputType',
    'The format of the written results: `JSON` or `JSONL`.',
    oneOf('JSON', 'JSONL'),
    'input-output-resultwriter.html',
  ),
  field(
    'Transformation',
    '`NONE` keeps the child execution details, `COMPACT` keeps only their outputs, `FLATTEN` merges array outputs into one array.',
    oneOf('NONE', 'COMPACT', 'FLATTEN'),
    'input-output-resultwriter.html',
  ),
];

export const CREDENTIALS_FIELDS: readonly FieldDoc[] = [
  field('RoleArn', 'The IAM role the task assumes.', STRING, 'concepts-access-cross-acct-resources.html'),
  field(
    'RoleArn.$',
    'A path to the role ARN in the state input.',
    PATH,
    'concepts-access-cross-acct-resources.html',
    jsonPathOnly('RoleArn with a `{% %}` expression'),
  ),
];

// ---------------------------------------------------------------------------------------------
// State types
// ---------------------------------------------------------------------------------------------

export interface StateTypeDoc {
  readonly name: StateType;
  readonly summary: string;
  readonly link: string;
}

export const STATE_TYPE_DOCS: Readonly<Record<StateType, StateTypeDoc>> = {
  Task: {
    name: 'Task',
    summary:
      'Runs one unit of work: a Lambda function, an activity, or a call to another AWS service (request-response, `.sync` to wait for a job, or `.waitForTaskToken` for a callback).',
    link: GUIDE + 'state-task.html',
  },
  Pass: {
    name: 'Pass',
    summary:
      'Passes its input to its output, optionally reshaping it or injecting fixed data. Useful for stubs and transformations.',
    link: GUIDE + 'state-pass.html',
  },
  Choice: {
    name: 'Choice',
    summary:
      'Branches on the input: the first rule of `Choices` that matches picks the next state, `Default` otherwise.',
    link: GUIDE + 'state-choice.html',
  },
  Wait: {
    name: 'Wait',
    summary: 'Pauses for a number of seconds or until a timestamp, then continues.',
    link: GUIDE + 'state-wait.html',
  },
  Succeed: {
    name: 'Succeed',
    summary: 'Stops the workflow (or the branch or iteration) successfully. It has no `Next`.',
    link: GUIDE + 'state-succeed.html',
  },
  Fail: {
    name: 'Fail',
    summary: 'Stops the workflow (or the branch or iteration) with an error and a cause. It has no `Next`.',
    link: GUIDE + 'state-fail.html',
  },
  Parallel: {
    name: 'Parallel',
    summary:
      'Runs several branches at the same time on the same input and outputs the array of their results. Fails when any branch fails.',
    link: GUIDE + 'state-parallel.html',
  },
  Map: {
    name: 'Map',
    summary:
      'Runs the same states for each item of an array: inline (inside this execution) or distributed (child executions, for large data sets in S3).',
    link: GUIDE + 'state-map.html',
  },
};

// ---------------------------------------------------------------------------------------------
// Predefined errors
// ---------------------------------------------------------------------------------------------

export interface ErrorDoc {
  readonly name: string;
  /** When the error is raised. */
  readonly raised: string;
  readonly link: string;
}

const ERRORS_PAGE = GUIDE + 'concepts-error-handling.html#error-handling-error-representation';
const error = (name: string, raised: string): ErrorDoc => ({ name, raised, link: ERRORS_PAGE });

export const STATES_ERRORS: readonly ErrorDoc[] = [
  error(
    'States.ALL',
    'A wildcard matching every error name except `States.DataLimitExceeded` and `States.Runtime`. It must be alone in its `ErrorEquals` and in the last retrier or catcher.',
  ),
  error(
    'States.DataLimitExceeded',
    "An output is larger than the payload quota (256 KiB), or a task's result is. It cannot be caught by `States.ALL`.",
  ),
  error(
    'States.ExceedToleratedFailureThreshold',
    'A Map state failed more items than its `ToleratedFailurePercentage` or `ToleratedFailureCount` allows.',
  ),
  error('States.HeartbeatTimeout', 'A task did not send a heartbeat within `HeartbeatSeconds`.'),
  error('States.Http.Socket', "An HTTP task's connection failed or timed out after 60 seconds."),
  error(
    'States.IntrinsicFailure',
    'An intrinsic function failed to evaluate (a bad argument, a failed conversion).',
  ),
  error('States.ItemReaderFailed', 'A Map state could not read its items from the `ItemReader` source.'),
  error('States.NoChoiceMatched', 'No rule of a Choice state matched and it has no `Default`.'),
  error(
    'States.ParameterPathFailure',
    'A path in `Parameters` (or `ItemSelector`, `ResultSelector`) points at nothing in the input.',
  ),
  error('States.Permissions', 'The execution role lacks the permission to run the task.'),
  error(
    'States.QueryEvaluationError',
    'A JSONata expression failed: a type error, a runtime error, or a result that is not valid JSON.',
  ),
  error(
    'States.ResultPathMatchFailure',
    'The `ResultPath` cannot be applied to the state input (for example it goes through a value that is not an object).',
  ),
  error(
    'States.ResultWriterFailed',
    'A distributed Map state could not write its results with the `ResultWriter`.',
  ),
  error(
    'States.Runtime',
    'The execution failed on an error no retrier or catcher can handle, such as a path to a missing field in `InputPath` or `OutputPath`. It cannot be caught by `States.ALL`.',
  ),
  error(
    'States.TaskFailed',
    'A task failed while running; as a matcher it covers every task failure except `States.Timeout`.',
  ),
  error(
    'States.Timeout',
    'A task ran longer than `TimeoutSeconds`, or the execution longer than the top-level `TimeoutSeconds`.',
  ),
  error('States.BranchFailed', 'A branch of a Parallel state failed.'),
];

/** Errors a Lambda invoke task commonly retries on. */
export const LAMBDA_ERRORS: readonly ErrorDoc[] = [
  ['Lambda.ServiceException', 'The Lambda service had an internal error.'],
  ['Lambda.AWSLambdaException', 'Lambda returned an error for the invocation.'],
  [
    'Lambda.SdkClientException',
    'The call to Lambda failed on the client side (network, throttled connection).',
  ],
  ['Lambda.TooManyRequestsException', 'The function was throttled: its concurrency limit was reached.'],
  ['Lambda.ClientExecutionTimeoutException', 'The call to Lambda timed out.'],
  [
    'Lambda.Unknown',
    'The function failed without a known error type, often because it ran out of memory or time.',
  ],
].map(([name, raised]) => ({ name: name ?? '', raised: raised ?? '', link: GUIDE + 'connect-lambda.html' }));

// ---------------------------------------------------------------------------------------------
// The context object ($$ in JSONPath, $states.context in JSONata)
// ---------------------------------------------------------------------------------------------

export interface ContextFieldDoc {
  /** Dotted path below the context object root, e.g. `Execution.Id`. */
  readonly path: string;
  readonly summary: string;
}

export const CONTEXT_LINK = GUIDE + 'input-output-contextobject.html';

export const CONTEXT_FIELDS: readonly ContextFieldDoc[] = [
  { path: 'Execution', summary: 'The running execution.' },
  { path: 'Execution.Id', summary: 'The execution ARN.' },
  { path: 'Execution.Input', summary: 'The input the execution started with.' },
  { path: 'Execution.Name', summary: 'The execution name.' },
  { path: 'Execution.RoleArn', summary: 'The role the execution runs as.' },
  { path: 'Execution.StartTime', summary: 'When the execution started (ISO-8601).' },
  { path: 'Execution.RedriveCount', summary: 'How many times the execution was redriven.' },
  { path: 'Execution.RedriveTime', summary: 'When the execution was last redriven.' },
  { path: 'State', summary: 'The current state.' },
  { path: 'State.Name', summary: 'The name of the current state.' },
  { path: 'State.EnteredTime', summary: 'When the current state was entered (ISO-8601).' },
  { path: 'State.RetryCount', summary: 'How many times the current state has been retried.' },
  { path: 'StateMachine', summary: 'The state machine.' },
  { path: 'StateMachine.Id', summary: 'The state machine ARN.' },
  { path: 'StateMachine.Name', summary: 'The state machine name.' },
  { path: 'Task', summary: 'The current task.' },
  {
    path: 'Task.Token',
    summary:
      'The task token, for `.waitForTaskToken` integrations: send it back with SendTaskSuccess or SendTaskFailure.',
  },
  { path: 'Map', summary: 'The current Map iteration (inside `ItemSelector`).' },
  { path: 'Map.Item', summary: 'The current item.' },
  { path: 'Map.Item.Index', summary: 'The index of the current item, from 0.' },
  { path: 'Map.Item.Value', summary: 'The current item.' },
  { path: 'Map.Item.Key', summary: 'The key of the current item when iterating over a JSON object.' },
  {
    path: 'Map.Item.Source',
    summary: 'Where a distributed map read the current item (S3 object, line or row).',
  },
];

// ---------------------------------------------------------------------------------------------
// JSONata: $states and functions
// ---------------------------------------------------------------------------------------------

export interface StatesFieldDoc {
  readonly name: string;
  readonly summary: string;
}

export const STATES_VARIABLE_LINK = GUIDE + 'transforming-data.html';

export const STATES_VARIABLE_FIELDS: readonly StatesFieldDoc[] = [
  { name: 'input', summary: 'The input of the current state.' },
  { name: 'result', summary: 'The result of the task, branch or map, in `Output` and `Assign`.' },
  { name: 'errorOutput', summary: "The error (`Error` and `Cause`) in a catcher's `Output` and `Assign`." },
  {
    name: 'context',
    summary: 'The context object: `Execution`, `State`, `StateMachine`, `Task` and `Map` details.',
  },
];

export interface FunctionDoc {
  readonly name: string;
  /** The call with its parameters, e.g. `$substring(str, start[, length])`. */
  readonly signature: string;
  readonly summary: string;
  readonly link: string;
  /** Whether Step Functions adds it on top of JSONata. */
  readonly stepFunctions: boolean;
}

const JSONATA_DOCS = 'https://docs.jsonata.org/';
const fn =
  (page: string) =>
  (signature: string, summary: string): FunctionDoc => ({
    name: signature.slice(0, signature.indexOf('(')),
    signature,
    summary,
    link: JSONATA_DOCS + page,
    stepFunctions: false,
  });
const str = fn('string-functions');
const num = fn('numeric-functions');
const agg = fn('aggregation-functions');
const bool = fn('boolean-functions');
const arr = fn('array-functions');
const obj = fn('object-functions');
const date = fn('date-time-functions');
const hof = fn('higher-order-functions');
const sfn = (signature: string, summary: string): FunctionDoc => ({
  ...str(signature, summary),
  link: GUIDE + 'transforming-data.html#jsonata-functions-provided-by-sfn',
  stepFunctions: true,
});

export const JSONATA_FUNCTIONS: readonly FunctionDoc[] = [
  sfn('$partition(array, size)', 'Splits an array into chunks of `size` items.'),
  sfn('$range(start, end, step)', 'The numbers from `start` to `end` (inclusive) in steps of `step`.'),
  sfn('$hash(data, algorithm)', 'The hash of a string: `MD5`, `SHA-1`, `SHA-256`, `SHA-384` or `SHA-512`.'),
  sfn(
    '$random([seed])',
    'A random number between 0 (inclusive) and 1 (exclusive); with a seed, the same number each time.',
  ),
  sfn('$uuid()', 'A new version 4 UUID.'),
  sfn('$parse(jsonString)', 'Parses a string of JSON into a value.'),
  str('$string(arg[, prettify])', 'The value as a string; objects and arrays become JSON.'),
  str('$length(str)', 'The number of characters in a string.'),
  str('$substring(str, start[, length])', 'Part of a string, from `start` (negative counts from the end).'),
  str('$substringBefore(str, chars)', 'The part of the string before the first occurrence of `chars`.'),
  str('$substringAfter(str, chars)', 'The part of the string after the first occurrence of `chars`.'),
  str('$uppercase(str)', 'The string in upper case.'),
  str('$lowercase(str)', 'The string in lower case.'),
  str('$trim(str)', 'The string with white space collapsed and trimmed.'),
  str('$pad(str, width[, char])', 'The string padded to `width` characters (negative pads on the left).'),
  str(
    '$contains(str, pattern)',
    'Whether the string contains the substring or matches the regular expression.',
  ),
  str(
    '$split(str, separator[, limit])',
    'The string split into an array at each separator (a string or regular expression).',
  ),
  str('$join(array[, separator])', 'The strings of an array joined into one.'),
  str(
    '$match(str, pattern[, limit])',
    'The matches of a regular expression in the string, with their index and groups.',
  ),
  str(
    '$replace(str, pattern, replacement[, limit])',
    'The string with occurrences of a substring or regular expression replaced.',
  ),
  str('$eval(expr[, context])', 'Evaluates a string as a JSONata expression.'),
  str('$base64encode(str)', 'The string encoded as Base64.'),
  str('$base64decode(str)', 'The Base64 string decoded.'),
  str('$encodeUrlComponent(str)', 'The string escaped for use in a URL component.'),
  str('$encodeUrl(str)', 'The string escaped for use as a URL.'),
  str('$decodeUrlComponent(str)', 'A URL component unescaped.'),
  str('$decodeUrl(str)', 'A URL unescaped.'),
  num('$number(arg)', 'The value as a number (from a numeric string or a Boolean).'),
  num('$abs(number)', 'The absolute value.'),
  num('$floor(number)', 'The number rounded down.'),
  num('$ceil(number)', 'The number rounded up.'),
  num('$round(number[, precision])', 'The number rounded to `precision` decimals (half to even).'),
  num('$power(base, exponent)', '`base` raised to `exponent`.'),
  num('$sqrt(number)', 'The square root.'),
  num(
    '$formatNumber(number, picture[, options])',
    'The number as a string following a decimal picture such as `#,##0.00`.',
  ),
  num('$formatBase(number[, radix])', 'The number as a string in another base.'),
  num(
    '$formatInteger(number, picture)',
    'The integer as a string following a picture (words, Roman numerals, ...).',
  ),
  num('$parseInteger(string, picture)', 'The integer read from a string following a picture.'),
  agg('$sum(array)', 'The sum of an array of numbers.'),
  agg('$max(array)', 'The largest number of an array.'),
  agg('$min(array)', 'The smallest number of an array.'),
  agg('$average(array)', 'The mean of an array of numbers.'),
  bool('$boolean(arg)', "The value as a Boolean, by JSONata's truthiness rules."),
  bool('$not(arg)', 'The logical negation of the value.'),
  bool('$exists(arg)', 'Whether the expression gives a value.'),
  arr('$count(array)', 'The number of items.'),
  arr('$append(array1, array2)', 'The two arrays (or values) joined into one array.'),
  arr('$sort(array[, function])', 'The array sorted, optionally with a comparison function.'),
  arr('$reverse(array)', 'The array in reverse order.'),
  arr('$shuffle(array)', 'The array in random order.'),
  arr('$distinct(array)', 'The array without repeated values.'),
  arr('$zip(array1, ...)', 'The arrays combined item by item into an array of arrays.'),
  obj('$keys(object)', 'The keys of an object (or of every object of an array).'),
  obj('$lookup(object, key)', 'The value of a key.'),
  obj('$spread(object)', 'The object split into an array of one-key objects.'),
  obj('$merge(array)', 'The objects of an array merged into one.'),
  obj('$sift(object, function)', 'The object with only the pairs for which the function is true.'),
  obj('$each(object, function)', 'The results of calling the function on each value and key.'),
  obj(
    '$error(message)',
    'Stops the evaluation with an error (`States.QueryEvaluationError` in Step Functions).',
  ),
  obj('$assert(condition, message)', 'Stops the evaluation with an error when the condition is false.'),
  obj(
    '$type(value)',
    'The type of the value: `null`, `number`, `string`, `boolean`, `array`, `object` or `function`.',
  ),
  date(
    '$now([picture[, timezone]])',
    'The current time as an ISO-8601 string (the same throughout one evaluation).',
  ),
  date('$millis()', 'The current time in milliseconds since the Unix epoch.'),
  date('$fromMillis(number[, picture[, timezone]])', 'A time in milliseconds as an ISO-8601 string.'),
  date('$toMillis(timestamp[, picture])', 'An ISO-8601 string as milliseconds since the Unix epoch.'),
  hof('$map(array, function)', 'The results of calling the function on each item.'),
  hof('$filter(array, function)', 'The items for which the function is true.'),
  hof(
    '$single(array, function)',
    'The one item for which the function is true (an error if there are none or several).',
  ),
  hof('$reduce(array, function[, init])', 'The items folded into one value by the function.'),
];

/** Resource ARNs offered in completion: the optimized integrations and the SDK form. */
export interface ResourceDoc {
  readonly arn: string;
  readonly summary: string;
  readonly link: string;
}

const resource = (arn: string, summary: string, page: string): ResourceDoc => ({
  arn,
  summary,
  link: GUIDE + page,
});

export const RESOURCES: readonly ResourceDoc[] = [
  resource(
    'arn:aws:states:::lambda:invoke',
    'Invoke a Lambda function and wait for its result.',
    'connect-lambda.html',
  ),
  resource(
    'arn:aws:states:::lambda:invoke.waitForTaskToken',
    'Invoke a Lambda function and wait for a task token callback.',
    'connect-lambda.html',
  ),
  resource('arn:aws:states:::sns:publish', 'Publish a message to an SNS topic.', 'connect-sns.html'),
  resource('arn:aws:states:::sqs:sendMessage', 'Send a message to an SQS queue.', 'connect-sqs.html'),
  resource(
    'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
    'Send a message to an SQS queue and wait for a task token callback.',
    'connect-sqs.html',
  ),
  resource('arn:aws:states:::dynamodb:getItem', 'Read an item from a DynamoDB table.', 'connect-ddb.html'),
  resource('arn:aws:states:::dynamodb:putItem', 'Write an item to a DynamoDB table.', 'connect-ddb.html'),
  resource('arn:aws:states:::dynamodb:updateItem', 'Update an item of a DynamoDB table.', 'connect-ddb.html'),
  resource(
    'arn:aws:states:::dynamodb:deleteItem',
    'Delete an item from a DynamoDB table.',
    'connect-ddb.html',
  ),
  resource(
    'arn:aws:states:::events:putEvents',
    'Send events to an EventBridge event bus.',
    'connect-eventbridge.html',
  ),
  resource(
    'arn:aws:states:::events:putEvents.waitForTaskToken',
    'Send events to EventBridge and wait for a task token callback.',
    'connect-eventbridge.html',
  ),
  resource('arn:aws:states:::ecs:runTask', 'Start an ECS task without waiting for it.', 'connect-ecs.html'),
  resource(
    'arn:aws:states:::ecs:runTask.sync',
    'Run an ECS task and wait until it stops.',
    'connect-ecs.html',
  ),
  resource(
    'arn:aws:states:::ecs:runTask.waitForTaskToken',
    'Run an ECS task and wait for a task token callback.',
    'connect-ecs.html',
  ),
  resource(
    'arn:aws:states:::batch:submitJob',
    'Submit an AWS Batch job without waiting for it.',
    'connect-batch.html',
  ),
  resource(
    'arn:aws:states:::batch:submitJob.sync',
    'Submit an AWS Batch job and wait until it finishes.',
    'connect-batch.html',
  ),
  resource(
    'arn:aws:states:::states:startExecution',
    'Start another state machine without waiting for it.',
    'connect-stepfunctions.html',
  ),
  resource(
    'arn:aws:states:::states:startExecution.sync:2',
    'Start another state machine and wait for it, with its output as parsed JSON.',
    'connect-stepfunctions.html',
  ),
  resource(
    'arn:aws:states:::states:startExecution.waitForTaskToken',
    'Start another state machine and wait for a task token callback.',
    'connect-stepfunctions.html',
  ),
  resource(
    'arn:aws:states:::glue:startJobRun.sync',
    'Run a Glue job and wait until it finishes.',
    'connect-glue.html',
  ),
  resource(
    'arn:aws:states:::athena:startQueryExecution.sync',
    'Run an Athena query and wait until it finishes.',
    'connect-athena.html',
  ),
  resource(
    'arn:aws:states:::codebuild:startBuild.sync',
    'Run a CodeBuild build and wait until it finishes.',
    'connect-codebuild.html',
  ),
  resource('arn:aws:states:::bedrock:invokeModel', 'Invoke a Bedrock model.', 'connect-bedrock.html'),
  resource(
    'arn:aws:states:::http:invoke',
    'Call an HTTPS API through an EventBridge connection.',
    'call-https-apis.html',
  ),
  resource('arn:aws:states:::apigateway:invoke', 'Call an API Gateway API.', 'connect-api-gateway.html'),
  resource(
    'arn:aws:states:::s3:getObject',
    'Read items from an S3 object (Map `ItemReader`).',
    'input-output-itemreader.html',
  ),
  resource(
    'arn:aws:states:::s3:listObjectsV2',
    'Read the objects under an S3 prefix as items (Map `ItemReader`).',
    'input-output-itemreader.html',
  ),
  resource(
    'arn:aws:states:::s3:putObject',
    'Write Map results to S3 (Map `ResultWriter`).',
    'input-output-resultwriter.html',
  ),
  resource(
    'arn:aws:states:::aws-sdk:service:action',
    'Call any AWS SDK action: replace `service` (e.g. `s3`) and `action` (e.g. `getObject`, camel case).',
    'supported-services-awssdk.html',
  ),
];

export const INTRINSICS_LINK = GUIDE + 'intrinsic-functions.html';
export const VARIABLES_LINK = GUIDE + 'workflow-variables.html';
