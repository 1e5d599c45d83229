/**
 * Durable executions: every event of a run appended to `<dir>/<id>.jsonl` with the engine
 * state after it, fsync'd, so that a run can be listed, inspected, resumed after a kill and
 * redriven after a failure. Used by the debug adapter, the CLI and the executions view.
 */
export type { Checkpoint, EventLine, RewindLine, StoredLaunch, StoreHeader } from './format';
export { checkpointOf, STORE_FORMAT } from './format';
export type {
  ExecutionRecorder,
  ExecutionStore,
  ExecutionSummary,
  NewRun,
  StoredExecution,
} from './executionStore';
export {
  defaultStoreDirectory,
  executionsDirectoryIn,
  openExecutionStore,
  StoreError,
} from './executionStore';
export { redriveState, resumeState } from './resume';
export { runRecorded } from './runRecorded';
