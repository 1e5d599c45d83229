import type { ValidateFunction } from 'ajv';
import type { ScopeKind } from '../model';
import * as generated from './generated/validators.js';
import type { StateType } from './stateSchemas';

/**
 * The validators, compiled from the schema at build time (build/validatorsModule.ts): ajv's
 * compile step costs about 80 ms, too much for a language server's start-up, while loading the
 * generated functions costs almost nothing.
 */
export const SCOPE_VALIDATORS: Readonly<Record<ScopeKind, ValidateFunction>> = {
  machine: generated.scope_machine,
  branch: generated.scope_branch,
  itemProcessor: generated.scope_itemProcessor,
  iterator: generated.scope_iterator,
};

export const STATE_VALIDATORS: Readonly<Record<StateType, ValidateFunction>> = {
  Choice: generated.stateChoice,
  Fail: generated.stateFail,
  Map: generated.stateMap,
  Parallel: generated.stateParallel,
  Pass: generated.statePass,
  Succeed: generated.stateSucceed,
  Task: generated.stateTask,
  Wait: generated.stateWait,
};

/** For a state whose Type is missing or unknown: only the Type can be judged then. */
export const STATE_TYPE_VALIDATOR: ValidateFunction = generated.stateType;
