import {
  buildModel,
  hasErrors,
  toValue,
  validate,
  type AslDiagnostic,
  type ParsedDocument,
  type StateMachine,
} from './asl';
import {
  compileDefinition,
  DefinitionError,
  isJsonValue,
  parseJson,
  type CompiledMachine,
  type ExecutionState,
  type JsonValue,
} from './engine';
import { redriveState, resumeState, StoreError, type StoredExecution } from './store';

/**
 * A parsed workflow made ready to run, the one way `stepwise run` and the debug adapter do it:
 * validation first, with the validator's own diagnostics, so that the engine only ever sees
 * definitions AWS would accept; then the definition as data, compiled. Each caller says what
 * went wrong in its own words (stderr lines, a launch error).
 */
export type PreparedRun =
  | {
      readonly kind: 'ok';
      readonly model: StateMachine;
      readonly definition: JsonValue;
      readonly machine: CompiledMachine;
    }
  /** Validation found errors: every diagnostic, warnings too, in document order. */
  | { readonly kind: 'invalid'; readonly diagnostics: readonly AslDiagnostic[] }
  /** Valid but empty: no state machine to run. */
  | { readonly kind: 'noMachine' }
  /** The compiler refused what the validator let through (a bug of ours if it ever happens). */
  | { readonly kind: 'notCompilable'; readonly message: string };

export function prepareRun(document: ParsedDocument): PreparedRun {
  const model = buildModel(document);
  const diagnostics = validate(document, {}, model);
  if (hasErrors(diagnostics)) return { kind: 'invalid', diagnostics };
  const value = definitionOf(document);
  if (value === undefined || model.machine === undefined) return { kind: 'noMachine' };
  try {
    return { kind: 'ok', model, definition: value, machine: compileDefinition(value) };
  } catch (error) {
    if (!(error instanceof DefinitionError)) throw error;
    return { kind: 'notCompilable', message: error.message };
  }
}

/**
 * The definition as JSON data. A JSON document that validated without errors (so without
 * repeated keys) reads the same through JSON.parse, which is much faster than walking its tree.
 */
function definitionOf(document: ParsedDocument): JsonValue | undefined {
  if (document.root === undefined) return undefined;
  if (document.format === 'json') {
    try {
      return parseJson(document.text);
    } catch {
      // Text the validator accepts but JSON.parse does not: read it from the tree instead.
    }
  }
  const value = toValue(document.root);
  return isJsonValue(value) ? value : undefined;
}

/**
 * A stored execution made ready to go on, the one way `stepwise run --resume/--redrive` and the
 * debug adapter do it: the engine state to continue from, and the definition as it was run
 * (whatever the file holds now), compiled. Each caller says what went wrong in its own words.
 */
export type ContinuedRun =
  | { readonly kind: 'ok'; readonly state: ExecutionState; readonly machine: CompiledMachine }
  /** The store's refusal, in words for the user: already ended, nothing to redrive... */
  | { readonly kind: 'refused'; readonly message: string }
  /** The stored definition no longer compiles (a stored file from another version). */
  | { readonly kind: 'notCompilable'; readonly message: string };

export function prepareContinuedRun(
  stored: StoredExecution,
  kind: 'resume' | 'redrive',
  now: number,
): ContinuedRun {
  let state: ExecutionState;
  try {
    state = kind === 'resume' ? resumeState(stored) : redriveState(stored, now);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    return { kind: 'refused', message: error.message };
  }
  try {
    return { kind: 'ok', state, machine: compileDefinition(stored.header.definition) };
  } catch (error) {
    if (!(error instanceof DefinitionError)) throw error;
    return { kind: 'notCompilable', message: error.message };
  }
}
