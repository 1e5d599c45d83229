import { isJsonObject, toJsonValue } from '../json';
import type { JsonObject, JsonValue } from '../json';
import type { IdSource, TaskOutcome, TaskRequest } from '../ports';
import type { HandlerConfig, HandlerReference } from './handlerConfig';
import { invokeHandler, type Invocation, type LambdaContext } from './invokeHandler';
import { lambdaFailureOf, lambdaInvokeResponse, type InvokeMetadata } from './lambdaResponse';
import { createHandlerLoader, type LoadedHandler, type ModuleImporter } from './loadHandler';
import {
  functionNameOf,
  functionNameParameter,
  isLambdaIntegration,
  lambdaPayload,
  resourceKindOf,
  type ResourceKind,
} from './resource';
import type { SelectiveTaskRunner } from './runner';
import { selectHandler } from './selectHandler';

export interface HandlerRunnerOptions {
  /** The folder of the handlers file: module paths in it are relative to it. */
  readonly baseDirectory: string;
  /** Request ids (the Lambda context's awsRequestId, the Invoke response's RequestId). */
  readonly ids: IdSource;
  /** The time of the Invoke response's Date header, epoch ms: the engine's clock. */
  readonly now: () => number;
  readonly importModule?: ModuleImporter;
}

/**
 * Answers Tasks with local Lambda-style handler modules. This runs user code: only callers that
 * trust the workspace (the CLI, a trusted debug session) create it.
 */
export function createHandlerRunner(
  config: HandlerConfig,
  options: HandlerRunnerOptions,
): SelectiveTaskRunner {
  const load = createHandlerLoader(options.baseDirectory, options.importModule);
  const planOf = createPlanner(config);
  const invoke = (
    loaded: LoadedHandler,
    request: TaskRequest,
    plan: CallPlan,
  ): TaskOutcome | Promise<TaskOutcome> => {
    if (loaded.kind === 'problem') return { kind: 'unavailable', message: loaded.message };
    const kind = plan.kind;
    const requestId = options.ids.uuid();
    // The handler gets its event as Lambda delivers it, serialized: a copy, so changing it
    // cannot change the execution's inputs or its history.
    const event = toJsonValue(isLambdaIntegration(kind) ? lambdaPayload(request.input) : request.input);
    const timeoutMs = request.timeoutSeconds === undefined ? undefined : request.timeoutSeconds * 1000;
    const called = plan.called ?? calledFunction(functionTarget(request, kind), request.context);
    const context = lambdaContext(called, requestId, timeoutMs);
    return invokeHandler(loaded.handler, event, context, timeoutMs).then((invocation) =>
      outcomeOf(invocation, kind, { requestId, time: options.now() }),
    );
  };
  return {
    covers: (request) => planOf(request).reference !== undefined,
    run(request) {
      const plan = planOf(request);
      const reference = plan.reference;
      if (reference === undefined) {
        return {
          kind: 'unavailable',
          message: `The handlers file maps no handler to the state '${request.stateName}'.`,
        };
      }
      // After the first call a handler is known, and the call does not wait for the loader.
      const loaded = load(reference);
      return loaded instanceof Promise
        ? loaded.then((l) => invoke(l, request, plan))
        : invoke(loaded, request, plan);
    },
  };
}

/**
 * How a Task's call is made: its handler, its resource's kind and the function it calls. It
 * depends only on the state's name, its resource and (Lambda integrations) the FunctionName
 * parameter, so it is worked out once per state: finding the handler and the function builds
 * keys with regular expressions, and one lookup by state name replaces three (by state, by
 * resource, by ARN) on every call.
 */
interface CallPlan {
  readonly resource: string;
  readonly functionName: string | undefined;
  readonly reference: HandlerReference | undefined;
  readonly kind: ResourceKind;
  /** Known in advance when the target is an ARN; a bare name takes the execution's region and account. */
  readonly called: CalledFunction | undefined;
}

function createPlanner(config: HandlerConfig): (request: TaskRequest) => CallPlan {
  const plans = new Map<string, CallPlan>();
  return (request) => {
    const functionName = functionNameParameter(request.input);
    const known = plans.get(request.stateName);
    if (known !== undefined && known.resource === request.resource && known.functionName === functionName)
      return known;
    const kind = resourceKindOf(request.resource);
    const target = functionTarget(request, kind);
    const plan: CallPlan = {
      resource: request.resource,
      functionName,
      reference: selectHandler(config, request),
      kind,
      called: target.startsWith('arn:') ? { name: functionNameOf(target), arn: target } : undefined,
    };
    plans.set(request.stateName, plan);
    return plan;
  };
}

/** The Task's outcome from what the handler did: Lambda's serialization, errors and response. */
function outcomeOf(invocation: Invocation, kind: ResourceKind, metadata: InvokeMetadata): TaskOutcome {
  if (invocation.kind === 'timedOut') return { kind: 'failed', error: 'States.Timeout' };
  if (invocation.kind === 'threw') return { kind: 'failed', ...lambdaFailureOf(invocation.error) };
  let payload: JsonValue;
  try {
    payload = toJsonValue(invocation.value);
  } catch (error) {
    return { kind: 'failed', ...lambdaFailureOf(error) };
  }
  if (kind.kind !== 'lambdaInvoke') return { kind: 'succeeded', output: payload };
  return { kind: 'succeeded', output: lambdaInvokeResponse(payload, metadata) };
}

/** The function a Task calls: its bare name and its ARN. */
interface CalledFunction {
  readonly name: string;
  readonly arn: string;
}

function calledFunction(target: string, context: JsonObject): CalledFunction {
  const name = functionNameOf(target);
  return { name, arn: target.startsWith('arn:') ? target : functionArn(context, name) };
}

function lambdaContext(
  called: CalledFunction,
  requestId: string,
  timeoutMs: number | undefined,
): LambdaContext {
  const deadline = timeoutMs === undefined ? undefined : Date.now() + timeoutMs;
  return {
    functionName: called.name,
    functionVersion: '$LATEST',
    invokedFunctionArn: called.arn,
    memoryLimitInMB: '128',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${called.name}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: true,
    // Lambda's own limit is 15 minutes; a Task's TimeoutSeconds shortens it.
    getRemainingTimeInMillis: () => (deadline === undefined ? 900_000 : Math.max(0, deadline - Date.now())),
  };
}

/** The function a Task calls as written (ARN or name); the state's name when it calls none. */
function functionTarget(request: TaskRequest, kind: ResourceKind): string {
  if (kind.kind === 'lambdaFunction') return request.resource;
  if (isLambdaIntegration(kind)) return functionNameParameter(request.input) ?? request.stateName;
  return request.stateName;
}

/** A function ARN in the state machine's region and account (taken from its ARN in the context). */
function functionArn(context: JsonObject, functionName: string): string {
  const machine = context['StateMachine'];
  const id = machine !== undefined && isJsonObject(machine) ? machine['Id'] : undefined;
  const parts = typeof id === 'string' ? id.split(':') : [];
  const partition = parts[1] ?? 'aws';
  const region = parts[3] ?? 'us-east-1';
  const account = parts[4] ?? '123456789012';
  return `arn:${partition}:lambda:${region}:${account}:function:${functionName}`;
}
