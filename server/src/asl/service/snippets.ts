import type { QueryLanguage } from '../rules/context';
import type { StateType } from './docs';
import { choice, rawTab, tab, type TemplateObject } from './template';

/**
 * New states and list entries, as templates. Tab stops start at 2: in a state snippet, 1 is the
 * state name. Each snippet follows the query language of the place it is inserted in.
 */
export interface StateSnippet {
  /** What the completion list shows, e.g. "Task: Lambda invoke". */
  readonly label: string;
  /** The name proposed for the new state. */
  readonly name: string;
  readonly type: StateType;
  readonly description: string;
  /** The state body without Next/End, which the caller adds (it knows how the state is wired). */
  body(language: QueryLanguage): TemplateObject;
}

function task(
  label: string,
  name: string,
  description: string,
  resource: string,
  args: (language: QueryLanguage) => TemplateObject,
  extra: TemplateObject = {},
): StateSnippet {
  return {
    label: `Task: ${label}`,
    name,
    type: 'Task',
    description,
    body: (language) => ({
      Type: 'Task',
      Resource: resource,
      [language === 'JSONata' ? 'Arguments' : 'Parameters']: args(language),
      ...extra,
    }),
  };
}

/** In JSONPath a key whose value is a path ends in `.$`; in JSONata the value is an expression. */
const dynamic = (
  language: QueryLanguage,
  key: string,
  index: number,
  path: string,
  expression: string,
): TemplateObject =>
  language === 'JSONata' ? { [key]: tab(index, expression) } : { [`${key}.$`]: tab(index, path) };

const LAMBDA_RETRY: TemplateObject = {
  ErrorEquals: [
    'Lambda.ServiceException',
    'Lambda.AWSLambdaException',
    'Lambda.SdkClientException',
    'Lambda.TooManyRequestsException',
  ],
  IntervalSeconds: 1,
  MaxAttempts: 3,
  BackoffRate: 2,
  JitterStrategy: 'FULL',
};

export const STATE_SNIPPETS: readonly StateSnippet[] = [
  task(
    'Lambda invoke',
    'Invoke Function',
    'Invokes a Lambda function with the state input and retries on transient Lambda errors.',
    'arn:aws:states:::lambda:invoke',
    (language) => ({
      FunctionName: tab(2, 'arn:aws:lambda:us-east-1:123456789012:function:my-function'),
      ...dynamic(language, 'Payload', 3, '$', '{% $states.input %}'),
    }),
    { Retry: [LAMBDA_RETRY] },
  ),
  task(
    'SNS publish',
    'Publish Message',
    'Publishes a message to an SNS topic.',
    'arn:aws:states:::sns:publish',
    (language) => ({
      TopicArn: tab(2, 'arn:aws:sns:us-east-1:123456789012:my-topic'),
      ...dynamic(language, 'Message', 3, '$', '{% $states.input %}'),
    }),
  ),
  task(
    'SQS send message',
    'Send Message',
    'Sends a message to an SQS queue.',
    'arn:aws:states:::sqs:sendMessage',
    (language) => ({
      QueueUrl: tab(2, 'https://sqs.us-east-1.amazonaws.com/123456789012/my-queue'),
      ...dynamic(language, 'MessageBody', 3, '$', '{% $states.input %}'),
    }),
  ),
  task(
    'DynamoDB get item',
    'Get Item',
    'Reads one item of a DynamoDB table by its key.',
    'arn:aws:states:::dynamodb:getItem',
    (language) => ({
      TableName: tab(2, 'my-table'),
      Key: {
        id: language === 'JSONata' ? { S: tab(3, '{% $states.input.id %}') } : { 'S.$': tab(3, '$.id') },
      },
    }),
  ),
  task(
    'DynamoDB put item',
    'Put Item',
    'Writes an item to a DynamoDB table.',
    'arn:aws:states:::dynamodb:putItem',
    (language) => ({
      TableName: tab(2, 'my-table'),
      Item: {
        id: language === 'JSONata' ? { S: tab(3, '{% $states.input.id %}') } : { 'S.$': tab(3, '$.id') },
      },
    }),
  ),
  task(
    'EventBridge put events',
    'Put Events',
    'Sends an event to an EventBridge event bus.',
    'arn:aws:states:::events:putEvents',
    (language) => ({
      Entries: [
        {
          EventBusName: tab(2, 'default'),
          Source: tab(3, 'my.application'),
          DetailType: tab(4, 'OrderPlaced'),
          ...dynamic(language, 'Detail', 5, '$', '{% $states.input %}'),
        },
      ],
    }),
  ),
  task(
    'ECS run task (.sync)',
    'Run ECS Task',
    'Runs an ECS task on Fargate and waits until it stops.',
    'arn:aws:states:::ecs:runTask.sync',
    () => ({
      LaunchType: 'FARGATE',
      Cluster: tab(2, 'arn:aws:ecs:us-east-1:123456789012:cluster/my-cluster'),
      TaskDefinition: tab(3, 'arn:aws:ecs:us-east-1:123456789012:task-definition/my-task:1'),
    }),
  ),
  task(
    'Batch submit job (.sync)',
    'Submit Batch Job',
    'Submits an AWS Batch job and waits until it finishes.',
    'arn:aws:states:::batch:submitJob.sync',
    () => ({
      JobName: tab(2, 'my-job'),
      JobDefinition: tab(3, 'arn:aws:batch:us-east-1:123456789012:job-definition/my-definition:1'),
      JobQueue: tab(4, 'arn:aws:batch:us-east-1:123456789012:job-queue/my-queue'),
    }),
  ),
  task(
    'Step Functions start execution (.sync)',
    'Start Execution',
    'Starts another state machine and waits for its result.',
    'arn:aws:states:::states:startExecution.sync:2',
    (language) => ({
      StateMachineArn: tab(2, 'arn:aws:states:us-east-1:123456789012:stateMachine:my-state-machine'),
      Input:
        language === 'JSONata'
          ? tab(3, '{% $states.input %}')
          : { 'AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$': '$$.Execution.Id' },
    }),
  ),
  {
    label: 'Task: AWS SDK call',
    name: 'Call AWS Service',
    type: 'Task',
    description: 'Calls any AWS SDK action: `arn:aws:states:::aws-sdk:<service>:<action>`.',
    body: (language) => ({
      Type: 'Task',
      Resource: tab(2, 'arn:aws:states:::aws-sdk:s3:listBuckets'),
      [language === 'JSONata' ? 'Arguments' : 'Parameters']: {},
    }),
  },
  {
    label: 'Pass',
    name: 'Pass',
    type: 'Pass',
    description: 'Passes its input on, optionally reshaped.',
    body: () => ({ Type: 'Pass' }),
  },
  {
    label: 'Choice',
    name: 'Choose',
    type: 'Choice',
    description: 'Branches on the input, with one rule and a default.',
    body: (language) => ({
      Type: 'Choice',
      Choices: [choiceRule(language, 2)],
      Default: tab(5),
    }),
  },
  {
    label: 'Wait',
    name: 'Wait',
    type: 'Wait',
    description: 'Waits for a number of seconds.',
    body: () => ({ Type: 'Wait', Seconds: rawTab(2, '10') }),
  },
  {
    label: 'Succeed',
    name: 'Success',
    type: 'Succeed',
    description: 'Ends the workflow successfully.',
    body: () => ({ Type: 'Succeed' }),
  },
  {
    label: 'Fail',
    name: 'Fail',
    type: 'Fail',
    description: 'Ends the workflow with an error and a cause.',
    body: () => ({ Type: 'Fail', Error: tab(2, 'MyError'), Cause: tab(3, 'What went wrong') }),
  },
  {
    label: 'Parallel',
    name: 'Parallel',
    type: 'Parallel',
    description: 'Runs two branches at the same time.',
    body: () => ({
      Type: 'Parallel',
      Branches: [
        { StartAt: 'Branch A', States: { 'Branch A': { Type: 'Pass', End: true } } },
        { StartAt: 'Branch B', States: { 'Branch B': { Type: 'Pass', End: true } } },
      ],
    }),
  },
  {
    label: 'Map (inline)',
    name: 'Map',
    type: 'Map',
    description: 'Runs the same states for each item of an array in the input.',
    body: (language) => ({
      Type: 'Map',
      [language === 'JSONata' ? 'Items' : 'ItemsPath']: tab(
        2,
        language === 'JSONata' ? '{% $states.input.items %}' : '$.items',
      ),
      MaxConcurrency: rawTab(3, '10'),
      ItemProcessor: {
        ProcessorConfig: { Mode: 'INLINE' },
        StartAt: 'Process Item',
        States: { 'Process Item': { Type: 'Pass', End: true } },
      },
    }),
  },
  {
    label: 'Map (distributed)',
    name: 'Distributed Map',
    type: 'Map',
    description: 'Runs child workflow executions over the items of an S3 object.',
    body: (language) => ({
      Type: 'Map',
      ItemReader: {
        Resource: 'arn:aws:states:::s3:getObject',
        ReaderConfig: { InputType: choice(2, 'JSON', 'CSV', 'JSONL') },
        [language === 'JSONata' ? 'Arguments' : 'Parameters']: {
          Bucket: tab(3, 'my-bucket'),
          Key: tab(4, 'items.json'),
        },
      },
      MaxConcurrency: rawTab(5, '100'),
      ToleratedFailurePercentage: 5,
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: choice(6, 'STANDARD', 'EXPRESS') },
        StartAt: 'Process Item',
        States: { 'Process Item': { Type: 'Pass', End: true } },
      },
    }),
  },
];

function choiceRule(language: QueryLanguage, first: number): TemplateObject {
  return language === 'JSONata'
    ? { Condition: tab(first, '{% $states.input.status = "ready" %}'), Next: tab(first + 2) }
    : { Variable: tab(first, '$.status'), StringEquals: tab(first + 1, 'ready'), Next: tab(first + 2) };
}

export interface EntrySnippet {
  readonly label: string;
  readonly description: string;
  readonly body: TemplateObject;
}

/** Entries of the Retry, Catch, Choices and Branches arrays. */
export function entrySnippets(list: string, language: QueryLanguage): readonly EntrySnippet[] {
  switch (list) {
    case 'Retry':
      return [
        {
          label: 'Retrier',
          description: 'Retry on any error with exponential backoff and jitter.',
          body: {
            ErrorEquals: [tab(1, 'States.ALL')],
            IntervalSeconds: rawTab(2, '2'),
            MaxAttempts: rawTab(3, '3'),
            BackoffRate: rawTab(4, '2'),
            JitterStrategy: choice(5, 'FULL', 'NONE'),
          },
        },
        {
          label: 'Retrier: Lambda transient errors',
          description: 'Retry the errors Lambda raises when it is briefly unavailable.',
          body: LAMBDA_RETRY,
        },
      ];
    case 'Catch':
      return [
        {
          label: 'Catcher',
          description: 'Go to a fallback state on any error.',
          body:
            language === 'JSONata'
              ? { ErrorEquals: [tab(1, 'States.ALL')], Next: tab(2) }
              : { ErrorEquals: [tab(1, 'States.ALL')], ResultPath: tab(2, '$.error'), Next: tab(3) },
        },
      ];
    case 'Choices':
      return [
        {
          label: 'Choice rule',
          description: 'A rule and the state it leads to.',
          body: choiceRule(language, 1),
        },
      ];
    case 'Branches':
      return [
        {
          label: 'Branch',
          description: 'A branch with one state.',
          body: { StartAt: tab(1, 'Step'), States: { Step: { Type: 'Pass', End: true } } },
        },
      ];
    default:
      return [];
  }
}

/** A new state machine, for an empty document. */
export function machineSnippet(language: QueryLanguage): TemplateObject {
  const base: TemplateObject = {
    Comment: tab(1, 'What this workflow does'),
    StartAt: 'Hello',
    States: { Hello: { Type: 'Pass', End: true } },
  };
  return language === 'JSONata' ? { ...base, QueryLanguage: 'JSONata' } : base;
}
