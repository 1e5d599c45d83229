import { isRecord } from '../../server/src/guards';

/**
 * The workloads of `npm run bench:engine`, as plain definitions and inputs that any engine can
 * run: issue 5's list, sized as the issue states.
 */

export type WorkflowType = 'STANDARD' | 'EXPRESS';

export interface Workload {
  readonly id: string;
  readonly title: string;
  readonly definition: Record<string, unknown>;
  readonly input: unknown;
  /** The loop and the Map exceed STANDARD's 25,000-event history quota. */
  readonly type: WorkflowType;
  /** States entered in one run: the unit of the throughput column. */
  readonly transitions: number;
  /** Whether Tasks call the local echo handler. */
  readonly usesHandler: boolean;
  /** False when the anchor cannot run the workload at all (JSONata): its columns show n/a. */
  readonly anchorRuns: boolean;
  /** Checks the run's output, so a fast wrong answer does not count. */
  readonly check: (output: unknown) => boolean;
}

export const ECHO_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:Echo';

export function passChain(length: number): Workload {
  const States: Record<string, unknown> = {};
  for (let i = 0; i < length; i++) {
    States[`Pass${i}`] =
      i === length - 1 ? { Type: 'Pass', End: true } : { Type: 'Pass', Next: `Pass${i + 1}` };
  }
  return {
    id: 'pass-chain',
    title: `Pass chain, ${length.toLocaleString('en')} states`,
    definition: { StartAt: 'Pass0', States },
    input: { value: 'unchanged' },
    type: 'STANDARD',
    transitions: length,
    usesHandler: false,
    anchorRuns: true,
    check: (output) => isRecord(output) && output['value'] === 'unchanged',
  };
}

export function choiceLoop(limit: number): Workload {
  return {
    id: 'choice-loop',
    title: `Pass+Choice loop to ${limit.toLocaleString('en')} (States.MathAdd)`,
    definition: {
      StartAt: 'Init',
      States: {
        Init: { Type: 'Pass', Result: { i: 0 }, Next: 'Check' },
        Check: {
          Type: 'Choice',
          Choices: [{ Variable: '$.i', NumericGreaterThanEquals: limit, Next: 'Done' }],
          Default: 'Increment',
        },
        Increment: { Type: 'Pass', Parameters: { 'i.$': 'States.MathAdd($.i, 1)' }, Next: 'Check' },
        Done: { Type: 'Succeed' },
      },
    },
    input: {},
    type: 'EXPRESS',
    transitions: 2 * limit + 3,
    usesHandler: false,
    anchorRuns: true,
    check: (output) => isRecord(output) && output['i'] === limit,
  };
}

/**
 * The JSONPath loop written in JSONata (issue 6): a Choice `Condition` and a Pass `Output`
 * expression per iteration. aws-local-stepfunctions cannot run JSONata, so it has no anchor.
 */
export function jsonataLoop(limit: number): Workload {
  return {
    id: 'jsonata-loop',
    title: `JSONata Pass+Choice loop to ${limit.toLocaleString('en')}`,
    definition: {
      QueryLanguage: 'JSONata',
      StartAt: 'Init',
      States: {
        Init: { Type: 'Pass', Output: { i: 0 }, Next: 'Check' },
        Check: {
          Type: 'Choice',
          Choices: [{ Condition: `{% $states.input.i >= ${limit} %}`, Next: 'Done' }],
          Default: 'Increment',
        },
        Increment: { Type: 'Pass', Output: { i: '{% $states.input.i + 1 %}' }, Next: 'Check' },
        Done: { Type: 'Succeed' },
      },
    },
    input: {},
    type: 'EXPRESS',
    transitions: 2 * limit + 3,
    usesHandler: false,
    anchorRuns: false,
    check: (output) => isRecord(output) && output['i'] === limit,
  };
}

export function inlineMap(items: number): Workload {
  return {
    id: 'map-inline',
    title: `Inline Map over ${items.toLocaleString('en')} items`,
    definition: {
      StartAt: 'EachItem',
      States: {
        EachItem: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'INLINE' },
            StartAt: 'Square',
            States: {
              Square: {
                Type: 'Pass',
                Parameters: { 'n.$': '$.n', 'label.$': "States.Format('item {}', $.n)" },
                End: true,
              },
            },
          },
          End: true,
        },
      },
    },
    input: { items: Array.from({ length: items }, (_, n) => ({ n })) },
    type: 'EXPRESS',
    transitions: items + 1,
    usesHandler: false,
    anchorRuns: true,
    check: (output) => {
      if (!Array.isArray(output) || output.length !== items) return false;
      const last: unknown = output[items - 1];
      return isRecord(last) && last['label'] === `item ${items - 1}`;
    },
  };
}

export function parallelBranches(branches: number, depth: number): Workload {
  const Branches = Array.from({ length: branches }, (_, b) => {
    const States: Record<string, unknown> = {};
    for (let i = 0; i < depth; i++) {
      const name = `B${b}P${i}`;
      States[name] =
        i === depth - 1 ? { Type: 'Pass', Result: b, End: true } : { Type: 'Pass', Next: `B${b}P${i + 1}` };
    }
    return { StartAt: `B${b}P0`, States };
  });
  return {
    id: 'parallel',
    title: `Parallel, ${branches} branches × ${depth} Pass`,
    definition: { StartAt: 'Fan', States: { Fan: { Type: 'Parallel', Branches, End: true } } },
    input: { seed: 1 },
    type: 'STANDARD',
    transitions: branches * depth + 1,
    usesHandler: false,
    anchorRuns: true,
    check: (output) =>
      Array.isArray(output) && output.length === branches && output[branches - 1] === branches - 1,
  };
}

export function handlerTasks(count: number): Workload {
  const States: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    const body: Record<string, unknown> = { Type: 'Task', Resource: ECHO_ARN };
    if (i === count - 1) body['End'] = true;
    else body['Next'] = `Task${i + 1}`;
    States[`Task${i}`] = body;
  }
  return {
    id: 'tasks',
    title: `${count.toLocaleString('en')} Tasks, local handler`,
    definition: { StartAt: 'Task0', States },
    input: { order: 42 },
    type: 'STANDARD',
    transitions: count,
    usesHandler: true,
    anchorRuns: true,
    check: (output) => isRecord(output) && output['order'] === 42,
  };
}

export const WORKLOADS: readonly (() => Workload)[] = [
  () => passChain(10_000),
  () => choiceLoop(10_000),
  () => jsonataLoop(10_000),
  () => inlineMap(10_000),
  () => parallelBranches(100, 10),
  () => handlerTasks(1_000),
];
