import { createVirtualClock } from './clock';
import { applyPayload } from './dataflow/io';
import { compileExpression } from './dataflow/refs';
import type { CompiledMachine } from './definition/types';
import { StatesFailure } from './errors';
import type { JsonObject, JsonValue } from './json';
import { createExpressionCompiler } from './jsonata/expression';
import { evaluateExpression } from './jsonata/template';
import { contextObject, environmentOf, jsonataScopeOf } from './interpreter/env';
import { createRuntime } from './interpreter/runtime';
import type { Runtime } from './interpreter/runtime';
import { lastTimestamp } from './state';
import type { ExecutionState, Frame } from './state';

/**
 * A paused execution seen from outside (the debugger): the context object of a frame's current
 * state, and expressions evaluated exactly as that state's own fields would be, with its
 * variables and `$$`. Reads only: nothing here changes the execution state.
 */

export type Inspection =
  | { readonly ok: true; readonly value: JsonValue }
  | { readonly ok: false; readonly error: string; readonly cause: string };

/** `$$` as the state running in `frames[frameIndex]` sees it. */
export function contextObjectAt(
  machine: CompiledMachine,
  state: ExecutionState,
  frameIndex: number,
): JsonObject {
  const [rt, frame] = inspectionRuntime(machine, state, frameIndex);
  return contextObject(rt, frame);
}

/**
 * Evaluates `text` over `data` in the frame's scope: a JSONPath (`$.a`, `$$.State.Name`,
 * `$variable`) or an intrinsic call (`States.Format(...)`) when `language` is JSONPath, the
 * body of a `{% %}` expression when it is JSONata (`$states.input`, variables, $partition...).
 */
export function evaluateAt(
  machine: CompiledMachine,
  state: ExecutionState,
  frameIndex: number,
  text: string,
  language: 'JSONPath' | 'JSONata',
  data: JsonValue,
): Inspection | Promise<Inspection> {
  try {
    const [rt, frame] = inspectionRuntime(machine, state, frameIndex);
    if (language === 'JSONPath') {
      return {
        ok: true,
        value: applyPayload(compileExpression('value.$', text), data, environmentOf(rt, frame)),
      };
    }
    const expression = createExpressionCompiler()(`{% ${text} %}`, 'The expression');
    const value = evaluateExpression(expression, 'Evaluate', jsonataScopeOf(rt, frame, { input: data }));
    return value instanceof Promise ? value.then(succeeded, failed) : succeeded(value);
  } catch (thrown) {
    return failed(thrown);
  }
}

function succeeded(value: JsonValue): Inspection {
  return { ok: true, value };
}

function failed(thrown: unknown): Inspection {
  if (thrown instanceof StatesFailure) return { ok: false, ...thrown.statesError };
  if (thrown instanceof Error) return { ok: false, error: thrown.name, cause: thrown.message };
  return { ok: false, error: 'Error', cause: String(thrown) };
}

function inspectionRuntime(
  machine: CompiledMachine,
  state: ExecutionState,
  frameIndex: number,
): [Runtime, Frame] {
  const frame = state.frames[frameIndex];
  if (frame === undefined) throw new Error(`The execution has no frame ${frameIndex}.`);
  return [createRuntime(machine, state, createVirtualClock(lastTimestamp(state)), {}), frame];
}
