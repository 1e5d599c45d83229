import type { Expected, ObjectName } from './fragments';

/**
 * All wording of the schema layer in one table. The codes (codes.ts) are the stable part; these
 * sentences may improve without breaking callers.
 */

const JSONATA = 'a JSONata expression "{% ... %}"';

/** What a value must be, completing "<field> must be ...". Enumerations list their values instead. */
const EXPECTED_VALUES: Partial<Readonly<Record<Expected, string>>> = {
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  objectOrJsonata: `an object or ${JSONATA}`,
  arrayOrJsonata: `an array or ${JSONATA}`,
  pathOrNull: 'a path (a string) or null',
  state: 'an object with a "Type" field',
  states: 'an object that maps each state name to its definition',
  seconds: `a whole number of seconds from 1 to 99999999, or ${JSONATA}`,
  waitSeconds: `a whole number of seconds from 0 to 99999999, or ${JSONATA}`,
  machineTimeout: 'a whole number of seconds from 1 to 99999999',
  count: `a whole number (0 or more), or ${JSONATA}`,
  percentage: `a number from 0 to 100, or ${JSONATA}`,
  batchItems: `a whole number (1 or more), or ${JSONATA}`,
  batchBytes: `a whole number of bytes from 1 to 262144, or ${JSONATA}`,
  retryInterval: 'a whole number of seconds from 1 to 99999999',
  maxAttempts: 'a whole number from 0 to 99999999',
  backoffRate: 'a number, 1.0 or more',
  maxDelay: 'a whole number of seconds from 1 to 31622400',
  errorNames: 'a non-empty array of error names',
  stringList: 'an array of strings',
  choiceRules: 'an array of Choice rules (objects)',
  choiceRule: 'a Choice rule (an object)',
  condition: `${JSONATA} or true/false`,
  branches: 'a non-empty array of branches (objects with "StartAt" and "States")',
  retriers: 'an array of retriers (objects with "ErrorEquals")',
  catchers: 'an array of catchers (objects with "ErrorEquals" and "Next")',
  label: 'a string of at most 40 characters',
  processor: 'an object with "StartAt" and "States"',
};

/** What an object is, as the end of "... is not a field of ...". */
const OBJECT_NAMES: Readonly<Record<ObjectName, string>> = {
  machine: 'the state machine',
  branch: 'a Parallel branch',
  itemProcessor: 'ItemProcessor',
  iterator: 'Iterator',
  state: 'a state',
  Pass: 'a Pass state',
  Task: 'a Task state',
  Choice: 'a Choice state',
  Wait: 'a Wait state',
  Succeed: 'a Succeed state',
  Fail: 'a Fail state',
  Parallel: 'a Parallel state',
  Map: 'a Map state',
  retrier: 'a retrier (in "Retry")',
  catcher: 'a catcher (in "Catch")',
  choiceRule: 'a Choice rule',
  credentials: '"Credentials"',
  itemReader: '"ItemReader"',
  readerConfig: '"ReaderConfig"',
  itemBatcher: '"ItemBatcher"',
  resultWriter: '"ResultWriter"',
  writerConfig: '"WriterConfig"',
  processorConfig: '"ProcessorConfig"',
};

/** Objects that live in arrays, named with their position: "Retrier 2". */
const ITEM_NAMES: Partial<Readonly<Record<ObjectName, string>>> = {
  retrier: 'Retrier',
  catcher: 'Catcher',
  choiceRule: 'Choice rule',
  branch: 'Branch',
};

export const SCHEMA_MESSAGES = {
  unknownField: (
    field: string,
    where: ObjectName,
    suggestion: string | undefined,
    takenBy: readonly string[],
  ) => {
    const base = `${quote(field)} is not a field of ${OBJECT_NAMES[where]}`;
    if (suggestion !== undefined) return `${base}. Did you mean ${quote(suggestion)}?`;
    if (takenBy.length > 0) return `${base}; ${list(takenBy, 'and')} states take it.`;
    return `${base}.`;
  },
  missingFields: (subject: string, fields: readonly string[]) =>
    `${subject} needs ${list(fields.map(quote), 'and')}.`,
  missingOneOf: (subject: string, fields: readonly string[]) =>
    `${subject} needs ${list(fields.map(quote), 'or')}.`,
  wrongType: (label: string, expected: string, found: string) =>
    `${label} must be ${expected}; found ${found}.`,
  notJsonata: (label: string, expected: string, value: string) =>
    `${label} must be ${expected}; the string ${quote(shorten(value))} is not a JSONata expression.`,
  notAllowed: (label: string, value: string, allowed: readonly string[], suggestion: string | undefined) =>
    suggestion === undefined
      ? `${label} cannot be ${quote(shorten(value))}: use ${list(allowed.map(quote), 'or')}.`
      : `${label} cannot be ${quote(shorten(value))}. Did you mean ${quote(suggestion)}?`,
  tooSmall: (label: string, limit: number, value: number) =>
    `${label} must be at least ${limit}; found ${value}.`,
  tooLarge: (label: string, limit: number, value: number) =>
    `${label} must be at most ${limit}; found ${value}.`,
  empty: (label: string) => `${label} must not be empty.`,
  tooLong: (label: string, limit: number, length: number) =>
    `${label} must be at most ${limit} characters long; it has ${length}.`,
  notAnObjectRoot: (found: string) =>
    `A workflow definition is an object with "StartAt" and "States"; found ${found}.`,
  invalid: (label: string) => `${label} is not valid here.`,
} as const;

/** "Subject" of a sentence about an object: "A Task state", "Retrier 2", "The state machine". */
export function subjectOf(where: ObjectName, position: number | undefined): string {
  const itemName = ITEM_NAMES[where];
  if (itemName !== undefined && position !== undefined) return `${itemName} ${position + 1}`;
  const name = OBJECT_NAMES[where];
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** A field's name as the subject of a sentence: `"Seconds"`, `Item 2 of "ErrorEquals"`, `State "Fetch"`. */
export function fieldLabel(field: string, item: number | undefined, isState: boolean): string {
  if (isState) return `State ${quote(field)}`;
  return item === undefined ? quote(field) : `Item ${item + 1} of ${quote(field)}`;
}

export function expectedValue(expects: Expected | undefined, allowed: readonly string[] | undefined): string {
  const phrase = expects === undefined ? undefined : EXPECTED_VALUES[expects];
  if (phrase !== undefined) return phrase;
  if (allowed !== undefined) return `one of ${list(allowed.map(quote), 'or')}`;
  return 'an object';
}

/** A found value, briefly: `the string "abc"`, `12`, `null`, `an array`. */
export function describeFound(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return `the string ${quote(shorten(value))}`;
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return 'nothing';
  }
}

function quote(text: string): string {
  return `"${text}"`;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function list(items: readonly string[], conjunction: 'and' | 'or'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1] ?? ''}`;
}
