import type { TaskOutcome } from '../ports';
import { label, parseMockConfig, type MockConfig, type MockedResponse } from './mockConfig';
import type { SelectiveTaskRunner } from './runner';

/** The mocks of one test case: state name -> its mocked response, by name. */
export interface TestCaseMocks {
  readonly stateMachine: string;
  readonly testCase: string;
  readonly states: ReadonlyMap<string, { readonly name: string; readonly response: MockedResponse }>;
}

export type TestCaseSelection =
  | { readonly kind: 'ok'; readonly mocks: TestCaseMocks }
  | { readonly kind: 'missing'; readonly message: string };

/** Picks a state machine's test case, naming what the file has when it is not there. */
export function selectTestCase(
  config: MockConfig,
  stateMachine: string,
  testCase: string,
): TestCaseSelection {
  const cases = config.stateMachines.get(stateMachine);
  if (cases === undefined) {
    return missing(
      `The mocks file has no state machine named '${stateMachine}' under "StateMachines" (it has: ${list(config.stateMachines.keys())}). The name comes from the workflow file's name unless --name gives one.`,
    );
  }
  const mapping = cases.get(testCase);
  if (mapping === undefined) {
    return missing(
      `The state machine '${stateMachine}' in the mocks file has no test case '${testCase}' (it has: ${list(cases.keys())}).`,
    );
  }
  const states = new Map<string, { name: string; response: MockedResponse }>();
  for (const [state, name] of mapping) {
    const response = config.responses.get(name);
    if (response !== undefined) states.set(state, { name, response });
  }
  return { kind: 'ok', mocks: { stateMachine, testCase, states } };
}

/**
 * Answers the states a test case mocks, by invocation: the n-th call of a state (retries
 * included, counting from 0) gets the response whose key covers n. A call beyond the keys
 * fails the run, as Step Functions Local does: every invocation must be mocked.
 */
export function createMockRunner(mocks: TestCaseMocks): SelectiveTaskRunner {
  return {
    covers: (request) => mocks.states.has(request.stateName),
    run(request): TaskOutcome {
      const mocked = mocks.states.get(request.stateName);
      if (mocked === undefined) {
        return {
          kind: 'unavailable',
          message: `The test case '${mocks.testCase}' does not mock the state '${request.stateName}'.`,
        };
      }
      const match = mocked.response.find(
        (r) => r.first <= request.invocation && request.invocation <= r.last,
      );
      if (match === undefined) {
        const keys = mocked.response.map(label).join(', ');
        return {
          kind: 'unavailable',
          message: `The state '${request.stateName}' is mocked by '${mocked.name}' in the test case '${mocks.testCase}', which has no response for invocation ${request.invocation} (counting from 0; it answers ${keys}).`,
        };
      }
      const answer = match.answer;
      if (answer.kind === 'return') return { kind: 'succeeded', output: answer.value };
      return answer.cause === undefined
        ? { kind: 'failed', error: answer.error }
        : { kind: 'failed', error: answer.error, cause: answer.cause };
    },
  };
}

function list(names: Iterable<string>): string {
  const all = [...names].map((n) => `'${n}'`);
  return all.length === 0 ? 'none' : all.join(', ');
}

function missing(message: string): TestCaseSelection {
  return { kind: 'missing', message };
}

export type MockRunnerResult =
  | { readonly kind: 'ok'; readonly runner: SelectiveTaskRunner }
  | { readonly kind: 'invalid'; readonly problems: readonly string[] };

/** A MockConfigFile's text to the runner of one of its test cases, or what is wrong with it. */
export function mockRunnerFromText(text: string, stateMachine: string, testCase: string): MockRunnerResult {
  const parsed = parseMockConfig(text);
  if (parsed.kind === 'invalid') return { kind: 'invalid', problems: parsed.problems };
  const selected = selectTestCase(parsed.config, stateMachine, testCase);
  if (selected.kind === 'missing') return { kind: 'invalid', problems: [selected.message] };
  return { kind: 'ok', runner: createMockRunner(selected.mocks) };
}
