/**
 * The lines of a stored execution file (`<id>.jsonl`): one header, then one line per history
 * event. An event line carries the engine state right after that event (everything but the
 * history, which is the sequence of event lines itself), so any line is a point to resume from.
 */
import type { ExecutionInfo, ExecutionState, HistoryEvent, JsonValue, WorkflowType } from '../engine';
// The constant from its own module, not the engine's index: the executions view reads stores in
// the extension host, whose bundle must not pull in the interpreter (and jsonata) with it.
import { EXECUTION_STATE_FORMAT } from '../engine/state';
import { isRecord } from '../guards';

export const STORE_FORMAT = 'stepwise.store/1';

/** How the execution was started: what a resume needs to rebuild the same run. */
export interface StoredLaunch {
  readonly stateMachineName: string;
  readonly workflowType: WorkflowType;
  readonly clock: 'virtual' | 'real';
  /** Absolute paths of the Task answers, when the run had them. */
  readonly mocks?: string;
  readonly testCase?: string;
  readonly handlers?: string;
}

export interface StoreHeader {
  readonly kind: 'header';
  readonly format: typeof STORE_FORMAT;
  /** The execution's name (`info.name`): also the file name. */
  readonly id: string;
  /** Epoch ms when the file was created. */
  readonly createdAt: number;
  /** The workflow file, absolute. */
  readonly program: string;
  /** The definition as it was run: a resume runs this, not the file as it is now. */
  readonly definition: JsonValue;
  readonly launch: StoredLaunch;
  /** The engine's own description of the run (ARNs, input, start time, deadline). */
  readonly info: ExecutionInfo;
  /** The engine state format the checkpoints are written in. */
  readonly stateFormat: ExecutionState['format'];
  readonly workflowType: WorkflowType;
}

/** The engine state after an event, without what the header or the event lines already hold. */
export type Checkpoint = Pick<ExecutionState, 'status' | 'frames' | 'invocations' | 'variables' | 'result'>;

export interface EventLine {
  readonly kind: 'event';
  readonly event: HistoryEvent;
  /**
   * Absent when several events were written at once: only the last of them carries the state.
   * Written with references to earlier lines (see compaction.ts): read it through the store.
   */
  readonly state?: unknown;
  /** The payloads this line writes first (see compaction.ts). */
  readonly defs?: { readonly [id: string]: JsonValue };
}

/**
 * The run was taken back (the debugger stepped back or restarted a state): the events after
 * `eventId` no longer belong to the history, and `state` is the state after `eventId`.
 */
export interface RewindLine {
  readonly kind: 'rewind';
  readonly eventId: number;
  /** Encoded like an event line's state (see compaction.ts). */
  readonly state: unknown;
  readonly defs?: { readonly [id: string]: JsonValue };
}

export function isRewindLine(value: unknown): value is RewindLine {
  return (
    isRecord(value) &&
    value['kind'] === 'rewind' &&
    typeof value['eventId'] === 'number' &&
    isRecord(value['state']) &&
    (value['defs'] === undefined || isRecord(value['defs']))
  );
}

export function checkpointOf(state: ExecutionState): Checkpoint {
  return {
    status: state.status,
    frames: state.frames,
    invocations: state.invocations,
    variables: state.variables,
    result: state.result,
  };
}

const STATUSES: ReadonlySet<string> = new Set(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED']);
const CLOCKS: ReadonlySet<string> = new Set(['virtual', 'real']);

export function isStoreHeader(value: unknown): value is StoreHeader {
  if (!isRecord(value) || value['kind'] !== 'header' || value['format'] !== STORE_FORMAT) return false;
  const launch = value['launch'];
  return (
    typeof value['id'] === 'string' &&
    typeof value['createdAt'] === 'number' &&
    typeof value['program'] === 'string' &&
    'definition' in value &&
    isInfo(value['info']) &&
    value['stateFormat'] === EXECUTION_STATE_FORMAT &&
    (value['workflowType'] === 'STANDARD' || value['workflowType'] === 'EXPRESS') &&
    isRecord(launch) &&
    typeof launch['stateMachineName'] === 'string' &&
    (launch['workflowType'] === 'STANDARD' || launch['workflowType'] === 'EXPRESS') &&
    typeof launch['clock'] === 'string' &&
    CLOCKS.has(launch['clock']) &&
    optionalString(launch['mocks']) &&
    optionalString(launch['testCase']) &&
    optionalString(launch['handlers'])
  );
}

function isInfo(value: unknown): value is ExecutionInfo {
  return (
    isRecord(value) &&
    typeof value['executionArn'] === 'string' &&
    typeof value['name'] === 'string' &&
    typeof value['stateMachineArn'] === 'string' &&
    typeof value['stateMachineName'] === 'string' &&
    typeof value['roleArn'] === 'string' &&
    typeof value['startTime'] === 'number' &&
    'input' in value &&
    (value['deadline'] === undefined || typeof value['deadline'] === 'number')
  );
}

export function isHistoryEvent(value: unknown): value is HistoryEvent {
  return (
    isRecord(value) &&
    typeof value['id'] === 'number' &&
    typeof value['previousEventId'] === 'number' &&
    typeof value['timestamp'] === 'number' &&
    typeof value['type'] === 'string' &&
    optionalString(value['detailsKey']) &&
    (value['details'] === undefined || isRecord(value['details']))
  );
}

/**
 * The outer shape of a checkpoint. The frames' inner fields are the engine's to judge:
 * resumeExecution reports a frame naming a state or scope the definition does not have.
 */
export function isCheckpoint(value: unknown): value is Checkpoint {
  if (!isRecord(value)) return false;
  const variables = value['variables'];
  return (
    typeof value['status'] === 'string' &&
    STATUSES.has(value['status']) &&
    Array.isArray(value['frames']) &&
    value['frames'].every(isFrameShape) &&
    isRecord(value['invocations']) &&
    isRecord(variables) &&
    isRecord(variables['values']) &&
    Array.isArray(variables['own']) &&
    (value['result'] === undefined || isRecord(value['result']))
  );
}

function isFrameShape(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value['kind'] === 'string' &&
    typeof value['scope'] === 'number' &&
    typeof value['index'] === 'number' &&
    typeof value['state'] === 'string' &&
    typeof value['phase'] === 'string' &&
    typeof value['cursor'] === 'number'
  );
}

export function isEventLine(value: unknown): value is EventLine {
  return (
    isRecord(value) &&
    value['kind'] === 'event' &&
    isHistoryEvent(value['event']) &&
    (value['state'] === undefined || isRecord(value['state'])) &&
    (value['defs'] === undefined || isRecord(value['defs']))
  );
}

function optionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}
