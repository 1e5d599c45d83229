import { propertyOf } from '../ast';
import { RULE_MESSAGES } from './messages';
import type { Rule } from './rule';

const PARTITION = 'aws(?:-[a-z]+)*';
const SERVICE_INTEGRATION = new RegExp(
  `^arn:${PARTITION}:states:::(?:aws-sdk:[a-z0-9-]+:[A-Za-z][A-Za-z0-9]*|[a-z][a-z0-9-]*:[A-Za-z][A-Za-z0-9]*)(?:\\.sync(?::2)?|\\.waitForTaskToken)?$`,
);
const LAMBDA = new RegExp(
  `^arn:${PARTITION}:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]+(?::[A-Za-z0-9_$-]+)?$`,
);
const ACTIVITY = new RegExp(`^arn:${PARTITION}:states:[a-z0-9-]+:\\d{12}:activity:[^\\s:]+$`);

/**
 * A definition substitution (`${LambdaArn}` in SAM and CloudFormation, `${...}` from CDK)
 * is replaced before Step Functions sees the definition: nothing to judge until then.
 */
const SUBSTITUTION = /\$\{[^}]*\}/;

export function isTaskResource(text: string): boolean {
  return (
    SUBSTITUTION.test(text) || SERVICE_INTEGRATION.test(text) || LAMBDA.test(text) || ACTIVITY.test(text)
  );
}

/** A Task's Resource is a Lambda function, an activity, or a service integration ARN. */
export const resourceArn: Rule = {
  code: 'ASL-RESOURCE-ARN',
  severity: 'error',
  description:
    "A Task's Resource must be a Lambda function ARN, an activity ARN or arn:aws:states:::service:action[.sync|.sync:2|.waitForTaskToken].",
  check: ({ model }, report) => {
    for (const state of model.states) {
      if (state.type !== 'Task') continue;
      const value = propertyOf(state.node, 'Resource')?.value;
      if (value?.kind !== 'string' || isTaskResource(value.value)) continue;
      report(value, RULE_MESSAGES.resourceArn(value.value));
    }
  },
};
