import {
  closeSync,
  existsSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { ExecutionResult, ExecutionState, ExecutionStatus, HistoryEvent, JsonValue } from '../engine';
import { CheckpointEncoder, decodeCheckpoint } from './compaction';
import { isEventLine, isRewindLine, isStoreHeader, STORE_FORMAT } from './format';
import type { Checkpoint, EventLine, RewindLine, StoreHeader } from './format';

/**
 * Executions on disk, one append-only JSON-lines file each, every line fsync'd before the
 * engine takes its next step: a run killed at any moment (the adapter, VS Code, the machine)
 * leaves a file whose last complete line is a state to resume from. A torn last line (the
 * write the kill interrupted) is ignored on reading and cut off before appending again.
 */

/** Where executions live in a workspace: `<root>/.stepwise/executions`. */
export function defaultStoreDirectory(root: string): string {
  return executionsDirectoryIn(join(root, '.stepwise'));
}

/** The executions folder inside a Stepwise folder (`.stepwise`, or the CLI's `--store DIR`). */
export function executionsDirectoryIn(folder: string): string {
  return join(folder, 'executions');
}

const GITIGNORE = '# Written by Stepwise: stored executions are local run data, not sources.\n*\n';
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

export class StoreError extends Error {
  override readonly name = 'StoreError';
}

/** One stored execution as read back. */
export interface StoredExecution {
  readonly header: StoreHeader;
  readonly file: string;
  /** The history, event ids 1..n, as far as it was written. */
  readonly events: readonly HistoryEvent[];
  /** The last state written, after event `eventId`. */
  readonly latest: { readonly eventId: number; readonly state: Checkpoint } | undefined;
  /** The state after each event that carries one, by event id (read on demand for redrive). */
  checkpointAt(eventId: number): Checkpoint | undefined;
  /** Bytes up to the end of the last complete, valid line: where appending goes on. */
  readonly completeBytes: number;
}

/** What the caller knows about a run that the engine state does not hold. */
export interface NewRun {
  /** The workflow file, absolute. */
  readonly program: string;
  /** The definition being run (a resume runs it, whatever the file holds by then). */
  readonly definition: StoreHeader['definition'];
  readonly launch: StoreHeader['launch'];
}

/** What a list of executions shows. */
export interface ExecutionSummary {
  readonly id: string;
  readonly file: string;
  readonly program: string;
  readonly stateMachineName: string;
  readonly status: ExecutionStatus;
  readonly result: ExecutionResult | undefined;
  readonly startTime: number;
  /** The time of the last event recorded. */
  readonly updatedTime: number;
  readonly eventCount: number;
}

/** Appends the events an execution records, with its state, durably. */
export interface ExecutionRecorder {
  readonly id: string;
  readonly file: string;
  /**
   * Writes every event of `state.history` not written yet; returns how many were written.
   * With `fsync: false` the lines reach the operating system (which keeps them when the process
   * is killed) but are not flushed to the disk until the next capture that fsyncs.
   */
  capture(state: ExecutionState, options?: { readonly fsync?: boolean }): number;
  /** The run went back to the end of `state.history` (the debugger stepped back): later events are void. */
  rewound(state: ExecutionState): void;
  close(): void;
}

export interface ExecutionStore {
  readonly directory: string;
  /**
   * A new execution file for the run `state` describes (named after `state.info.name`, which
   * must be new), its events so far written at once.
   */
  create(run: NewRun, state: ExecutionState): ExecutionRecorder;
  /**
   * Appends to an execution loaded from this store (to resume or redrive it), after its last
   * complete line: the file is not read again.
   */
  append(stored: StoredExecution): ExecutionRecorder;
  load(id: string): StoredExecution;
  /** Newest first; files that cannot be read are left out. */
  list(): ExecutionSummary[];
}

export function openExecutionStore(directory: string): ExecutionStore {
  const fileOf = (id: string): string => {
    if (!ID.test(id)) throw new StoreError(`'${id}' is not an execution id.`);
    return join(directory, `${id}.jsonl`);
  };
  return {
    directory,
    create(run, state) {
      ensureDirectory(directory);
      const id = state.info.name;
      const file = fileOf(id);
      if (existsSync(file)) throw new StoreError(`An execution named '${id}' is already stored.`);
      const header: StoreHeader = {
        kind: 'header',
        format: STORE_FORMAT,
        id,
        createdAt: Date.now(),
        ...run,
        info: state.info,
        stateFormat: state.format,
        workflowType: state.workflowType,
      };
      const fd = openSync(file, 'a');
      writeDurably(fd, `${JSON.stringify(header)}\n`);
      const recorder = createRecorder(id, file, fd, 0);
      recorder.capture(state);
      return recorder;
    },
    append(stored) {
      const id = stored.header.id;
      const file = fileOf(id);
      const fd = openSync(file, 'r+');
      // Cut a torn last line off, so that the next line starts on a line of its own.
      ftruncateSync(fd, stored.completeBytes);
      closeSync(fd);
      return createRecorder(id, file, openSync(file, 'a'), stored.events.length);
    },
    load(id) {
      return readExecution(fileOf(id));
    },
    list() {
      if (!existsSync(directory)) return [];
      const summaries: ExecutionSummary[] = [];
      for (const name of readdirSync(directory)) {
        if (!name.endsWith('.jsonl')) continue;
        try {
          summaries.push(summaryOf(readExecution(join(directory, name))));
        } catch {
          // Not one of ours, or damaged beyond its last line: not listed.
        }
      }
      return summaries.sort((a, b) => b.startTime - a.startTime || a.id.localeCompare(b.id));
    },
  };
}

function ensureDirectory(directory: string): void {
  mkdirSync(directory, { recursive: true });
  const ignore = join(directory, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, GITIGNORE);
}

function writeDurably(fd: number, text: string): void {
  writeSync(fd, text);
  fsyncSync(fd);
}

function createRecorder(id: string, file: string, fd: number, written: number): ExecutionRecorder {
  let last = written;
  let open = true;
  const encoder = new CheckpointEncoder();
  return {
    id,
    file,
    capture(state, options) {
      if (!open) throw new StoreError(`The recording of '${id}' is closed.`);
      const history = state.history;
      if (history.length <= last) return 0;
      const lines: string[] = [];
      for (let i = last; i < history.length; i++) {
        const event = history[i];
        if (event === undefined) continue;
        const line: EventLine =
          i === history.length - 1
            ? { kind: 'event', event, ...encoder.encode(state, event.id) }
            : { kind: 'event', event };
        lines.push(JSON.stringify(line));
      }
      const text = `${lines.join('\n')}\n`;
      if (options?.fsync === false) writeSync(fd, text);
      else writeDurably(fd, text);
      const count = history.length - last;
      last = history.length;
      return count;
    },
    rewound(state) {
      if (!open) throw new StoreError(`The recording of '${id}' is closed.`);
      encoder.reset();
      const eventId = state.history.length;
      const line: RewindLine = { kind: 'rewind', eventId, ...encoder.encode(state, eventId) };
      writeDurably(fd, `${JSON.stringify(line)}\n`);
      last = state.history.length;
    },
    close() {
      if (!open) return;
      open = false;
      closeSync(fd);
    },
  };
}

function readExecution(file: string): StoredExecution {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    throw new StoreError(
      code === 'ENOENT' ? `No execution is stored in ${file}.` : `Cannot read ${file}: ${String(error)}`,
    );
  }
  const events: HistoryEvent[] = [];
  /** The raw (encoded) state each line holds, by event id; the last line for an id wins. */
  const states = new Map<number, unknown>();
  const defs = new Map<string, JsonValue>();
  let header: StoreHeader | undefined;
  let completeBytes = 0;
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    if (end < 0) break; // a torn last line: the write a kill interrupted
    const line = text.slice(start, end);
    const parsed = parseLine(line);
    if (header === undefined) {
      if (!isStoreHeader(parsed)) throw new StoreError(`${file} is not a Stepwise execution file.`);
      header = parsed;
    } else if (isRewindLine(parsed)) {
      if (parsed.eventId > events.length) break;
      events.length = parsed.eventId;
      for (const id of [...states.keys()]) if (id > parsed.eventId) states.delete(id);
      states.set(parsed.eventId, parsed.state);
      addDefs(defs, parsed.defs);
    } else {
      if (!isEventLine(parsed) || parsed.event.id !== events.length + 1) break;
      events.push(parsed.event);
      if (parsed.state !== undefined) states.set(parsed.event.id, parsed.state);
      addDefs(defs, parsed.defs);
    }
    completeBytes += Buffer.byteLength(line, 'utf8') + 1;
    start = end + 1;
  }
  if (header === undefined) throw new StoreError(`${file} is not a Stepwise execution file.`);
  const lastStateId = Math.max(0, ...states.keys());
  const rawAt = (eventId: number): unknown => states.get(eventId);
  const checkpointAt = (eventId: number): Checkpoint | undefined => {
    const raw = rawAt(eventId);
    return raw === undefined ? undefined : decodeCheckpoint(raw, rawAt, defs);
  };
  const latestState = lastStateId === 0 ? undefined : checkpointAt(lastStateId);
  return {
    header,
    file,
    events,
    latest: latestState === undefined ? undefined : { eventId: lastStateId, state: latestState },
    checkpointAt,
    completeBytes,
  };
}

function addDefs(
  defs: Map<string, JsonValue>,
  written: { readonly [id: string]: JsonValue } | undefined,
): void {
  if (written === undefined) return;
  for (const [id, value] of Object.entries(written)) defs.set(id, value);
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

function summaryOf(stored: StoredExecution): ExecutionSummary {
  const events = stored.events;
  const last = events[events.length - 1];
  return {
    id: stored.header.id,
    file: stored.file,
    program: stored.header.program,
    stateMachineName: stored.header.launch.stateMachineName,
    status: stored.latest?.state.status ?? 'RUNNING',
    result: stored.latest?.state.result,
    startTime: stored.header.info.startTime,
    updatedTime: last?.timestamp ?? stored.header.createdAt,
    eventCount: events.length,
  };
}
