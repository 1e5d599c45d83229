import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { TaskOutcome, TaskRunner } from '../../../server/src/engine/ports';
import {
  composeTaskRunners,
  createMockRunner,
  parseMockConfig,
  selectTestCase,
  type MockConfig,
  type SelectiveTaskRunner,
} from '../../../server/src/engine/tasks';
import { taskRequest } from './request';

const mocksText = readFileSync(path.join(__dirname, 'fixtures', 'mocks.json'), 'utf8');

function config(): MockConfig {
  const parsed = parseMockConfig(mocksText);
  assert.ok(parsed.kind === 'ok', JSON.stringify(parsed));
  return parsed.config;
}

function runnerFor(testCase: string): SelectiveTaskRunner {
  const selection = selectTestCase(config(), 'orders', testCase);
  assert.ok(selection.kind === 'ok');
  return createMockRunner(selection.mocks);
}

function problemsOf(text: string): readonly string[] {
  const parsed = parseMockConfig(text);
  assert.equal(parsed.kind, 'invalid');
  return parsed.kind === 'invalid' ? parsed.problems : [];
}

async function outcome(runner: TaskRunner, stateName: string, invocation = 0): Promise<TaskOutcome> {
  return runner.run(taskRequest({ stateName, invocation }));
}

describe('MockConfigFile', () => {
  test('reads test cases and responses by invocation number and range', () => {
    const parsed = config();
    assert.deepEqual([...(parsed.stateMachines.get('orders')?.keys() ?? [])], ['HappyPath', 'Declined']);
    assert.deepEqual(
      parsed.responses.get('ShipWithRetries')?.map((r) => [r.first, r.last, r.answer.kind]),
      [
        [0, 0, 'throw'],
        [1, 2, 'throw'],
        [3, 3, 'return'],
      ],
    );
  });

  test('answers each invocation with the response whose key covers it', async () => {
    const runner = runnerFor('HappyPath');
    assert.deepEqual(await outcome(runner, 'ShipOrder', 0), {
      kind: 'failed',
      error: 'Lambda.TooManyRequestsException',
      cause: 'Rate exceeded.',
    });
    for (const invocation of [1, 2]) {
      assert.deepEqual(await outcome(runner, 'ShipOrder', invocation), {
        kind: 'failed',
        error: 'Lambda.ServiceException',
        cause: 'Try again.',
      });
    }
    // A falsy Return is still a result.
    assert.deepEqual(await outcome(runner, 'ShipOrder', 3), { kind: 'succeeded', output: false });
    assert.deepEqual(await outcome(runner, 'ChargeCard'), {
      kind: 'succeeded',
      output: { StatusCode: 200, Payload: { charged: true } },
    });
  });

  test('an invocation beyond the keys is unavailable: every invocation must be mocked', async () => {
    assert.deepEqual(await outcome(runnerFor('HappyPath'), 'ShipOrder', 4), {
      kind: 'unavailable',
      message:
        "The state 'ShipOrder' is mocked by 'ShipWithRetries' in the test case 'HappyPath', which has no response for invocation 4 (counting from 0; it answers 0, 1-2, 3).",
    });
  });

  test('a test case covers only the states it names', () => {
    const runner = runnerFor('Declined');
    assert.equal(runner.covers(taskRequest({ stateName: 'ChargeCard' })), true);
    assert.equal(runner.covers(taskRequest({ stateName: 'ShipOrder' })), false);
  });

  test('a missing state machine or test case names what the file has', () => {
    assert.deepEqual(selectTestCase(config(), 'order', 'HappyPath'), {
      kind: 'missing',
      message:
        "The mocks file has no state machine named 'order' under \"StateMachines\" (it has: 'orders'). The name comes from the workflow file's name unless --name gives one.",
    });
    assert.deepEqual(selectTestCase(config(), 'orders', 'Happy'), {
      kind: 'missing',
      message:
        "The state machine 'orders' in the mocks file has no test case 'Happy' (it has: 'HappyPath', 'Declined').",
    });
  });

  test('reports every structural problem with where it is', () => {
    const problems = problemsOf(
      JSON.stringify({
        StateMachines: { m: { TestCases: { t: { A: 'Nope', B: 3, C: 'Ok' } } }, n: {} },
        MockedResponses: {
          Ok: { '0': { Return: 1 } },
          BadKey: { first: { Return: 1 }, '2-1': { Return: 1 }, '01': { Return: 1 } },
          Both: { '0': { Return: 1, Throw: { Error: 'E', Cause: 'c' } } },
          Overlap: { '0-2': { Return: 1 }, '2': { Return: 2 } },
          BadThrow: { '0': { Throw: { Cause: 'no error' } } },
          Empty: {},
        },
        Extra: true,
      }),
    );
    assert.deepEqual(problems, [
      'The mocks file has an unknown top-level field "Extra" (expected "StateMachines" and "MockedResponses").',
      'MockedResponses.BadKey has the key "first": use a 0-based invocation number ("0") or an inclusive range ("1-2").',
      'MockedResponses.BadKey has the key "2-1": use a 0-based invocation number ("0") or an inclusive range ("1-2").',
      'MockedResponses.BadKey has the key "01": use a 0-based invocation number ("0") or an inclusive range ("1-2").',
      'MockedResponses.Both.0 must have exactly one field, "Return" or "Throw" (it has: Return, Throw).',
      'MockedResponses.Overlap answers invocation 2 twice ("0-2" and "2").',
      'MockedResponses.BadThrow.0.Throw must be an object with a string "Error" and a string "Cause".',
      'MockedResponses.Empty must be an object keyed by invocation ("0", "1-2", ...) with at least one key.',
      'StateMachines.m.TestCases.t.A uses the mocked response "Nope", which "MockedResponses" does not define.',
      'StateMachines.m.TestCases.t.B must be the name of a mocked response (a string).',
      'StateMachines.n must be an object with a "TestCases" object.',
    ]);
  });

  test('text that is not a mocks object is rejected with one clear problem', () => {
    assert.match(problemsOf('{')[0] ?? '', /^The mocks file is not valid JSON: /);
    assert.deepEqual(problemsOf('[]'), [
      'The mocks file must be a JSON object with "StateMachines" and "MockedResponses".',
    ]);
    assert.deepEqual(problemsOf('{}'), [
      '"MockedResponses" must be an object: { "<response name>": { "0": { "Return": ... } } }.',
      '"StateMachines" must be an object: { "<state machine name>": { "TestCases": { ... } } }.',
    ]);
  });
});

describe('composed task runner', () => {
  const handlers: SelectiveTaskRunner = {
    covers: (request) => request.stateName !== 'Unknown',
    run: (request) => ({ kind: 'succeeded', output: `handler for ${request.stateName}` }),
  };

  test('mocks answer the states of the test case, handlers the rest', async () => {
    const runner = composeTaskRunners({ mocks: runnerFor('Declined'), handlers });
    assert.deepEqual(await outcome(runner, 'ChargeCard'), {
      kind: 'failed',
      error: 'CardDeclined',
      cause: 'The card was declined.',
    });
    assert.deepEqual(await outcome(runner, 'ShipOrder'), {
      kind: 'succeeded',
      output: 'handler for ShipOrder',
    });
  });

  test('a Task nothing answers is unavailable, with how to provide a handler or a mock', async () => {
    const runner = composeTaskRunners({ mocks: runnerFor('Declined') });
    assert.deepEqual(await outcome(runner, 'ShipOrder'), {
      kind: 'unavailable',
      message:
        'Nothing answers the Task state \'ShipOrder\' (Resource arn:aws:states:::lambda:invoke). Map it to a local handler in a handlers file ({ "ShipOrder": "./handlers.mjs#handler" }, --handlers FILE) or mock it in a MockConfigFile test case (--mocks FILE --test-case NAME).',
    });
    assert.equal((await outcome(composeTaskRunners({}), 'Unknown')).kind, 'unavailable');
  });
});
