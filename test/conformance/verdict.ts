import type { ConformanceCase } from './cases';
import { diffValues, parsedIfJson } from './compare';
import { diffHistory } from './history';
import type { CaseRun } from './runCase';

/**
 * Everything that differs between a run and AWS's recording: status, then output (SUCCEEDED)
 * or error and cause (otherwise), then the history where one was recorded.
 */
export function differences(c: ConformanceCase, run: CaseRun): string[] {
  const diffs: string[] = [];
  const ignored = c.nondeterministic.map((pointer) => pointer.replace(/^\/expected/, ''));
  const expected = c.expected;
  if (run.status !== expected['status']) {
    const detail = run.error === undefined ? '' : ` (${run.error}: ${(run.cause ?? '').slice(0, 200)})`;
    return [`status: expected ${JSON.stringify(expected['status'])} got ${run.status}${detail}`];
  }
  if (run.status === 'SUCCEEDED') diffValues(expected['output'], run.output, '/output', ignored, diffs);
  else {
    if (Object.hasOwn(expected, 'error') && !ignored.includes('/error') && expected['error'] !== run.error) {
      diffs.push(`error: expected ${JSON.stringify(expected['error'])} got ${JSON.stringify(run.error)}`);
    }
    if (Object.hasOwn(expected, 'cause') && !ignored.includes('/cause')) {
      diffValues(parsedIfJson(expected['cause']), parsedIfJson(run.cause), '/cause', ignored, diffs);
    }
  }
  if (diffs.length === 0 && c.history !== undefined) {
    diffs.push(...diffHistory(c.history, run.history).map((problem) => `history: ${problem}`));
  }
  return diffs;
}
