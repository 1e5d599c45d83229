import type { JsonValue } from '../json';
import type { Condition } from '../choice/condition';
import type { PathRef, PayloadRef } from '../dataflow/refs';
import type { JsonataTemplate } from '../jsonata/template';
import type { TaskResourceInfo } from '../interpreter/taskEvents';

/**
 * The internal form of a definition: compiled once, shared by every execution of it. Paths and
 * payload templates are parsed here, so running a state never re-parses text from the document.
 */
export interface CompiledMachine {
  readonly scopes: readonly CompiledScope[];
  /** The machine's own scope is always scopes[0]. */
  readonly root: CompiledScope;
  readonly timeoutSeconds: number | undefined;
  readonly queryLanguage: QueryLanguage;
  /** The definition as given (the context object and tools read it). */
  readonly definition: { readonly [key: string]: JsonValue };
}

export type QueryLanguage = 'JSONPath' | 'JSONata';

export interface CompiledScope {
  readonly id: number;
  readonly startAt: string;
  readonly states: ReadonlyMap<string, CompiledState>;
  /** The Parallel or Map state whose branch or processor this is; undefined for the machine. */
  readonly ownerName: string | undefined;
}

/** Where an InputPath/OutputPath/ResultPath points: absent means `$`, null means "none". */
export type OptionalPath = PathRef | null | undefined;

export interface Transition {
  /** The next state's name, or undefined when the state ends its scope. */
  readonly next: string | undefined;
}

/**
 * A state's (or a Choice rule's, or a catcher's) Assign block: in a JSONPath state a payload
 * template whose `.$` keys hold paths or intrinsic calls; in a JSONata state a template whose
 * `{% %}` strings are expressions.
 */
export type AssignBlock =
  | { readonly kind: 'jsonpath'; readonly payload: PayloadRef }
  | { readonly kind: 'jsonata'; readonly template: JsonataTemplate };

interface StateBase extends Transition {
  readonly name: string;
  readonly queryLanguage: QueryLanguage;
  readonly inputPath: OptionalPath;
  readonly outputPath: OptionalPath;
  readonly assign: AssignBlock | undefined;
  /** JSONata states: the Output field (absent: the state's default output). */
  readonly output: JsonataTemplate | undefined;
}

export interface Retrier {
  readonly errorEquals: readonly string[];
  readonly intervalSeconds: number;
  readonly maxAttempts: number;
  readonly backoffRate: number;
  readonly maxDelaySeconds: number | undefined;
  readonly jitter: 'FULL' | 'NONE';
}

export interface Catcher {
  readonly errorEquals: readonly string[];
  readonly next: string;
  readonly resultPath: OptionalPath;
  /** JSONata: the catcher's Output (absent: `$states.errorOutput`). */
  readonly output: JsonataTemplate | undefined;
  readonly assign: AssignBlock | undefined;
}

interface ResultHandling {
  readonly resultSelector: PayloadRef | undefined;
  readonly resultPath: OptionalPath;
  readonly retry: readonly Retrier[];
  readonly catch: readonly Catcher[];
}

export interface PassState extends StateBase {
  readonly type: 'Pass';
  readonly result: JsonValue | undefined;
  readonly hasResult: boolean;
  /** A literal Result larger than the payload limit fails the state when it runs. */
  readonly resultTooLarge: boolean;
  readonly parameters: PayloadRef | undefined;
  readonly resultPath: OptionalPath;
}

export interface TaskState extends StateBase, ResultHandling {
  readonly type: 'Task';
  readonly resource: string;
  /** How the resource shows in the history, read once here rather than at each of its events. */
  readonly resourceInfo: TaskResourceInfo;
  readonly parameters: PayloadRef | undefined;
  /** JSONata: the task's input (absent: the state input). */
  readonly arguments: JsonataTemplate | undefined;
  readonly timeoutSeconds: number | undefined;
  readonly timeoutSecondsPath: PathRef | undefined;
  /** JSONata: TimeoutSeconds written as an expression. */
  readonly timeoutSecondsExpression: JsonataTemplate | undefined;
  readonly heartbeatSeconds: number | undefined;
  readonly heartbeatSecondsPath: PathRef | undefined;
  readonly heartbeatSecondsExpression: JsonataTemplate | undefined;
}

export interface ChoiceRule {
  readonly condition: Condition;
  readonly next: string;
  /** Used instead of the state's own Assign and Output when this rule is the one taken. */
  readonly assign: AssignBlock | undefined;
  readonly output: JsonataTemplate | undefined;
}

export interface ChoiceState extends StateBase {
  readonly type: 'Choice';
  readonly choices: readonly ChoiceRule[];
  readonly defaultNext: string | undefined;
}

export type WaitFor =
  | { readonly kind: 'seconds'; readonly seconds: number }
  | { readonly kind: 'secondsPath'; readonly path: PathRef }
  | { readonly kind: 'timestamp'; readonly timestamp: string }
  | { readonly kind: 'timestampPath'; readonly path: PathRef }
  /** JSONata: Seconds or Timestamp written as an expression (or as a literal of a JSONata state). */
  | { readonly kind: 'secondsExpression'; readonly template: JsonataTemplate }
  | { readonly kind: 'timestampExpression'; readonly template: JsonataTemplate };

export interface WaitState extends StateBase {
  readonly type: 'Wait';
  readonly wait: WaitFor;
}

export interface SucceedState extends StateBase {
  readonly type: 'Succeed';
}

export interface FailState extends StateBase {
  readonly type: 'Fail';
  readonly error: string | undefined;
  /** ErrorPath/CausePath: a path or an intrinsic call, compiled as a one-field payload. */
  readonly errorPath: DynamicField | undefined;
  readonly cause: string | undefined;
  readonly causePath: DynamicField | undefined;
  /** JSONata: Error and Cause, literals or expressions. */
  readonly errorTemplate: JsonataTemplate | undefined;
  readonly causeTemplate: JsonataTemplate | undefined;
}

/** A field whose value is a path or an intrinsic call (Fail's ErrorPath and CausePath). */
export interface DynamicField {
  readonly source: string;
  readonly payload: PayloadRef;
}

export interface ParallelState extends StateBase, ResultHandling {
  readonly type: 'Parallel';
  readonly branches: readonly CompiledScope[];
  readonly parameters: PayloadRef | undefined;
  /** JSONata: the branches' input (absent: the state input). */
  readonly arguments: JsonataTemplate | undefined;
}

export type MapMode = 'INLINE' | 'DISTRIBUTED';

export interface ItemReaderConfig {
  readonly resource: string;
  /** ReaderConfig and Parameters (Bucket/Key) as written; paths are resolved at run time. */
  readonly readerConfig: { readonly [key: string]: JsonValue };
  readonly parameters: PayloadRef | undefined;
}

export interface ItemBatcherConfig {
  readonly maxItemsPerBatch: number | undefined;
  readonly maxItemsPerBatchPath: PathRef | undefined;
  readonly maxInputBytesPerBatch: number | undefined;
  readonly maxInputBytesPerBatchPath: PathRef | undefined;
  readonly batchInput: PayloadRef | undefined;
}

/**
 * A distributed Map's ResultWriter. With a Resource (s3:putObject) the child executions'
 * results go to files under Bucket/Prefix and the Map's result names the manifest; with only
 * WriterConfig they are shaped by it and stay the Map's result.
 */
export interface ResultWriterConfig {
  /** Absent when the ResultWriter has only a WriterConfig. */
  readonly resource: string | undefined;
  /** JSONPath: Parameters (Bucket, Prefix), `.$` keys resolved at run time. */
  readonly parameters: PayloadRef | undefined;
  /** JSONata: Arguments (Bucket, Prefix). */
  readonly arguments: JsonataTemplate | undefined;
  readonly transformation: ResultTransformation;
  readonly outputType: ResultOutputType;
}

/** NONE: each child's execution record; COMPACT: its output; FLATTEN: outputs, arrays spread. */
export type ResultTransformation = 'NONE' | 'COMPACT' | 'FLATTEN';
export type ResultOutputType = 'JSON' | 'JSONL';

export interface MapState extends StateBase, ResultHandling {
  readonly type: 'Map';
  readonly processor: CompiledScope;
  readonly mode: MapMode;
  readonly itemsPath: OptionalPath;
  /** ItemSelector, or the legacy Parameters field of Map. */
  readonly itemSelector: PayloadRef | undefined;
  readonly maxConcurrency: number | undefined;
  readonly maxConcurrencyPath: PathRef | undefined;
  readonly toleratedFailureCount: number | undefined;
  readonly toleratedFailureCountPath: PathRef | undefined;
  readonly toleratedFailurePercentage: number | undefined;
  readonly toleratedFailurePercentagePath: PathRef | undefined;
  readonly itemReader: ItemReaderConfig | undefined;
  readonly itemBatcher: ItemBatcherConfig | undefined;
  readonly resultWriter: ResultWriterConfig | undefined;
  readonly label: string | undefined;
  /** JSONata: Items (absent: the state input) and the field expressions of the Map. */
  readonly items: JsonataTemplate | undefined;
  readonly itemSelectorTemplate: JsonataTemplate | undefined;
  readonly maxConcurrencyExpression: JsonataTemplate | undefined;
  readonly toleratedFailureCountExpression: JsonataTemplate | undefined;
  readonly toleratedFailurePercentageExpression: JsonataTemplate | undefined;
}

export type CompiledState =
  PassState | TaskState | ChoiceState | WaitState | SucceedState | FailState | ParallelState | MapState;

export type StateType = CompiledState['type'];
