/**
 * The error names Step Functions itself raises or matches (States.ALL is only ever matched):
 * any other `States.` name can never match. One list for the validator, completion and hover,
 * and the engine.
 */
export const PREDEFINED_ERRORS = [
  'States.ALL',
  'States.DataLimitExceeded',
  'States.ExceedToleratedFailureThreshold',
  'States.HeartbeatTimeout',
  'States.Http.Socket',
  'States.IntrinsicFailure',
  'States.ItemReaderFailed',
  'States.NoChoiceMatched',
  'States.ParameterPathFailure',
  'States.Permissions',
  'States.QueryEvaluationError',
  'States.ResultPathMatchFailure',
  'States.ResultWriterFailed',
  'States.Runtime',
  'States.TaskFailed',
  'States.Timeout',
  'States.BranchFailed',
] as const;

export type PredefinedError = (typeof PREDEFINED_ERRORS)[number];

export function isPredefinedError(name: string): name is PredefinedError {
  return (PREDEFINED_ERRORS as readonly string[]).includes(name);
}
