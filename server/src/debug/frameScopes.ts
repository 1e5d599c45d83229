import type { DebugProtocol } from '@vscode/debugprotocol';
import {
  contextObjectAt,
  lastTimestamp,
  type CompiledMachine,
  type ExecutionState,
  type Frame,
  type JsonValue,
} from '../engine';
import type { VariableStore } from './variableStore';

/**
 * The scopes of one stack frame (an engine frame: the machine, a branch, an iteration), each
 * a lazily expanded value. Scopes that do not apply at this moment (no result before a Task
 * has answered, no error unless the state is failing) are left out rather than shown empty.
 */
export function scopesOf(
  machine: CompiledMachine,
  state: ExecutionState,
  frameIndex: number,
  store: VariableStore,
): DebugProtocol.Scope[] {
  const frame = state.frames[frameIndex];
  if (frame === undefined) return [];
  const scopes: DebugProtocol.Scope[] = [];
  const add = (
    name: string,
    value: JsonValue | (() => JsonValue),
    evaluateName: string | undefined,
    hint?: string,
    editable = false,
  ): void => {
    const reference = store.add({
      value,
      evaluateName,
      input: editable ? { frameIndex, path: [] } : undefined,
    });
    const scope: DebugProtocol.Scope = { name, variablesReference: reference, expensive: false };
    if (hint !== undefined) scope.presentationHint = hint;
    if (typeof value !== 'function' && Array.isArray(value)) scope.indexedVariables = value.length;
    scopes.push(scope);
  };
  add('State Input', frame.input, '$', 'arguments', true);
  if (frame.effectiveInput !== undefined) add('Effective Input', frame.effectiveInput, undefined);
  const result = resultOf(state, frame);
  if (result !== undefined) add('Result', result, undefined);
  if (
    (frame.phase === 'exit' || frame.phase === 'done') &&
    frame.failure === undefined &&
    frame.output !== undefined
  ) {
    add('Output', frame.output, undefined);
  }
  add('Variables', (frame.variables ?? state.variables).values, '', 'locals');
  if (frame.assigned !== undefined) add('Assigned on Exit', frame.assigned.values, undefined);
  add('Context Object', () => contextObjectAt(machine, state, frameIndex), '$$');
  const retry = retryOf(state, frame);
  if (retry !== undefined) add('Retry', retry, undefined);
  if (frame.failure !== undefined) {
    const error: { [key: string]: JsonValue } = {};
    if (frame.failure.error !== undefined) error['Error'] = frame.failure.error;
    if (frame.failure.cause !== undefined) error['Cause'] = frame.failure.cause;
    add('Error', error, undefined);
  }
  return scopes;
}

const RESULT_EVENTS: ReadonlySet<string> = new Set(['TaskSucceeded', 'LambdaFunctionSucceeded']);

/** What the state's work produced: the Task's answer, or the branches'/iterations' results so far. */
export function resultOf(state: ExecutionState, frame: Frame): JsonValue | undefined {
  if (frame.fan !== undefined) return frame.fan.results;
  if (frame.enteredEventId === 0) return undefined;
  const history = state.history;
  for (let i = history.length - 1; i >= frame.enteredEventId; i--) {
    const event = history[i];
    if (event === undefined) continue;
    if (event.id === frame.enteredEventId) break;
    if (RESULT_EVENTS.has(event.type) && event.details !== undefined) {
      const output = event.details['output'];
      if (output !== undefined && event.previousEventId >= frame.enteredEventId) return output;
    }
  }
  return undefined;
}

function retryOf(state: ExecutionState, frame: Frame): JsonValue | undefined {
  if (frame.retryCount === 0 && frame.resumeAt === undefined) return undefined;
  const now = lastTimestamp(state);
  const retry: { [key: string]: JsonValue } = {
    RetryCount: frame.retryCount,
    AttemptsPerRetrier: frame.retryAttempts,
  };
  if (frame.resumeAt !== undefined) {
    retry['NextAttemptAt'] = new Date(frame.resumeAt).toISOString();
    retry['NextDelaySeconds'] = Math.max(0, (frame.resumeAt - now) / 1000);
  }
  return retry;
}
