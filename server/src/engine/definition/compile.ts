import type { JsonValue } from '../json';
import { compileChoiceRules } from '../choice/compile';
import { compileExpression, compilePath, compilePayload, DefinitionError } from '../dataflow/refs';
import type { PathRef, PayloadRef } from '../dataflow/refs';
import { exceedsPayloadLimit } from '../interpreter/size';
import { taskResourceInfo } from '../interpreter/taskEvents';
import { createExpressionCompiler, DEFAULT_JSONATA_LIMITS } from '../jsonata/expression';
import type { ExpressionCompiler, JsonataLimits } from '../jsonata/expression';
import { compileTemplate } from '../jsonata/template';
import type { JsonataTemplate } from '../jsonata/template';
import { isJsonObject } from '../json';
import { FieldReader } from './read';
import type { JsonRecord } from './read';
import type {
  AssignBlock,
  Catcher,
  CompiledMachine,
  CompiledScope,
  CompiledState,
  DynamicField,
  ItemBatcherConfig,
  ItemReaderConfig,
  MapMode,
  MapState,
  OptionalPath,
  QueryLanguage,
  ResultOutputType,
  ResultTransformation,
  ResultWriterConfig,
  Retrier,
  WaitFor,
} from './types';

export interface CompileOptions {
  /** The step and time budget of each JSONata expression (defaults: DEFAULT_JSONATA_LIMITS). */
  readonly jsonataLimits?: JsonataLimits;
}

/** What compiling one definition accumulates: its scopes, and its expressions parsed once each. */
interface Compilation {
  readonly scopes: CompiledScope[];
  readonly expressions: ExpressionCompiler;
}

/**
 * Compiles a definition (the plain JSON value of an ASL document) into the engine's internal
 * form. Throws a DefinitionError naming the state and field when the definition cannot run;
 * the validator reports such problems with ranges before anything gets here. JSONata
 * expressions are parsed here, once per distinct text, and shared by every execution.
 */
export function compileDefinition(definition: JsonValue, options: CompileOptions = {}): CompiledMachine {
  if (!isJsonObject(definition)) throw new DefinitionError('The definition must be a JSON object.');
  const top = new FieldReader(definition, 'The state machine');
  const queryLanguage = readQueryLanguage(top, 'JSONPath');
  const compilation: Compilation = {
    scopes: [],
    expressions: createExpressionCompiler(options.jsonataLimits ?? DEFAULT_JSONATA_LIMITS),
  };
  const root = compileScope(definition, undefined, queryLanguage, compilation, 'The state machine');
  return {
    scopes: compilation.scopes,
    root,
    timeoutSeconds: top.number('TimeoutSeconds'),
    queryLanguage,
    definition,
  };
}

function compileScope(
  body: JsonRecord,
  ownerName: string | undefined,
  queryLanguage: QueryLanguage,
  compilation: Compilation,
  where: string,
): CompiledScope {
  const scopes = compilation.scopes;
  const reader = new FieldReader(body, where);
  const startAt = reader.requiredString('StartAt');
  const statesBody = reader.record('States');
  if (statesBody === undefined) throw reader.problem('States', 'is required');
  const states = new Map<string, CompiledState>();
  const scope: CompiledScope = { id: scopes.length, startAt, states, ownerName };
  scopes.push(scope);
  for (const [name, stateBody] of Object.entries(statesBody)) {
    if (!isJsonObject(stateBody)) throw new DefinitionError(`State '${name}' must be an object.`);
    states.set(name, compileState(name, stateBody, queryLanguage, compilation));
  }
  if (!states.has(startAt))
    throw new DefinitionError(`${where}: StartAt names '${startAt}', which is not one of its states.`);
  return scope;
}

function compileState(
  name: string,
  body: JsonRecord,
  inherited: QueryLanguage,
  compilation: Compilation,
): CompiledState {
  const r = new FieldReader(body, `State '${name}'`);
  const type = r.requiredString('Type');
  const queryLanguage = readQueryLanguage(r, inherited);
  const jsonata = queryLanguage === 'JSONata';
  const fields = new FieldCompiler(r, jsonata, compilation.expressions);
  const end = r.boolean('End') === true;
  const next = r.string('Next');
  if (next === undefined && !end && type !== 'Choice' && type !== 'Succeed' && type !== 'Fail') {
    throw new DefinitionError(`State '${name}' needs either Next or "End": true.`);
  }
  // States are built as Object.assign(base, fields), never as `{ ...base, ... }`: V8 gives the
  // objects of a spread that has gone megamorphic a hidden class each, so with 10,000 states
  // every property read in the interpreter missed its inline caches (the 10,000-state Pass
  // chain ran 3x slower). Assigning to a fresh literal shares one hidden class per state type.
  const base: Base = {
    name,
    queryLanguage,
    next,
    inputPath: optionalPath(r, 'InputPath'),
    outputPath: optionalPath(r, 'OutputPath'),
    assign: fields.assign(),
    output: fields.template('Output'),
  };
  switch (type) {
    case 'Pass':
      return Object.assign(base, {
        type,
        hasResult: r.has('Result'),
        resultTooLarge: r.has('Result') && exceedsPayloadLimit(r.raw('Result') ?? null),
        result: r.raw('Result'),
        parameters: payload(r, 'Parameters'),
        resultPath: optionalPath(r, 'ResultPath'),
      });
    case 'Task':
      return Object.assign(base, resultHandling(r, fields), {
        type,
        resource: r.requiredString('Resource'),
        resourceInfo: taskResourceInfo(r.requiredString('Resource')),
        parameters: payload(r, 'Parameters'),
        arguments: fields.template('Arguments'),
        timeoutSeconds: fields.literalNumber('TimeoutSeconds'),
        timeoutSecondsPath: path(r, 'TimeoutSecondsPath'),
        timeoutSecondsExpression: fields.numberExpression('TimeoutSeconds'),
        heartbeatSeconds: fields.literalNumber('HeartbeatSeconds'),
        heartbeatSecondsPath: path(r, 'HeartbeatSecondsPath'),
        heartbeatSecondsExpression: fields.numberExpression('HeartbeatSeconds'),
      });
    case 'Choice':
      return Object.assign(base, {
        type,
        choices: compileChoiceRules(r, queryLanguage, fields),
        defaultNext: r.string('Default'),
      });
    case 'Wait':
      return Object.assign(base, { type, wait: jsonata ? jsonataWaitFor(fields) : waitFor(r) });
    case 'Succeed':
      return Object.assign(base, { type, next: undefined });
    case 'Fail':
      return Object.assign(base, {
        type,
        next: undefined,
        error: jsonata ? undefined : r.string('Error'),
        errorPath: dynamicField(r, 'ErrorPath'),
        cause: jsonata ? undefined : r.string('Cause'),
        causePath: dynamicField(r, 'CausePath'),
        errorTemplate: jsonata ? fields.template('Error') : undefined,
        causeTemplate: jsonata ? fields.template('Cause') : undefined,
      });
    case 'Parallel': {
      const branches = (r.array('Branches') ?? []).map((branch, i) => {
        if (!isJsonObject(branch)) throw r.problem('Branches', 'must hold objects');
        return compileScope(branch, name, queryLanguage, compilation, `State '${name}' branch ${i + 1}`);
      });
      if (branches.length === 0) throw r.problem('Branches', 'must hold at least one branch');
      return Object.assign(base, resultHandling(r, fields), {
        type,
        branches,
        parameters: payload(r, 'Parameters'),
        arguments: fields.template('Arguments'),
      });
    }
    case 'Map':
      return compileMap(r, base, queryLanguage, compilation, fields);
    default:
      throw new DefinitionError(`State '${name}' has an unknown Type '${type}'.`);
  }
}

type Base = Pick<
  MapState,
  'name' | 'queryLanguage' | 'next' | 'inputPath' | 'outputPath' | 'assign' | 'output'
>;

function compileMap(
  r: FieldReader,
  base: Base,
  queryLanguage: QueryLanguage,
  compilation: Compilation,
  fields: FieldCompiler,
): MapState {
  const processorBody = r.record('ItemProcessor') ?? r.record('Iterator');
  if (processorBody === undefined) throw r.problem('ItemProcessor', 'is required');
  const processor = compileScope(
    processorBody,
    base.name,
    queryLanguage,
    compilation,
    `State '${base.name}' ItemProcessor`,
  );
  const config = new FieldReader(processorBody, `State '${base.name}' ItemProcessor`).record(
    'ProcessorConfig',
  );
  const mode: MapMode = config?.['Mode'] === 'DISTRIBUTED' ? 'DISTRIBUTED' : 'INLINE';
  const jsonata = queryLanguage === 'JSONata';
  return Object.assign(base, resultHandling(r, fields), {
    type: 'Map' as const,
    processor,
    mode,
    itemsPath: optionalPath(r, 'ItemsPath'),
    itemSelector: jsonata ? undefined : (payload(r, 'ItemSelector') ?? payload(r, 'Parameters')),
    maxConcurrency: fields.literalNumber('MaxConcurrency'),
    maxConcurrencyPath: path(r, 'MaxConcurrencyPath'),
    toleratedFailureCount: fields.literalNumber('ToleratedFailureCount'),
    toleratedFailureCountPath: path(r, 'ToleratedFailureCountPath'),
    toleratedFailurePercentage: fields.literalNumber('ToleratedFailurePercentage'),
    toleratedFailurePercentagePath: path(r, 'ToleratedFailurePercentagePath'),
    items: fields.template('Items'),
    itemSelectorTemplate: jsonata ? fields.template('ItemSelector') : undefined,
    maxConcurrencyExpression: fields.numberExpression('MaxConcurrency'),
    toleratedFailureCountExpression: fields.numberExpression('ToleratedFailureCount'),
    toleratedFailurePercentageExpression: fields.numberExpression('ToleratedFailurePercentage'),
    itemReader: itemReader(r),
    itemBatcher: itemBatcher(r),
    resultWriter: resultWriter(r, fields),
    label: r.string('Label'),
  });
}

function resultHandling(
  r: FieldReader,
  fields: FieldCompiler,
): {
  resultSelector: PayloadRef | undefined;
  resultPath: OptionalPath;
  retry: Retrier[];
  catch: Catcher[];
} {
  return {
    resultSelector: payload(r, 'ResultSelector'),
    resultPath: optionalPath(r, 'ResultPath'),
    retry: (r.array('Retry') ?? []).map((item, i) => retrier(item, `${r.where} Retry #${i + 1}`)),
    catch: (r.array('Catch') ?? []).map((item, i) => catcher(item, `${r.where} Catch #${i + 1}`, fields)),
  };
}

function retrier(item: JsonValue, where: string): Retrier {
  if (!isJsonObject(item)) throw new DefinitionError(`${where} must be an object.`);
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

function catcher(item: JsonValue, where: string, stateFields: FieldCompiler): Catcher {
  if (!isJsonObject(item)) throw new DefinitionError(`${where} must be an object.`);
  const r = new FieldReader(item, where);
  const fields = stateFields.forBlock(r);
  return {
    errorEquals: errorEquals(r),
    next: r.requiredString('Next'),
    resultPath: optionalPath(r, 'ResultPath'),
    output: fields.template('Output'),
    assign: fields.assign(),
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

/** JSONata Wait: Seconds or Timestamp, each a literal or an expression. */
function jsonataWaitFor(fields: FieldCompiler): WaitFor {
  const seconds = fields.template('Seconds');
  if (seconds !== undefined) return { kind: 'secondsExpression', template: seconds };
  const timestamp = fields.template('Timestamp');
  if (timestamp !== undefined) return { kind: 'timestampExpression', template: timestamp };
  throw new DefinitionError(`${fields.reader.where} needs one of Seconds or Timestamp.`);
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

/** The one action a ResultWriter can name: S3's PutObject, served locally by the FileStore port. */
const PUT_OBJECT = /^arn:[a-z-]+:states:::s3:putObject$/;

function resultWriter(r: FieldReader, fields: FieldCompiler): ResultWriterConfig | undefined {
  const body = r.record('ResultWriter');
  if (body === undefined) return undefined;
  const w = new FieldReader(body, `${r.where} ResultWriter`);
  const resource = w.string('Resource');
  const config = w.record('WriterConfig');
  if (resource === undefined && config === undefined)
    throw new DefinitionError(`${w.where} needs a Resource (with Parameters) or a WriterConfig.`);
  if (resource !== undefined && !PUT_OBJECT.test(resource))
    throw w.problem('Resource', "must be 'arn:aws:states:::s3:putObject'");
  const jsonata = fields.jsonata;
  const where = jsonata ? 'Arguments' : 'Parameters';
  if (resource === undefined && w.has(where)) throw w.problem(where, 'needs a Resource');
  const c = new FieldReader(config ?? {}, `${w.where} WriterConfig`);
  return {
    resource,
    parameters: jsonata ? undefined : payload(w, 'Parameters'),
    arguments: fields.forBlock(w).template('Arguments'),
    // AWS's defaults: the full records when exporting, the outputs alone when not.
    transformation:
      oneOf(c, 'Transformation', TRANSFORMATIONS) ?? (resource === undefined ? 'COMPACT' : 'NONE'),
    outputType: oneOf(c, 'OutputType', OUTPUT_TYPES) ?? 'JSON',
  };
}

const TRANSFORMATIONS: readonly ResultTransformation[] = ['NONE', 'COMPACT', 'FLATTEN'];
const OUTPUT_TYPES: readonly ResultOutputType[] = ['JSON', 'JSONL'];

function oneOf<T extends string>(r: FieldReader, field: string, allowed: readonly T[]): T | undefined {
  const value = r.string(field);
  if (value === undefined) return undefined;
  const known = allowed.find((option) => option === value);
  if (known === undefined) throw r.problem(field, `must be one of ${allowed.join(', ')}`);
  return known;
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
  return { source, payload: compileExpression(`${field}.$`, source) };
}

function payload(r: FieldReader, field: string): PayloadRef | undefined {
  const value = r.raw(field);
  return value === undefined ? undefined : compilePayload(value);
}

/**
 * Reads the fields whose form depends on the query language: Assign (JSONPath payload or
 * JSONata template), Output and the other JSONata templates, and the numeric fields a JSONata
 * state may write as `{% %}` expressions.
 */
export class FieldCompiler {
  constructor(
    readonly reader: FieldReader,
    readonly jsonata: boolean,
    private readonly expressions: ExpressionCompiler,
  ) {}

  /** The same query language and expression cache, reading another object (a Catch, a rule). */
  forBlock(reader: FieldReader): FieldCompiler {
    return new FieldCompiler(reader, this.jsonata, this.expressions);
  }

  /** A JSONata field as a template; undefined when absent or in a JSONPath state. */
  template(field: string): JsonataTemplate | undefined {
    if (!this.jsonata) return undefined;
    const value = this.reader.raw(field);
    return value === undefined
      ? undefined
      : compileTemplate(value, field, this.expressions, this.reader.where);
  }

  assign(): AssignBlock | undefined {
    const value = this.reader.raw('Assign');
    if (value === undefined) return undefined;
    if (!isJsonObject(value)) throw this.reader.problem('Assign', 'must be an object');
    for (const key of Object.keys(value)) {
      const name = key.endsWith('.$') && !this.jsonata ? key.slice(0, -2) : key;
      if (name === 'states')
        throw this.reader.problem('Assign', "cannot set 'states': the name is reserved for $states");
    }
    if (this.jsonata)
      return {
        kind: 'jsonata',
        template: compileTemplate(value, 'Assign', this.expressions, this.reader.where),
      };
    return { kind: 'jsonpath', payload: compilePayload(value) };
  }

  /** A numeric field written as a number (either language). */
  literalNumber(field: string): number | undefined {
    const value = this.reader.raw(field);
    if (this.jsonata && typeof value === 'string') return undefined;
    return this.reader.number(field);
  }

  /** A numeric field a JSONata state wrote as an expression. */
  numberExpression(field: string): JsonataTemplate | undefined {
    const value = this.reader.raw(field);
    if (!this.jsonata || typeof value !== 'string') return undefined;
    return this.template(field);
  }
}
