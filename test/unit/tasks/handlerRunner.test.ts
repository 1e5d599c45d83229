import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { TaskOutcome } from '../../../server/src/engine/ports';
import { createHandlerRunner, parseHandlerConfig } from '../../../server/src/engine/tasks';
import { countingIds, taskRequest } from './request';

const fixtures = path.join(__dirname, 'fixtures');
const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);

function runnerFor(config: Record<string, string>) {
  const parsed = parseHandlerConfig(JSON.stringify(config));
  assert.ok(parsed.kind === 'ok');
  return createHandlerRunner(parsed.config, { baseDirectory: fixtures, ids: countingIds(), now: () => NOW });
}

function succeeded(outcome: TaskOutcome): unknown {
  assert.equal(outcome.kind, 'succeeded', JSON.stringify(outcome));
  return outcome.kind === 'succeeded' ? outcome.output : undefined;
}

describe('local handler runner', () => {
  test('lambda:invoke passes Payload to the handler and wraps its return as Invoke does', async () => {
    const runner = runnerFor({ Greet: './greet.mjs' });
    const output = succeeded(
      await runner.run(
        taskRequest({ stateName: 'Greet', input: { FunctionName: 'greeter', Payload: { name: 'Ada' } } }),
      ),
    ) as Record<string, unknown>;
    assert.deepEqual(output['Payload'], { greeting: 'Hello, Ada!' });
    assert.equal(output['StatusCode'], 200);
    assert.deepEqual(output['SdkResponseMetadata'], { RequestId: 'id-1' });
    const headers = (output['SdkHttpMetadata'] as { HttpHeaders: Record<string, string> }).HttpHeaders;
    assert.equal(headers['Date'], 'Sun, 01 Jun 2025 12:00:00 GMT');
  });

  test('a legacy function ARN gets the input as the event and the return as the result', async () => {
    const runner = runnerFor({
      'arn:aws:lambda:us-east-1:123456789012:function:CheckName': './legacy.cjs#CheckName',
    });
    const output = succeeded(
      await runner.run(
        taskRequest({
          stateName: 'CheckName',
          resource: 'arn:aws:lambda:us-east-1:123456789012:function:CheckName',
          input: { name: 'Ada Lovelace' },
        }),
      ),
    );
    assert.deepEqual(output, { checked: 'Ada Lovelace' });
  });

  test('.waitForTaskToken gets Payload and its return is the task result (as sent with the token)', async () => {
    const runner = runnerFor({ Wait: './greet.mjs' });
    const output = succeeded(
      await runner.run(
        taskRequest({
          stateName: 'Wait',
          resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          input: { FunctionName: 'f', Payload: { name: 'token holder' } },
        }),
      ),
    );
    assert.deepEqual(output, { greeting: 'Hello, token holder!' });
  });

  test('callback and synchronous handlers answer too', async () => {
    const runner = runnerFor({ Double: './greet.mjs#withCallback', Sync: './greet.mjs#synchronous' });
    const other = 'arn:aws:states:::sqs:sendMessage';
    assert.deepEqual(
      succeeded(
        await runner.run(taskRequest({ stateName: 'Double', resource: other, input: { value: 21 } })),
      ),
      {
        doubled: 42,
        requestId: 'id-1',
      },
    );
    assert.deepEqual(
      succeeded(await runner.run(taskRequest({ stateName: 'Sync', resource: other, input: 7 }))),
      [7, 'sync'],
    );
  });

  test('the handler gets a Lambda context in the state machine’s region and account', async () => {
    const runner = runnerFor({ Describe: './greet.mjs#describeContext' });
    const output = succeeded(
      await runner.run(
        taskRequest({
          stateName: 'Describe',
          resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          input: { FunctionName: 'Charger:live' },
          timeoutSeconds: 30,
        }),
      ),
    );
    assert.deepEqual(output, {
      functionName: 'Charger',
      invokedFunctionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:Charger',
      awsRequestId: 'id-1',
      remainingIsPositive: true,
    });
  });

  test('a module is loaded once per runner, so its state lives between invocations', async () => {
    const runner = runnerFor({ Count: './greet.mjs#counter' });
    const count = async () => succeeded(await runner.run(taskRequest({ stateName: 'Count', resource: 'x' })));
    const first = await count();
    assert.equal(await count(), Number(first) + 1);
  });

  test('undefined is returned as null, as Lambda serializes it', async () => {
    const runner = runnerFor({ Nothing: './greet.mjs#nothing' });
    const output = succeeded(await runner.run(taskRequest({ stateName: 'Nothing', resource: 'x' })));
    assert.equal(output, null);
  });

  test('a thrown error fails the Task with its name and the Lambda cause', async () => {
    const runner = runnerFor({ Reject: './greet.mjs#rejects', Quota: './greet.mjs#callbackError' });
    const rejected = await runner.run(taskRequest({ stateName: 'Reject' }));
    assert.equal(rejected.kind, 'failed');
    assert.ok(rejected.kind === 'failed');
    assert.equal(rejected.error, 'InvalidName');
    const cause = JSON.parse(rejected.cause ?? '') as { errorMessage: string; errorType: string };
    assert.equal(cause.errorMessage, '"X" is not a full name.');
    assert.equal(cause.errorType, 'InvalidName');
    const quota = await runner.run(taskRequest({ stateName: 'Quota' }));
    assert.equal(quota.kind === 'failed' ? quota.error : quota.kind, 'QuotaExceeded');
  });

  test('a return value JSON cannot hold fails the Task with a TypeError', async () => {
    const runner = runnerFor({ Circular: './greet.mjs#circular' });
    const outcome = await runner.run(taskRequest({ stateName: 'Circular' }));
    assert.equal(outcome.kind === 'failed' ? outcome.error : outcome.kind, 'TypeError');
  });

  test('a handler slower than the Task’s TimeoutSeconds fails it with States.Timeout', async () => {
    const runner = runnerFor({ Slow: './greet.mjs#neverAnswers' });
    const outcome = await runner.run(taskRequest({ stateName: 'Slow', timeoutSeconds: 0.05 }));
    assert.deepEqual(outcome, { kind: 'failed', error: 'States.Timeout' });
  });

  test('a module that cannot be loaded or lacks the export makes the Task unavailable, saying why', async () => {
    const runner = runnerFor({
      Missing: './no-such-module.mjs',
      Broken: './broken.mjs',
      NoExport: './greet.mjs#absent',
      NotFunction: './greet.mjs#notAFunction',
    });
    const message = async (stateName: string) => {
      const outcome = await runner.run(taskRequest({ stateName }));
      assert.equal(outcome.kind, 'unavailable');
      return outcome.kind === 'unavailable' ? outcome.message : '';
    };
    assert.match(
      await message('Missing'),
      /^The handler module '\.\/no-such-module\.mjs' for "Missing" could not be loaded: /,
    );
    assert.match(await message('Broken'), /could not be loaded: cannot start$/);
    assert.equal(
      await message('NoExport'),
      `The handler module './greet.mjs' for "NoExport" has no function export 'absent'.`,
    );
    assert.match(await message('NotFunction'), /has no function export 'notAFunction'/);
  });

  test('a handler that changes its event changes neither the Task’s input nor, later, its result', async () => {
    const runner = runnerFor({ Mutate: './greet.mjs#mutates' });
    const input = { order: { count: 1 } };
    const output = succeeded(await runner.run(taskRequest({ stateName: 'Mutate', resource: 'x', input })));
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.deepEqual(input, { order: { count: 1 } });
    assert.deepEqual(output, { order: { count: 2 } });
  });

  test('answers the same state the same way every time it is asked (the selection is remembered)', async () => {
    const runner = runnerFor({ Greet: './greet.mjs', greeter: './greet.mjs#synchronous' });
    const byState = taskRequest({
      stateName: 'Greet',
      input: { FunctionName: 'greeter', Payload: { name: 'A' } },
    });
    const byFunction = taskRequest({ stateName: 'Other', input: { FunctionName: 'greeter', Payload: 'B' } });
    const unnamed = taskRequest({ stateName: 'Other', input: { FunctionName: 'nobody', Payload: 'C' } });
    for (let i = 0; i < 2; i++) {
      assert.deepEqual((succeeded(await runner.run(byState)) as { Payload: unknown }).Payload, {
        greeting: 'Hello, A!',
      });
      assert.deepEqual((succeeded(await runner.run(byFunction)) as { Payload: unknown }).Payload, [
        'B',
        'sync',
      ]);
      assert.equal(runner.covers(unnamed), false);
    }
  });

  test('covers only the Tasks the file maps', () => {
    const runner = runnerFor({ Greet: './greet.mjs' });
    assert.equal(runner.covers(taskRequest({ stateName: 'Greet' })), true);
    assert.equal(runner.covers(taskRequest({ stateName: 'Other' })), false);
  });
});
