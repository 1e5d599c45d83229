import type { JsonValue } from '../json';
import { compileChoiceRules } from '../choice/compile';
import { compilePath, compilePayload, DefinitionError } from '../dataflow/refs';
import type { PathRef, PayloadRef } from '../dataflow/refs';
import { exceedsPayloadLimit } from '../interpreter/size';
import { FieldReader, isJsonRecord } from './read';
import type { JsonRecord } from './read';
import type {
  Catcher,
  CompiledMachine,
  CompiledScope,
  CompiledState,
  DynamicField,
  ItemBatcherConfig,
  ItemReaderConfig,
  MapState,
  OptionalPath,
  QueryLanguage,
  ResultWriterConfig,
  Retrier,
  WaitFor,
} from './types';

/**
 * Compiles a definition (the plain JSON value of an ASL document) into the engine's internal
 * form. Throws a DefinitionError naming the state and field when the definition cannot run;
 * the validator reports such problems with ranges before anything gets here.
 */
export function compileDefinition(definition: JsonValue): CompiledMachine {
  if (!isJsonRecord(definition)) throw new DefinitionError('The definition must be a JSON object.');
  const top = new FieldReader(definition, 'The state machine');
  const queryLanguage = readQueryLanguage(top, 'JSONPath');
  const scopes: CompiledScope[] = [];
  const root = compileScope(definition, undefined, queryLanguage, scopes, 'The state machine');
  return { scopes, root, timeoutSeconds: top.number('TimeoutSeconds'), queryLanguage, definition };
}

function compileScope(
  body: JsonRecord,
  ownerName: string | undefined,
  queryLanguage: QueryLanguage,
  scopes: CompiledScope[],
  where: string,
): CompiledScope {
  const reader = new FieldReader(body, where);
  const startAt = reader.requiredString('StartAt');
  const statesBody = reader.record('States');
  if (statesBody === undefined) throw reader.problem('States', 'is required');
  const states = new Map<string, CompiledState>();
  const scope: CompiledScope = { id: scopes.length, startAt, states, ownerName };
  scopes.push(scope);
  for (const [name, stateBody] of Object.entries(statesBody)) {
    if (!isJsonRecord(stateBody)) throw new DefinitionError(`State '${name}' must be an object.`);
    states.set(name, compileState(name, stateBody, queryLanguage, scopes));
  }
  if (!states.has(startAt))
    throw new DefinitionError(`${where}: StartAt names '${startAt}', which is not one of its states.`);
  return scope;
}

function compileState(
  name: string,
  body: JsonRecord,
  inherited: QueryLanguage,
  scopes: CompiledScope[],
): CompiledState {
  const r = new FieldReader(body, `State '${name}'`);
  const type = r.requiredString('Type');
  const queryLanguage = readQueryLanguage(r, inherited);
  const end = r.boolean('End') === true;
  const next = r.string('Next');
  if (next === undefined && !end && type !== 'Choice' && type !== 'Succeed' && type !== 'Fail') {
    throw new DefinitionError(`State '${name}' needs either Next or "End": true.`);
  }
  const base = {
    name,
    queryLanguage,
    next,
    inputPath: optionalPath(r, 'InputPath'),
    outputPath: optionalPath(r, 'OutputPath'),
    assign: r.raw('Assign'),
  };
  switch (type) {
    case 'Pass':
      return {
        ...base,
        type,
        hasResult: r.has('Result'),
        resultTooLarge: r.has('Result') && exceedsPayloadLimit(r.raw('Result') ?? null),
        result: r.raw('Result'),
        parameters: payload(r, 'Parameters'),
        resultPath: optionalPath(r, 'ResultPath'),
      };
    case 'Task':
      return {
        ...base,
        ...resultHandling(r),
        type,
        resource: r.requiredString('Resource'),
        parameters: payload(r, 'Parameters'),
        timeoutSeconds: r.number('TimeoutSeconds'),
        timeoutSecondsPath: path(r, 'TimeoutSecondsPath'),
        heartbeatSeconds: r.number('HeartbeatSeconds'),
        heartbeatSecondsPath: path(r, 'HeartbeatSecondsPath'),
      };
    case 'Choice':
      return {
        ...base,
        type,
        choices: compileChoiceRules(r, queryLanguage),
        defaultNext: r.string('Default'),
      };
    case 'Wait':
      return { ...base, type, wait: waitFor(r) };
    case 'Succeed':
      return { ...base, type, next: undefined };
    case 'Fail':
      return {
        ...base,
        type,
        next: undefined,
        error: r.string('Error'),
        errorPath: dynamicField(r, 'ErrorPath'),
        cause: r.string('Cause'),
        causePath: dynamicField(r, 'CausePath'),
      };
    case 'Parallel': {
      const branches = (r.array('Branches') ?? []).map((branch, i) => {
        if (!isJsonRecord(branch)) throw r.problem('Branches', 'must hold objects');
        return compileScope(branch, name, queryLanguage, scopes, `State '${name}' branch ${i + 1}`);
      });
      if (branches.length === 0) throw r.problem('Branches', 'must hold at least one branch');
      return { ...base, ...resultHandling(r), type, branches, parameters: payload(r, 'Parameters') };
    }
    case 'Map':
      return compileMap(r, base, queryLanguage, scopes);
    default:
      throw new DefinitionError(`State '${name}' has an unknown Type '${type}'.`);
  }
}

type Base = Pick<MapState, 'name' | 'queryLanguage' | 'next' | 'inputPath' | 'outputPath' | 'assign'>;

function compileMap(
  r: FieldReader,
  base: Base,
  queryLanguage: QueryLanguage,
  scopes: CompiledScope[],
): MapState {
  const processorBody = r.record('ItemProcessor') ?? r.record('Iterator');
  if (processorBody === undefined) throw r.problem('ItemProcessor', 'is required');
  const processor = compileScope(
    processorBody,
    base.name,
    queryLanguage,
    scopes,
    `State '${base.name}' ItemProcessor`,
  );
  const config = new FieldReader(processorBody, `State '${base.name}' ItemProcessor`).record(
    'ProcessorConfig',
  );
  const mode = config?.['Mode'] === 'DISTRIBUTED' ? 'DISTRIBUTED' : 'INLINE';
  return {
    ...base,
    ...resultHandling(r),
    type: 'Map',
    processor,
    mode,
    itemsPath: optionalPath(r, 'ItemsPath'),
    itemSelector: payload(r, 'ItemSelector') ?? payload(r, 'Parameters'),
    maxConcurrency: r.number('MaxConcurrency'),
    maxConcurrencyPath: path(r, 'MaxConcurrencyPath'),
    toleratedFailureCount: r.number('ToleratedFailureCount'),
    toleratedFailureCountPath: path(r, 'ToleratedFailureCountPath'),
    toleratedFailurePercentage: r.number('ToleratedFailurePercentage'),
    toleratedFailurePercentagePath: path(r, 'ToleratedFailurePercentagePath'),
    itemReader: itemReader(r),
    itemBatcher: itemBatcher(r),
    resultWriter: resultWriter(r),
    label: r.string('Label'),
  };
}

function resultHandling(r: FieldReader): {
  resultSelector: PayloadRef | undefined;
  resultPath: OptionalPath;
  retry: Retrier[];
  catch: Catcher[];
} {
  return {
    resultSelector: payload(r, 'ResultSelector'),
    resultPath: optionalPath(r, 'ResultPath'),
    retry: (r.array('Retry') ?? []).map((item, i) => retrier(item, `${r.where} Retry #${i + 1}`)),
    catch: (r.array('Catch') ?? []).map((item, i) => catcher(item, `${r.where} Catch #${i + 1}`)),
  };
}

function retrier(item: JsonValue, where: string): Retrier {
  if (!isJsonRecord(item)) throw new DefinitionError(`${where} must be an object.`);
  const r = new FieldReader(item, where);
  return {
    errorEquals: errorEquals(r),
    intervalSeconds: r.number('IntervalSeconds') ?? 1,
    maxAttempts: r.number('MaxAttempts') ?? 3,
    backoffRate: r.number('BackoffRate') ?? 2,
    maxDelaySeconds: r.number('MaxDelaySeconds'),
    jitter: r.string('JitterStrategy') === 'FULL' ? 'FULL' : 'NONE',
  };
}

function catcher(item: JsonValue, where: string): Catcher {
  if (!isJsonRecord(item)) throw new DefinitionError(`${where} must be an object.`);
  const r = new FieldReader(item, where);
  return {
    errorEquals: errorEquals(r),
    next: r.requiredString('Next'),
    resultPath: optionalPath(r, 'ResultPath'),
  };
}

function errorEquals(r: FieldReader): string[] {
  const names = r.array('ErrorEquals');
  if (names === undefined) throw r.problem('ErrorEquals', 'is required');
  return names.map((name) => {
    if (typeof name !== 'string') throw r.problem('ErrorEquals', 'must hold strings');
    return name;
  });
}

function waitFor(r: FieldReader): WaitFor {
  const seconds = r.number('Seconds');
  if (seconds !== undefined) return { kind: 'seconds', seconds };
  const secondsPath = path(r, 'SecondsPath');
  if (secondsPath !== undefined) return { kind: 'secondsPath', path: secondsPath };
  const timestamp = r.string('Timestamp');
  if (timestamp !== undefined) return { kind: 'timestamp', timestamp };
  const timestampPath = path(r, 'TimestampPath');
  if (timestampPath !== undefined) return { kind: 'timestampPath', path: timestampPath };
  throw new DefinitionError(`${r.where} needs one of Seconds, SecondsPath, Timestamp or TimestampPath.`);
}

function itemReader(r: FieldReader): ItemReaderConfig | undefined {
  const body = r.record('ItemReader');
  if (body === undefined) return undefined;
  const reader = new FieldReader(body, `${r.where} ItemReader`);
  return {
    resource: reader.requiredString('Resource'),
    readerConfig: reader.record('ReaderConfig') ?? {},
    parameters: payload(reader, 'Parameters') ?? payload(reader, 'Arguments'),
  };
}

function itemBatcher(r: FieldReader): ItemBatcherConfig | undefined {
  const body = r.record('ItemBatcher');
  if (body === undefined) return undefined;
  const b = new FieldReader(body, `${r.where} ItemBatcher`);
  return {
    maxItemsPerBatch: b.number('MaxItemsPerBatch'),
    maxItemsPerBatchPath: path(b, 'MaxItemsPerBatchPath'),
    maxInputBytesPerBatch: b.number('MaxInputBytesPerBatch'),
    maxInputBytesPerBatchPath: path(b, 'MaxInputBytesPerBatchPath'),
    batchInput: payload(b, 'BatchInput'),
  };
}

function resultWriter(r: FieldReader): ResultWriterConfig | undefined {
  const body = r.record('ResultWriter');
  if (body === undefined) return undefined;
  const w = new FieldReader(body, `${r.where} ResultWriter`);
  return {
    resource: w.string('Resource') ?? '',
    parameters: payload(w, 'Parameters') ?? payload(w, 'Arguments'),
  };
}

function readQueryLanguage(r: FieldReader, inherited: QueryLanguage): QueryLanguage {
  const value = r.string('QueryLanguage');
  if (value === undefined) return inherited;
  if (value !== 'JSONPath' && value !== 'JSONata')
    throw r.problem('QueryLanguage', 'must be "JSONPath" or "JSONata"');
  return value;
}

function optionalPath(r: FieldReader, field: string): OptionalPath {
  const value = r.raw(field);
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value !== 'string') throw r.problem(field, 'must be a path or null');
  return compilePath(value, `${r.where} ${field}`);
}

function path(r: FieldReader, field: string): PathRef | undefined {
  const value = r.string(field);
  return value === undefined ? undefined : compilePath(value, `${r.where} ${field}`);
}

function dynamicField(r: FieldReader, field: string): DynamicField | undefined {
  const source = r.string(field);
  if (source === undefined) return undefined;
  return { source, payload: compilePayload({ [`${field}.$`]: source }) };
}

function payload(r: FieldReader, field: string): PayloadRef | undefined {
  const value = r.raw(field);
  return value === undefined ? undefined : compilePayload(value);
}
