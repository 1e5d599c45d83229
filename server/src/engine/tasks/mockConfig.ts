import { isRecord } from '../../guards';
import type { JsonValue } from '../json';
import { parseJson, toJsonValue } from '../json';

/**
 * Step Functions Local's MockConfigFile, read as is so users can reuse their files:
 *   { "StateMachines": { NAME: { "TestCases": { CASE: { STATE: RESPONSE } } } },
 *     "MockedResponses": { RESPONSE: { "0": { "Return": ... }, "1-2": { "Throw": { "Error", "Cause" } } } } }
 * Invocation keys are 0-based numbers or inclusive ranges. Parsing is pure and reports every
 * problem with the place it is in.
 */

export type MockedAnswer =
  | { readonly kind: 'return'; readonly value: JsonValue }
  | { readonly kind: 'throw'; readonly error: string; readonly cause?: string };

/** One key of a mocked response: the invocations `first..last` (inclusive) get `answer`. */
export interface MockedInvocations {
  readonly first: number;
  readonly last: number;
  readonly answer: MockedAnswer;
}

/** A mocked response's invocations, sorted by `first`, never overlapping. */
export type MockedResponse = readonly MockedInvocations[];

/** A test case: state name -> the name of the mocked response it uses. */
export type TestCase = ReadonlyMap<string, string>;

export interface MockConfig {
  /** State machine name -> test case name -> test case. */
  readonly stateMachines: ReadonlyMap<string, ReadonlyMap<string, TestCase>>;
  readonly responses: ReadonlyMap<string, MockedResponse>;
}

export type MockConfigResult =
  | { readonly kind: 'ok'; readonly config: MockConfig }
  | { readonly kind: 'invalid'; readonly problems: readonly string[] };

export function parseMockConfig(text: string): MockConfigResult {
  let value: unknown;
  try {
    value = parseJson(text);
  } catch (error) {
    return invalid([
      `The mocks file is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`,
    ]);
  }
  if (!isRecord(value))
    return invalid(['The mocks file must be a JSON object with "StateMachines" and "MockedResponses".']);
  const problems: string[] = [];
  for (const key of Object.keys(value)) {
    if (key !== 'StateMachines' && key !== 'MockedResponses') {
      problems.push(
        `The mocks file has an unknown top-level field "${key}" (expected "StateMachines" and "MockedResponses").`,
      );
    }
  }
  const responses = parseResponses(value['MockedResponses'], problems);
  const stateMachines = parseStateMachines(value['StateMachines'], responses, problems);
  return problems.length > 0 ? invalid(problems) : { kind: 'ok', config: { stateMachines, responses } };
}

function parseStateMachines(
  value: unknown,
  responses: ReadonlyMap<string, MockedResponse>,
  problems: string[],
): ReadonlyMap<string, ReadonlyMap<string, TestCase>> {
  const machines = new Map<string, ReadonlyMap<string, TestCase>>();
  if (!isRecord(value)) {
    problems.push('"StateMachines" must be an object: { "<state machine name>": { "TestCases": { ... } } }.');
    return machines;
  }
  for (const [machine, body] of Object.entries(value)) {
    const at = `StateMachines.${machine}`;
    const testCases = isRecord(body) ? body['TestCases'] : undefined;
    if (!isRecord(testCases)) {
      problems.push(`${at} must be an object with a "TestCases" object.`);
      continue;
    }
    const cases = new Map<string, TestCase>();
    for (const [name, mapping] of Object.entries(testCases)) {
      const caseAt = `${at}.TestCases.${name}`;
      if (!isRecord(mapping)) {
        problems.push(`${caseAt} must be an object mapping state names to mocked response names.`);
        continue;
      }
      const testCase = new Map<string, string>();
      for (const [state, response] of Object.entries(mapping)) {
        if (typeof response !== 'string') {
          problems.push(`${caseAt}.${state} must be the name of a mocked response (a string).`);
        } else if (!responses.has(response)) {
          problems.push(
            `${caseAt}.${state} uses the mocked response "${response}", which "MockedResponses" does not define.`,
          );
        } else {
          testCase.set(state, response);
        }
      }
      cases.set(name, testCase);
    }
    machines.set(machine, cases);
  }
  return machines;
}

function parseResponses(value: unknown, problems: string[]): ReadonlyMap<string, MockedResponse> {
  const responses = new Map<string, MockedResponse>();
  if (!isRecord(value)) {
    problems.push('"MockedResponses" must be an object: { "<response name>": { "0": { "Return": ... } } }.');
    return responses;
  }
  for (const [name, body] of Object.entries(value)) {
    const at = `MockedResponses.${name}`;
    if (!isRecord(body) || Object.keys(body).length === 0) {
      problems.push(`${at} must be an object keyed by invocation ("0", "1-2", ...) with at least one key.`);
      continue;
    }
    const invocations: MockedInvocations[] = [];
    for (const [key, entry] of Object.entries(body)) {
      const range = parseRange(key);
      if (range === undefined) {
        problems.push(
          `${at} has the key "${key}": use a 0-based invocation number ("0") or an inclusive range ("1-2").`,
        );
        continue;
      }
      const answer = parseAnswer(entry, `${at}.${key}`, problems);
      if (answer !== undefined) invocations.push({ ...range, answer });
    }
    invocations.sort((a, b) => a.first - b.first);
    for (let i = 1; i < invocations.length; i++) {
      const before = invocations[i - 1];
      const current = invocations[i];
      if (before !== undefined && current !== undefined && current.first <= before.last) {
        problems.push(
          `${at} answers invocation ${current.first} twice ("${label(before)}" and "${label(current)}").`,
        );
      }
    }
    responses.set(name, invocations);
  }
  return responses;
}

const RANGE = /^(0|[1-9]\d*)(?:-(0|[1-9]\d*))?$/;

function parseRange(key: string): { first: number; last: number } | undefined {
  const match = RANGE.exec(key);
  if (match === null) return undefined;
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : Number(match[2]);
  return Number.isSafeInteger(last) && last >= first ? { first, last } : undefined;
}

function parseAnswer(entry: unknown, at: string, problems: string[]): MockedAnswer | undefined {
  if (!isRecord(entry)) {
    problems.push(`${at} must be an object with "Return" or "Throw".`);
    return undefined;
  }
  const keys = Object.keys(entry);
  if (keys.length !== 1 || (keys[0] !== 'Return' && keys[0] !== 'Throw')) {
    problems.push(
      `${at} must have exactly one field, "Return" or "Throw" (it has: ${keys.join(', ') || 'none'}).`,
    );
    return undefined;
  }
  if ('Return' in entry) return { kind: 'return', value: toJsonValue(entry['Return']) };
  const thrown = entry['Throw'];
  const error = isRecord(thrown) ? thrown['Error'] : undefined;
  const cause = isRecord(thrown) ? thrown['Cause'] : undefined;
  if (typeof error !== 'string' || (cause !== undefined && typeof cause !== 'string')) {
    problems.push(`${at}.Throw must be an object with a string "Error" and a string "Cause".`);
    return undefined;
  }
  return cause === undefined ? { kind: 'throw', error } : { kind: 'throw', error, cause };
}

export function label(invocations: Pick<MockedInvocations, 'first' | 'last'>): string {
  return invocations.first === invocations.last
    ? String(invocations.first)
    : `${invocations.first}-${invocations.last}`;
}

function invalid(problems: readonly string[]): MockConfigResult {
  return { kind: 'invalid', problems };
}
