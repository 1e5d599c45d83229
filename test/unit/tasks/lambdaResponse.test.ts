import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { lambdaFailureOf, lambdaInvokeResponse } from '../../../server/src/engine/tasks/lambdaResponse';
import { conformanceDirectory } from '../../support/conformance';

const cases = conformanceDirectory();

/** The shape of a JSON value: objects by their keys (in order), arrays by their items, leaves by type. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]));
  }
  return typeof value;
}

describe('Lambda Invoke response', () => {
  const response = lambdaInvokeResponse(
    { foo: 'é' },
    { requestId: 'r-1', time: Date.UTC(2025, 0, 2, 3, 4, 5) },
  );

  test('wraps the payload with status, version and the request id', () => {
    assert.deepEqual(response['Payload'], { foo: 'é' });
    assert.equal(response['StatusCode'], 200);
    assert.equal(response['ExecutedVersion'], '$LATEST');
    assert.deepEqual(response['SdkResponseMetadata'], { RequestId: 'r-1' });
    const metadata = response['SdkHttpMetadata'] as { HttpHeaders: Record<string, string> };
    // {"foo":"é"}: 11 characters, 12 bytes in UTF-8.
    assert.equal(metadata.HttpHeaders['Content-Length'], '12');
    assert.equal(metadata.HttpHeaders['Date'], 'Thu, 02 Jan 2025 03:04:05 GMT');
  });

  test('has the fields AWS recorded for lambda:invoke, in its order', () => {
    const recorded = JSON.parse(
      readFileSync(
        path.join(
          cases,
          'query_language__test_lambda_task_resource_data_flow_TASK_LAMBDA_SDK_RESOURCE_JSONATA_TO_JSONPATH_.json',
        ),
        'utf8',
      ),
    ) as { expected: { output: { results: Record<string, unknown> } } };
    const aws = recorded.expected.output.results;
    // The recorder replaced Date and X-Amzn-Trace-Id with placeholders that lost their array
    // wrapping in AllHttpHeaders; compare every key and the types of the rest.
    const normalise = (value: Record<string, unknown>) => {
      const shape = shapeOf({ ...value, Payload: null }) as {
        SdkHttpMetadata: { AllHttpHeaders: Record<string, unknown> };
      };
      shape.SdkHttpMetadata.AllHttpHeaders['Date'] = 'date';
      shape.SdkHttpMetadata.AllHttpHeaders['X-Amzn-Trace-Id'] = 'trace';
      return JSON.stringify(shape);
    };
    assert.equal(normalise(response), normalise(aws));
  });
});

describe('Lambda errors', () => {
  test('a thrown Error becomes its name, with errorMessage, errorType and trace as the cause', () => {
    class InvalidName extends Error {
      override name = 'InvalidName';
    }
    const failure = lambdaFailureOf(new InvalidName('"X" is not a full name.'));
    assert.equal(failure.error, 'InvalidName');
    const cause = JSON.parse(failure.cause) as { errorMessage: string; errorType: string; trace: string[] };
    assert.deepEqual(Object.keys(cause), ['errorMessage', 'errorType', 'trace']);
    assert.equal(cause.errorMessage, '"X" is not a full name.');
    assert.equal(cause.errorType, 'InvalidName');
    assert.equal(cause.trace[0], 'InvalidName: "X" is not a full name.');
  });

  test('an errorType property wins over the name', () => {
    const failure = lambdaFailureOf(Object.assign(new Error('busy'), { errorType: 'Busy' }));
    assert.equal(failure.error, 'Busy');
  });

  test('thrown values that are not errors still give a name and a message', () => {
    assert.deepEqual(lambdaFailureOf('plain text'), {
      error: 'Error',
      cause: '{"errorMessage":"plain text","errorType":"Error"}',
    });
    assert.deepEqual(lambdaFailureOf({ name: 'Custom', message: 'from an object' }), {
      error: 'Custom',
      cause: '{"errorMessage":"from an object","errorType":"Custom"}',
    });
  });
});
