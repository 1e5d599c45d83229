/**
 * How a Task's resource shows in the history: legacy Lambda ARNs get the LambdaFunction* events,
 * everything else the Task* events with the service and API split out of the ARN.
 */
export interface TaskResourceInfo {
  readonly legacyLambda: boolean;
  /** `lambda` for arn:aws:states:::lambda:invoke, `aws-sdk:s3` for aws-sdk:s3:listBuckets. */
  readonly resourceType: string;
  /** `invoke`, `listBuckets`, `sendMessage.waitForTaskToken`, or the full ARN. */
  readonly resource: string;
  readonly region: string;
}

const LEGACY_LAMBDA = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:/;
const SERVICE = /^arn:[^:]+:states:([^:]*):[^:]*:(.+)$/;

export function taskResourceInfo(arn: string): TaskResourceInfo {
  if (LEGACY_LAMBDA.test(arn))
    return { legacyLambda: true, resourceType: 'lambda', resource: arn, region: arn.split(':')[3] ?? '' };
  const match = SERVICE.exec(arn);
  if (match === null)
    return { legacyLambda: false, resourceType: 'unknown', resource: arn, region: 'us-east-1' };
  const rest = match[2] ?? '';
  const region = match[1] === '' || match[1] === undefined ? 'us-east-1' : match[1];
  if (rest.startsWith('aws-sdk:')) {
    const [, service, ...api] = rest.split(':');
    return { legacyLambda: false, resourceType: `aws-sdk:${service ?? ''}`, resource: api.join(':'), region };
  }
  const colon = rest.indexOf(':');
  if (colon < 0) return { legacyLambda: false, resourceType: rest, resource: rest, region };
  return { legacyLambda: false, resourceType: rest.slice(0, colon), resource: rest.slice(colon + 1), region };
}
