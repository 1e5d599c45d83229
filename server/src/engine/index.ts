/**
 * The engine's public entry points. Compile a definition once, then create executions of it:
 *
 *   const machine = compileDefinition(definitionJson);
 *   const execution = createExecution(machine, input, { workflowType: 'STANDARD' }, { taskRunner });
 *   const result = await execution.run();          // or: execution.step() one event at a time
 *
 * The execution's `state` is plain JSON data; `resumeExecution(machine, savedState, ports)`
 * continues it after any event.
 */
export type { JsonObject, JsonValue } from './json';
export {
  DEPTH_LIMIT_TEXT,
  isJsonObject,
  isJsonValue,
  MAX_JSON_DEPTH,
  nestsTooDeep,
  parseJson,
  toJsonValue,
} from './json';
export type { Clock, IdSource, RandomSource, TaskOutcome, TaskRequest, TaskRunner } from './ports';
export type { FileLocation, FileStore } from './files';
export type { EventDetails, HistoryEvent } from './history';
export { toAwsHistoryEvent } from './history';
export type { StateObserver, StatePathStep, StateVisit } from './observer';
export type {
  ExecutionInfo,
  ExecutionResult,
  ExecutionState,
  ExecutionStatus,
  Failure,
  Frame,
  FrameKind,
  Phase,
  WorkflowType,
} from './state';
export type {
  CompiledMachine,
  CompiledScope,
  CompiledState,
  QueryLanguage,
  StateType,
} from './definition/types';
export type { CompileOptions } from './definition/compile';
export { compileDefinition } from './definition/compile';
export type { JsonataLimits } from './jsonata/expression';
export { DEFAULT_JSONATA_LIMITS } from './jsonata/expression';
export type { VariableScope } from './state';
export { DefinitionError } from './dataflow/refs';
export type { ExecutionOptions, ExecutionPorts } from './execution';
export { createExecution, Execution, InvalidExecutionInput, resumeExecution } from './execution';
export { counterIds, seededRandom } from './defaultPorts';
export { lastTimestamp } from './state';
export { createVirtualClock } from './clock';
export { STANDARD_HISTORY_QUOTA } from './interpreter/emit';
export { resetStateFields } from './interpreter/frames';
export type { Inspection } from './inspect';
export { contextObjectAt, evaluateAt } from './inspect';
