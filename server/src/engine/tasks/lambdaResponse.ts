import type { JsonObject, JsonValue } from '../json';
import { utf8Size } from '../../asl/jsonSize';

/**
 * The shapes Lambda gives Step Functions, rebuilt for local handlers: the Invoke response of the
 * optimised integration (`arn:aws:states:::lambda:invoke`) and the error of a function that threw.
 * Field names, order and header set follow what AWS records for these integrations.
 */

export interface InvokeMetadata {
  /** The request id Lambda would have assigned (x-amzn-RequestId). */
  readonly requestId: string;
  /** When the response was sent, epoch milliseconds (the Date header). */
  readonly time: number;
}

/** Lambda's Invoke response around a function's return value, as the integration returns it. */
export function lambdaInvokeResponse(payload: JsonValue, metadata: InvokeMetadata): JsonObject {
  const length = String(utf8Size(JSON.stringify(payload)));
  const date = new Date(metadata.time).toUTCString();
  const traceId = `Root=1-${Math.floor(metadata.time / 1000).toString(16)}-${metadata.requestId.replace(/-/g, '').slice(0, 24)};Sampled=0`;
  return {
    ExecutedVersion: '$LATEST',
    Payload: payload,
    SdkHttpMetadata: {
      AllHttpHeaders: {
        'X-Amz-Executed-Version': ['$LATEST'],
        'x-amzn-Remapped-Content-Length': ['0'],
        Connection: ['keep-alive'],
        'x-amzn-RequestId': [metadata.requestId],
        'Content-Length': [length],
        Date: [date],
        'X-Amzn-Trace-Id': [traceId],
        'Content-Type': ['application/json'],
      },
      HttpHeaders: {
        Connection: 'keep-alive',
        'Content-Length': length,
        'Content-Type': 'application/json',
        Date: date,
        'X-Amz-Executed-Version': '$LATEST',
        'x-amzn-Remapped-Content-Length': '0',
        'x-amzn-RequestId': metadata.requestId,
        'X-Amzn-Trace-Id': traceId,
      },
      HttpStatusCode: 200,
    },
    SdkResponseMetadata: { RequestId: metadata.requestId },
    StatusCode: 200,
  };
}

/** A failed function: the Step Functions error name and the cause Lambda reports. */
export interface LambdaFailure {
  readonly error: string;
  readonly cause: string;
}

/**
 * What a thrown value becomes: the error name is its `errorType` or `name` (so a class with
 * `name = 'InvalidName'` is caught by `"ErrorEquals": ["InvalidName"]`), the cause is the JSON
 * that Lambda's runtime writes: errorMessage, errorType and the stack trace lines.
 */
export function lambdaFailureOf(thrown: unknown): LambdaFailure {
  const errorType = errorTypeOf(thrown);
  const errorMessage = messageOf(thrown);
  const stack = thrown instanceof Error && typeof thrown.stack === 'string' ? thrown.stack : undefined;
  const cause: JsonObject = { errorMessage, errorType };
  if (stack !== undefined) cause['trace'] = stack.split('\n');
  return { error: errorType, cause: JSON.stringify(cause) };
}

function errorTypeOf(thrown: unknown): string {
  if (typeof thrown === 'object' && thrown !== null) {
    const declared = 'errorType' in thrown ? thrown.errorType : undefined;
    if (typeof declared === 'string' && declared !== '') return declared;
    const name = 'name' in thrown ? thrown.name : undefined;
    if (typeof name === 'string' && name !== '') return name;
  }
  return 'Error';
}

function messageOf(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === 'object' && thrown !== null && 'message' in thrown) {
    return typeof thrown.message === 'string' ? thrown.message : String(thrown.message);
  }
  return String(thrown);
}
