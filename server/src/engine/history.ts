import { isJsonObject } from './json';
import type { JsonValue } from './json';

/**
 * History events as Step Functions' GetExecutionHistory returns them: the same type names and
 * detail field names, so a local run reads like one in the console. Inputs and outputs are kept
 * as values (not the JSON strings AWS sends) so that recording an event costs no serialization;
 * `toAwsHistoryEvent` renders the wire form.
 */
export interface HistoryEvent {
  readonly id: number;
  readonly previousEventId: number;
  /** Epoch milliseconds from the execution's clock. */
  readonly timestamp: number;
  readonly type: string;
  /** The `<type>EventDetails` field name, e.g. `stateEnteredEventDetails`, when the event has details. */
  readonly detailsKey: string | undefined;
  readonly details: EventDetails | undefined;
}

/** Detail fields; `input`/`output`/`parameters` hold values here and JSON strings on the wire. */
export type EventDetails = { readonly [field: string]: JsonValue | undefined };

/** The fields of an event's details that AWS sends as JSON text. */
const JSON_TEXT_FIELDS = new Set(['input', 'output', 'parameters']);

/** `assignedVariables` maps each variable to its value as JSON text. */
const JSON_TEXT_MEMBERS = 'assignedVariables';

/** The event as the AWS API returns it: details under their key, payloads as JSON text. */
export function toAwsHistoryEvent(event: HistoryEvent): { [key: string]: JsonValue } {
  const wire: { [key: string]: JsonValue } = {
    id: event.id,
    previousEventId: event.previousEventId,
    timestamp: new Date(event.timestamp).toISOString(),
    type: event.type,
  };
  if (event.detailsKey !== undefined && event.details !== undefined) {
    const details: { [key: string]: JsonValue } = {};
    for (const [field, value] of Object.entries(event.details)) {
      if (value === undefined) continue;
      details[field] = JSON_TEXT_FIELDS.has(field)
        ? JSON.stringify(value)
        : field === JSON_TEXT_MEMBERS
          ? membersAsText(value)
          : value;
    }
    wire[event.detailsKey] = details;
  }
  return wire;
}

function membersAsText(value: JsonValue): JsonValue {
  if (!isJsonObject(value)) return value;
  const text: { [key: string]: JsonValue } = {};
  for (const [name, member] of Object.entries(value)) text[name] = JSON.stringify(member);
  return text;
}
