import {
  compileDefinition,
  createExecution,
  createVirtualClock,
  DefinitionError,
  toAwsHistoryEvent,
} from '../../server/src/engine';
import type { JsonValue } from '../../server/src/engine';
import type { ConformanceCase } from './cases';
import { recordedRunner } from './mockRunner';

export interface CaseRun {
  readonly status: string;
  readonly output?: JsonValue;
  readonly error?: string;
  readonly cause?: string;
  readonly history: readonly { [key: string]: JsonValue }[];
}

/** Runs one case in process on a virtual clock, its Tasks answered by the recorded mock. */
export async function runCase(c: ConformanceCase): Promise<CaseRun> {
  let machine;
  try {
    machine = compileDefinition(c.definition);
  } catch (thrown) {
    if (thrown instanceof DefinitionError)
      return { status: 'INVALID_DEFINITION', cause: thrown.message, history: [] };
    throw thrown;
  }
  const clock = createVirtualClock(Date.UTC(2025, 0, 1));
  const execution = createExecution(
    machine,
    c.input,
    {
      workflowType: c.stateMachineType,
      stateMachineName: 'ConformanceMachine',
      name: 'conformance-execution',
      roleArn: 'snf_role_arn',
    },
    { clock, ...(c.mock === undefined ? {} : { taskRunner: recordedRunner(c.mock, clock) }) },
  );
  const result = await execution.run();
  return { ...result, history: execution.history.map(toAwsHistoryEvent) };
}
