import type { ExecutionResult, HistoryEvent, JsonValue } from '../engine';
import { previewOf } from './jsonPreview';

/**
 * The Debug Console's account of a run: one line per history event, as the Step Functions
 * console lists them (id, type, state), the details expandable under it; then the end.
 */
export function eventLine(event: HistoryEvent, stateName: string | undefined): string {
  const id = String(event.id).padStart(4);
  const where = stateName === undefined ? '' : `  ${stateName}`;
  return `${id}  ${event.type}${where}${summaryOf(event)}`;
}

/** The one detail worth reading without expanding: an error, or a short output. */
function summaryOf(event: HistoryEvent): string {
  const details = event.details;
  if (details === undefined) return '';
  const error = details['error'];
  if (typeof error === 'string') {
    const cause = details['cause'];
    return typeof cause === 'string' ? `  ${error}: ${shorten(cause, 160)}` : `  ${error}`;
  }
  const output = details['output'];
  if (output !== undefined && event.type.endsWith('Succeeded')) return `  → ${previewOf(output, 100)}`;
  return '';
}

export function endLines(result: ExecutionResult): string[] {
  if (result.status === 'SUCCEEDED') {
    return [`Execution SUCCEEDED. Output:`, JSON.stringify(result.output ?? null, null, 2)];
  }
  const error = result.error === undefined ? '' : ` ${result.error}`;
  const cause = result.cause === undefined ? '' : `: ${result.cause}`;
  return [`Execution ${result.status}.${error}${cause}`];
}

/** The details of an event as a JSON value, for the console's expandable entry. */
export function detailsOf(event: HistoryEvent): JsonValue {
  const details: { [key: string]: JsonValue } = {
    id: event.id,
    previousEventId: event.previousEventId,
    timestamp: new Date(event.timestamp).toISOString(),
    type: event.type,
  };
  if (event.details !== undefined) {
    for (const [key, value] of Object.entries(event.details)) if (value !== undefined) details[key] = value;
  }
  return details;
}

function shorten(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
