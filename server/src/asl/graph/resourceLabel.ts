/**
 * The short name of a Task's Resource the graph prints under the state's name:
 * `lambda:invoke MyFunction`, `sns:publish.waitForTaskToken`, `lambda MyFunction`,
 * `activity Reviews`. The whole ARN is in the tooltip.
 */
import { truncate } from './choiceLabel';

const SERVICE_INTEGRATION = /^arn:[^:]+:states:[^:]*:[^:]*:(?!activity:)(.+)$/;
const LAMBDA_FUNCTION = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)/;
const ACTIVITY = /^arn:[^:]+:states:[^:]*:[^:]*:activity:(.+)$/;

/** `functionName` is the Parameters' or Arguments' FunctionName when it is a string. */
export function resourceLabel(resource: string, functionName: string | undefined): string {
  if (resource.startsWith('{%')) return '{% … %}';
  const lambda = LAMBDA_FUNCTION.exec(resource);
  if (lambda?.[1] !== undefined) return truncate(`lambda ${lambda[1]}`);
  const activity = ACTIVITY.exec(resource);
  if (activity?.[1] !== undefined) return truncate(`activity ${activity[1]}`);
  const integration = SERVICE_INTEGRATION.exec(resource);
  if (integration?.[1] !== undefined) {
    const name = integration[1];
    const fn = functionName === undefined ? undefined : shortFunctionName(functionName);
    return truncate(fn === undefined || !name.startsWith('lambda:invoke') ? name : `${name} ${fn}`);
  }
  const last = resource
    .split(':')
    .filter((part) => part !== '')
    .pop();
  return truncate(last ?? resource);
}

function shortFunctionName(value: string): string | undefined {
  if (value.startsWith('{%')) return undefined;
  const arn = LAMBDA_FUNCTION.exec(value);
  return arn?.[1] ?? value;
}
