import type { AssignBlock } from '../definition/types';
import { applyPayload } from '../dataflow/io';
import type { PathEnvironment } from '../dataflow/io';
import type { MaybePromise } from '../jsonata/drive';
import { evaluateTemplate } from '../jsonata/template';
import type { JsonataScope } from '../jsonata/template';
import { isJsonObject } from '../json';
import type { JsonObject, JsonValue } from '../json';
import type { Frame, VariableScope } from '../state';
import { checkAssignment, commitAssignment } from './scope';

/**
 * Assign, evaluated where AWS evaluates it: with the same inputs as the state's output
 * (JSONPath: `$` is the state's result, before ResultSelector and ResultPath; JSONata: the
 * same `$states` as Output), staged on the frame, and committed when the state exits.
 */

/** JSONPath: the block's `.$` keys read `data` (the result), `$$` and the variables as they were on entry. */
export function evaluateJsonPathAssign(
  block: AssignBlock,
  data: JsonValue,
  env: PathEnvironment,
): JsonObject {
  if (block.kind !== 'jsonpath') return {};
  return asObject(applyPayload(block.payload, data, env));
}

/**
 * JSONata: the block's `{% %}` strings see `$states` and the variables as they were on entry.
 * The caller, which may have to wait for the value, takes it `asObject`.
 */
export function evaluateJsonataAssign(block: AssignBlock, scope: JsonataScope): MaybePromise<JsonValue> {
  if (block.kind !== 'jsonata') return {};
  return evaluateTemplate(block.template, scope);
}

/** The value of an Assign block: an object, as the block is (checked when the definition is compiled). */
export function asObject(value: JsonValue): JsonObject {
  return isJsonObject(value) ? value : {};
}

/**
 * Records what the state assigns; throws (failing the state, nothing assigned) when the scope
 * may not take it. An empty block assigns nothing and shows nothing in the history.
 */
export function stageAssignment(
  scope: VariableScope,
  frame: Frame,
  stateName: string,
  values: JsonObject,
): void {
  if (Object.keys(values).length === 0) return;
  const bytes = checkAssignment(scope, values, stateName);
  frame.assigned = { values, bytes };
}

/** At the state's exit: the staged values become visible to the states that follow. */
export function commitStaged(scope: VariableScope, frame: Frame): JsonObject | undefined {
  const staged = frame.assigned;
  if (staged === undefined) return undefined;
  frame.assigned = undefined;
  commitAssignment(scope, staged.values, staged.bytes);
  return staged.values;
}
