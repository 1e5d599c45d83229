import { mockRunnerFromText, type SelectiveTaskRunner } from '../engine/tasks';
import { readTextFile } from '../node/text';

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
    text = await readTextFile(file);
  } catch (error) {
    return `The mocks file ${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`;
  }
  const made = mockRunnerFromText(text, stateMachine, testCase);
  return made.kind === 'invalid' ? `${file}: ${made.problems.join(' ')}` : made.runner;
}
