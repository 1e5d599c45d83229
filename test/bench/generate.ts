import { stringify } from 'yaml';

/**
 * A realistic workflow of about `count` states for benchmarks: every state type, Retry and
 * Catch on Tasks, Choice rules, Parallel branches and Map processors, chained by Next. The
 * same seedless shape every time, so runs compare.
 */
export function generateWorkflow(count: number): Record<string, unknown> {
  const states: Record<string, unknown> = {};
  let made = 0;
  const name = (i: number) => `Step${i}`;
  for (let i = 0; made < count - 1; i++) {
    const next = name(i + 1);
    switch (i % 8) {
      case 0:
        states[name(i)] = {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: {
            FunctionName: `arn:aws:lambda:us-east-1:123456789012:function:F${i}`,
            'Payload.$': '$',
          },
          ResultSelector: { 'body.$': '$.Payload' },
          ResultPath: `$.results.r${i}`,
          Retry: [{ ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 }],
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Failed' }],
          Next: next,
        };
        break;
      case 1:
        states[name(i)] = {
          Type: 'Choice',
          Choices: [
            { Variable: '$.n', NumericGreaterThan: i, Next: next },
            {
              And: [
                { Variable: '$.s', IsPresent: true },
                { Variable: '$.s', StringMatches: 'a*' },
              ],
              Next: next,
            },
          ],
          Default: next,
        };
        break;
      case 2:
        states[name(i)] = { Type: 'Wait', Seconds: 1, Next: next };
        break;
      case 3:
        states[name(i)] = {
          Type: 'Parallel',
          Branches: [0, 1].map((b) => ({
            StartAt: `Branch${i}_${b}`,
            States: { [`Branch${i}_${b}`]: { Type: 'Pass', Result: { branch: b }, End: true } },
          })),
          ResultPath: `$.parallel${i}`,
          Next: next,
        };
        made += 2;
        break;
      case 4:
        states[name(i)] = {
          Type: 'Map',
          ItemsPath: '$.items',
          MaxConcurrency: 4,
          ItemProcessor: {
            ProcessorConfig: { Mode: 'INLINE' },
            StartAt: `Item${i}`,
            States: { [`Item${i}`]: { Type: 'Pass', Parameters: { 'value.$': '$' }, End: true } },
          },
          ResultPath: `$.map${i}`,
          Next: next,
        };
        made += 1;
        break;
      default:
        states[name(i)] = {
          Type: 'Pass',
          Comment: `Step number ${i}`,
          Parameters: { 'index.$': 'States.MathAdd($.index, 1)', 'at.$': '$$.State.EnteredTime' },
          Next: next,
        };
    }
    made += 1;
    if (made >= count - 1) {
      const last = states[name(i)] as Record<string, unknown>;
      if (last['Type'] === 'Choice') last['Default'] = 'Done';
      else last['Next'] = 'Done';
      (last['Choices'] as { Next: string }[] | undefined)?.forEach((rule) => (rule.Next = 'Done'));
    }
  }
  states['Done'] = { Type: 'Succeed' };
  states['Failed'] = { Type: 'Fail', Error: 'StepFailed', Cause: 'A step failed.' };
  return { Comment: `${count} states for benchmarks`, StartAt: name(0), States: states };
}

export function asJson(workflow: unknown): string {
  return JSON.stringify(workflow, null, 2);
}

export function asYaml(workflow: unknown): string {
  return stringify(workflow, { lineWidth: 0 });
}
