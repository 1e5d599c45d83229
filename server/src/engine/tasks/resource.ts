import type { JsonValue } from '../json';
import { isJsonObject } from '../json';

/**
 * What a Task's Resource says about how its result is shaped. Lambda is the one service whose
 * local stand-in (a handler module) needs special treatment: the optimised integration wraps
 * the function's return in Invoke's response, the legacy function ARN does not.
 */
export type ResourceKind =
  /** `arn:aws:states:::lambda:invoke`: the handler gets `Payload`, its return is wrapped. */
  | { readonly kind: 'lambdaInvoke' }
  /** `arn:aws:states:::lambda:invoke.waitForTaskToken`: the handler's return is the task result. */
  | { readonly kind: 'lambdaInvokeWaitForTaskToken' }
  /** `arn:aws:lambda:REGION:ACCOUNT:function:NAME`: the handler's return is the result as is. */
  | { readonly kind: 'lambdaFunction'; readonly functionName: string }
  | { readonly kind: 'other' };

const LAMBDA_INVOKE = /^arn:[\w-]+:states:::lambda:invoke$/;
const LAMBDA_INVOKE_TOKEN = /^arn:[\w-]+:states:::lambda:invoke\.waitForTaskToken$/;
const LAMBDA_FUNCTION = /^arn:[\w-]+:lambda:[\w-]*:\d*:function:([^:]+)(?::[^:]+)?$/;

export function resourceKindOf(resource: string): ResourceKind {
  if (LAMBDA_INVOKE.test(resource)) return { kind: 'lambdaInvoke' };
  if (LAMBDA_INVOKE_TOKEN.test(resource)) return { kind: 'lambdaInvokeWaitForTaskToken' };
  const fn = LAMBDA_FUNCTION.exec(resource);
  if (fn?.[1] !== undefined) return { kind: 'lambdaFunction', functionName: fn[1] };
  return { kind: 'other' };
}

/** Whether the resource is one of Lambda's: the handler receives `Payload` for the integrations. */
export function isLambdaIntegration(kind: ResourceKind): boolean {
  return kind.kind === 'lambdaInvoke' || kind.kind === 'lambdaInvokeWaitForTaskToken';
}

/**
 * The bare function name in any of the forms Lambda accepts for FunctionName: a name, a name
 * with a version or alias (`name:prod`), a partial ARN (`ACCOUNT:function:name`) or a full ARN.
 */
export function functionNameOf(reference: string): string {
  const parts = reference.split(':');
  const at = parts.indexOf('function');
  if (at >= 0) return parts[at + 1] ?? reference;
  return parts[0] ?? reference;
}

/** The FunctionName parameter of a Lambda integration's input, when it is a string. */
export function functionNameParameter(input: JsonValue): string | undefined {
  const name = isJsonObject(input) ? input['FunctionName'] : undefined;
  return typeof name === 'string' ? name : undefined;
}

/** The event a Lambda integration sends: `Payload` as given, `{}` when there is none. */
export function lambdaPayload(input: JsonValue): JsonValue {
  const payload = isJsonObject(input) ? input['Payload'] : undefined;
  return payload === undefined ? {} : payload;
}
