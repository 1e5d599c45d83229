import type { TaskRequest } from '../ports';
import type { HandlerConfig, HandlerReference } from './handlerConfig';
import { functionNameOf, functionNameParameter, resourceKindOf, type ResourceKind } from './resource';

/**
 * Which handler answers a Task, most specific first: the state's name, then its Resource ARN,
 * then (for Lambda) the function named by the ARN or by the FunctionName parameter, as written
 * and as a bare name. The first key present in the handlers file wins.
 */
export function selectHandler(config: HandlerConfig, request: TaskRequest): HandlerReference | undefined {
  // Most Tasks are found by their state name: try it before building the list of keys.
  const byState = config.get(request.stateName);
  if (byState !== undefined) return byState;
  for (const key of handlerKeys(request)) {
    const reference = config.get(key);
    if (reference !== undefined) return reference;
  }
  return undefined;
}

/** The keys tried for a request, in order, without repeats. */
export function handlerKeys(request: TaskRequest): readonly string[] {
  const keys = [
    request.stateName,
    request.resource,
    ...functionKeys(resourceKindOf(request.resource), request),
  ];
  return [...new Set(keys)];
}

function functionKeys(kind: ResourceKind, request: TaskRequest): readonly string[] {
  if (kind.kind === 'lambdaFunction') return [kind.functionName];
  if (kind.kind === 'other') return [];
  const named = functionNameParameter(request.input);
  return named === undefined ? [] : [named, functionNameOf(named)];
}
