import { toAwsHistoryEvent, type ExecutionResult, type HistoryEvent, type JsonValue } from '../engine';
import { formatDuration } from './runProgress';

/**
 * `--json`: the one object a script reads; every key present, null when it does not apply.
 * `executionId` is what `--resume` and `--redrive` take.
 */
export function jsonReport(
  executionId: string,
  result: ExecutionResult,
  history: readonly HistoryEvent[] | undefined,
): { [key: string]: JsonValue } {
  const report: { [key: string]: JsonValue } = {
    executionId,
    status: result.status,
    output: result.output ?? null,
    error: result.error ?? null,
    cause: result.cause ?? null,
  };
  if (history !== undefined) report['history'] = history.map(toAwsHistoryEvent);
  return report;
}

/** The end of a text run: the status, then the output or the error and its cause. */
export function textReport(result: ExecutionResult, history: readonly HistoryEvent[]): string[] {
  const first = history[0]?.timestamp ?? 0;
  const last = history[history.length - 1]?.timestamp ?? first;
  const lines = [
    `${result.status} after ${plural(history.length, 'history event')}, ${formatDuration(last - first)} of workflow time.`,
  ];
  if (result.status === 'SUCCEEDED') {
    lines.push('Output:', JSON.stringify(result.output ?? null, null, 2));
    return lines;
  }
  if (result.error !== undefined) lines.push(`Error: ${result.error}`);
  if (result.cause !== undefined) lines.push(`Cause: ${result.cause}`);
  return lines;
}

/** `--history` in text: one line per event, with its time since the start and the state it is about. */
export function historyLines(history: readonly HistoryEvent[]): string[] {
  const first = history[0]?.timestamp ?? 0;
  const idWidth = String(history.length).length;
  const typeWidth = Math.max(0, ...history.map((event) => event.type.length));
  return [
    'History:',
    ...history.map((event) => {
      const name = event.details?.['name'];
      const about = typeof name === 'string' ? `  ${name}` : '';
      const offset = `+${formatDuration(event.timestamp - first)}`;
      return `  ${String(event.id).padStart(idWidth)}  ${offset.padStart(9)}  ${event.type.padEnd(typeWidth)}${about}`.trimEnd();
    }),
  ];
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}
