import { readFile } from 'node:fs/promises';
import type { TaskRunner } from '../engine';
import { composeTaskRunners, mockRunnerFromText, type SelectiveTaskRunner } from '../engine/tasks';
import type { HandlerProcess } from './handlerProcess';
import { withoutBom } from '../node/text';

/** The test case of a MockConfigFile: pure data, answered in the adapter itself. */
export async function mockRunnerFor(
  file: string,
  stateMachine: string,
  testCase: string | undefined,
): Promise<SelectiveTaskRunner | string> {
  if (testCase === undefined || testCase === '') {
    return `"mocks" needs "testCase": the name of the test case of ${file} to use.`;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return `The mocks file ${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`;
  }
  const made = mockRunnerFromText(withoutBom(text), stateMachine, testCase);
  return made.kind === 'invalid' ? `${file}: ${made.problems.join(' ')}` : made.runner;
}

/** Mocks first (the states the test case names), then the handler process for the rest. */
export function composeRunners(
  mocks: SelectiveTaskRunner | undefined,
  handlers: HandlerProcess | undefined,
): TaskRunner {
  if (handlers === undefined) return composeTaskRunners(mocks === undefined ? {} : { mocks });
  return {
    run: (request) =>
      mocks !== undefined && mocks.covers(request) ? mocks.run(request) : handlers.run(request),
  };
}
