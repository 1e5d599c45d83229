import { utf8Size } from '../../asl/jsonSize';
import type {
  MapState,
  ResultOutputType,
  ResultTransformation,
  ResultWriterConfig,
} from '../definition/types';
import { applyPayload } from '../dataflow/io';
import { fail } from '../errors';
import type { FileLocation, FileStore } from '../files';
import type { HistoryEvent } from '../history';
import { andThen } from '../jsonata/drive';
import type { MaybePromise } from '../jsonata/drive';
import { evaluateTemplate } from '../jsonata/template';
import { isJsonObject } from '../json';
import type { JsonObject, JsonValue } from '../json';
import type { Frame } from '../state';
import { emit } from './emit';
import { environmentOf, jsonataScopeOf } from './env';
import { errorOutput } from './errorHandling';
import type { Runtime } from './runtime';
import { currentState } from './runtime';
import { failFrame, failureFrom } from './stateEvents';

/**
 * The distributed Map's ResultWriter. Each iteration is a child execution with a record: its
 * name, input and start while it runs (in the Map frame's `output`, unused until the Map's
 * result is known: children run one at a time), then its status, output or error and stop, in
 * its slot of the fan's results instead of its bare output. Plain data, each slot written once,
 * so a saved execution resumes with them. When the map run ends, one step shapes the records
 * (WriterConfig) and, with a Resource, writes them through the FileStore port as AWS lays them
 * out in S3: `<Prefix>/<map run id>/SUCCEEDED_0.json`, `FAILED_0.json` (only those with
 * entries) and `manifest.json`. The Map's result is then `{MapRunArn, ResultWriterDetails}`,
 * or the shaped records themselves with a WriterConfig alone. Writing again after a resume
 * rewrites the same files with the same content.
 */

export function writesResults(state: MapState): boolean {
  return state.mode === 'DISTRIBUTED' && state.resultWriter !== undefined;
}

/** The record of a child execution that starts with `input`: named from the id port. */
export function childRunStarted(rt: Runtime, input: JsonValue): JsonObject {
  return { Name: rt.ids.uuid(), Input: input, StartDate: rt.clock.now() };
}

/** The record of the Map's child that is running, when the Map writes its results. */
export function runInFlight(rt: Runtime, mapFrame: Frame): JsonValue | undefined {
  const state = currentState(rt, mapFrame);
  return state.type === 'Map' && writesResults(state) ? (mapFrame.output ?? null) : undefined;
}

/**
 * The record `started`, completed now that its child frame has ended: a new object, as
 * payloads in the execution state are replaced, never changed in place.
 */
export function childRunEnded(rt: Runtime, started: JsonValue, child: Frame): JsonObject {
  const run: JsonObject = isJsonObject(started) ? { ...started } : {};
  run['StopDate'] = rt.clock.now();
  const failure = child.failure;
  if (failure === undefined) {
    run['Status'] = 'SUCCEEDED';
    run['Output'] = child.output ?? null;
  } else {
    run['Status'] = 'FAILED';
    Object.assign(run, errorOutput(failure));
  }
  return run;
}

/**
 * The map run ended with every child settled: shape and write the results, then record
 * MapRunSucceeded, or MapRunFailed and fail the state (States.ResultWriterFailed, which Retry
 * and Catch see like any failure of the Map). The result waits in `frame.output` for fanEnd.
 */
export function endMapRun(rt: Runtime, frame: Frame, state: MapState): HistoryEvent | Promise<HistoryEvent> {
  const succeeded = (result: JsonValue): HistoryEvent => {
    frame.output = result;
    return mapRunSucceeded(rt, frame);
  };
  const failed = (thrown: unknown): HistoryEvent => {
    const failure = failureFrom(thrown, frame);
    const event = emit(rt, frame, 'MapRunFailed', 'mapRunFailedEventDetails', {
      cause: failure.cause,
      error: failure.error,
    });
    failFrame(frame, thrown, 'fail', event.id);
    return event;
  };
  const writer = state.resultWriter;
  if (writer === undefined) throw new Error(`State '${state.name}' has no ResultWriter.`);
  try {
    const result = writeResults(rt, frame, state, writer);
    return result instanceof Promise ? result.then(succeeded, failed) : succeeded(result);
  } catch (thrown) {
    return failed(thrown);
  }
}

/** Records MapRunSucceeded, the event the Map's own Succeeded event will follow. */
export function mapRunSucceeded(rt: Runtime, frame: Frame): HistoryEvent {
  const event = emit(rt, frame, 'MapRunSucceeded');
  if (frame.fan !== undefined) frame.fan.settled = event.id;
  return event;
}

/** At fanEnd: the result endMapRun left for a Map that writes its results; undefined otherwise. */
export function writtenResult(frame: Frame, state: MapState): JsonValue | undefined {
  return writesResults(state) && frame.failure === undefined ? frame.output : undefined;
}

function writeResults(
  rt: Runtime,
  frame: Frame,
  state: MapState,
  writer: ResultWriterConfig,
): MaybePromise<JsonValue> {
  const mapRunArn = mapRunArnOf(rt, frame);
  const runs = (frame.fan?.results ?? []).map(readChildRun);
  const shape = shaper(writer.transformation, mapRunArn);
  if (writer.resource === undefined) return runs.flatMap(shape);
  const files = rt.files;
  if (files === undefined) {
    return fail(
      'States.ResultWriterFailed',
      `State '${state.name}' writes its results to files, but this run has no file access.`,
    );
  }
  return andThen(destinationOf(rt, frame, writer), (destination) => {
    const folder = joinKey(destination.prefix, mapRunArn.slice(mapRunArn.lastIndexOf(':') + 1));
    const exported = exportRuns(files, destination.bucket, folder, runs, shape, writer.outputType);
    return andThen(exported, (resultFiles) => {
      const manifest: FileLocation = { bucket: destination.bucket, key: `${folder}/manifest.json` };
      const content = JSON.stringify({
        DestinationBucket: destination.bucket,
        MapRunArn: mapRunArn,
        ResultFiles: resultFiles,
      });
      return andThen(put(files, manifest, content), () => ({
        MapRunArn: mapRunArn,
        ResultWriterDetails: { Bucket: destination.bucket, Key: manifest.key },
      }));
    });
  });
}

/** The ARN the frame's last MapRunStarted event gave the run; the run's id is its last segment. */
function mapRunArnOf(rt: Runtime, frame: Frame): string {
  const history = rt.state.history;
  for (let i = Math.min(frame.cursor, history.length) - 1; i >= 0; i--) {
    const event = history[i];
    const arn = event?.type === 'MapRunStarted' ? event.details?.['mapRunArn'] : undefined;
    if (typeof arn === 'string') return arn;
  }
  throw new Error(`State '${frame.state}' ended a map run that it never started.`);
}

interface Destination {
  readonly bucket: string;
  readonly prefix: string;
}

/** Bucket and Prefix from Parameters (JSONPath, on the Map's effective input) or Arguments (JSONata). */
function destinationOf(rt: Runtime, frame: Frame, writer: ResultWriterConfig): MaybePromise<Destination> {
  let given: MaybePromise<JsonValue> = {};
  if (writer.arguments !== undefined) {
    given = evaluateTemplate(writer.arguments, jsonataScopeOf(rt, frame, { input: frame.input }));
  } else if (writer.parameters !== undefined) {
    given = applyPayload(writer.parameters, frame.effectiveInput ?? null, environmentOf(rt, frame));
  }
  return andThen(given, (value) => ({
    bucket: textField(value, 'Bucket'),
    prefix: textField(value, 'Prefix'),
  }));
}

/** A string field of the ResultWriter's parameters; absent reads as "" (a local path for Bucket). */
function textField(parameters: JsonValue, name: string): string {
  const value = isJsonObject(parameters) ? parameters[name] : undefined;
  if (value === undefined || typeof value === 'string') return value ?? '';
  return fail(
    'States.ResultWriterFailed',
    `The ResultWriter's ${name} must be a string, not ${JSON.stringify(value)}.`,
  );
}

function joinKey(prefix: string, name: string): string {
  if (prefix === '') return name;
  return prefix.endsWith('/') ? `${prefix}${name}` : `${prefix}/${name}`;
}

type ResultFiles = { [status in 'FAILED' | 'PENDING' | 'SUCCEEDED']: JsonObject[] };

/** One file per status that has children (every child runs here, so PENDING stays empty). */
function exportRuns(
  files: FileStore,
  bucket: string,
  folder: string,
  runs: readonly ChildRun[],
  shape: (run: ChildRun) => JsonValue[],
  outputType: ResultOutputType,
): MaybePromise<ResultFiles> {
  const resultFiles: ResultFiles = { FAILED: [], PENDING: [], SUCCEEDED: [] };
  let written: MaybePromise<void> = undefined;
  for (const status of ['SUCCEEDED', 'FAILED'] as const) {
    const group = runs.filter((run) => run.status === status);
    if (group.length === 0) continue;
    const location: FileLocation = { bucket, key: `${folder}/${status}_0.json` };
    const content = render(group.flatMap(shape), outputType);
    resultFiles[status].push({ Key: location.key, Size: utf8Size(content) });
    written = andThen(written, () => put(files, location, content));
  }
  return andThen(written, () => resultFiles);
}

function render(entries: readonly JsonValue[], outputType: ResultOutputType): string {
  if (outputType === 'JSON') return JSON.stringify(entries);
  return entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
}

/** Writes through the port; whatever goes wrong there is States.ResultWriterFailed. */
function put(files: FileStore, location: FileLocation, content: string): MaybePromise<void> {
  const failed = (thrown: unknown): never =>
    fail(
      'States.ResultWriterFailed',
      `The results could not be written to '${shownLocation(location)}': ${messageOf(thrown)}`,
    );
  try {
    const done = files.write(location, content);
    return done instanceof Promise ? done.then(undefined, failed) : done;
  } catch (thrown) {
    return failed(thrown);
  }
}

function shownLocation(location: FileLocation): string {
  return location.bucket === '' ? location.key : `${location.bucket}/${location.key}`;
}

function messageOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}

/** A child record as kept in the fan's results (see childRunStarted and childRunEnded). */
interface ChildRun {
  readonly name: string;
  readonly input: JsonValue;
  readonly start: number;
  readonly stop: number;
  readonly status: 'SUCCEEDED' | 'FAILED';
  readonly output: JsonValue;
  readonly error: string | undefined;
  readonly cause: string | undefined;
}

function readChildRun(value: JsonValue): ChildRun {
  const run = isJsonObject(value) ? value : {};
  const text = (field: string): string | undefined => {
    const found = run[field];
    return typeof found === 'string' ? found : undefined;
  };
  const time = (field: string): number => {
    const found = run[field];
    return typeof found === 'number' ? found : 0;
  };
  return {
    name: text('Name') ?? '',
    input: run['Input'] ?? null,
    start: time('StartDate'),
    stop: time('StopDate'),
    status: run['Status'] === 'FAILED' ? 'FAILED' : 'SUCCEEDED',
    output: run['Output'] ?? null,
    error: text('Error'),
    cause: text('Cause'),
  };
}

/**
 * What one child contributes under the WriterConfig's Transformation: NONE its execution
 * record, COMPACT its output, FLATTEN its output with an array spread. A failed child always
 * contributes its record, as AWS documents.
 */
function shaper(transformation: ResultTransformation, mapRunArn: string): (run: ChildRun) => JsonValue[] {
  // mapRun:<machine>/<map>:<run id> → stateMachine:<machine>/<map> and execution:<machine>/<map>:<name>
  const base = mapRunArn.slice(0, mapRunArn.lastIndexOf(':'));
  const stateMachineArn = base.replace(':mapRun:', ':stateMachine:');
  const executionBase = base.replace(':mapRun:', ':execution:');
  return (run) => {
    if (run.status === 'FAILED' || transformation === 'NONE')
      return [executionRecord(run, stateMachineArn, `${executionBase}:${run.name}`)];
    if (transformation === 'FLATTEN' && Array.isArray(run.output)) return run.output;
    return [run.output];
  };
}

/** The child execution as DescribeExecution shows it, fields in AWS's (alphabetical) order. */
function executionRecord(run: ChildRun, stateMachineArn: string, executionArn: string): JsonObject {
  const record: JsonObject = {};
  const succeeded = run.status === 'SUCCEEDED';
  if (run.cause !== undefined) record['Cause'] = run.cause;
  if (run.error !== undefined) record['Error'] = run.error;
  record['ExecutionArn'] = executionArn;
  record['Input'] = JSON.stringify(run.input);
  record['InputDetails'] = { Included: true };
  record['Name'] = run.name;
  if (succeeded) {
    record['Output'] = JSON.stringify(run.output);
    record['OutputDetails'] = { Included: true };
  }
  record['RedriveCount'] = 0;
  if (succeeded) {
    record['RedriveStatus'] = 'NOT_REDRIVABLE';
    record['RedriveStatusReason'] = 'Execution is SUCCEEDED and cannot be redriven';
  }
  record['StartDate'] = new Date(run.start).toISOString();
  record['StateMachineArn'] = stateMachineArn;
  record['Status'] = run.status;
  record['StopDate'] = new Date(run.stop).toISOString();
  return record;
}
