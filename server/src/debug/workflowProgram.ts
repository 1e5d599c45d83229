import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import {
  buildModel,
  formatDiagnosticLine,
  formatOf,
  hasErrors,
  parseDocument,
  toValue,
  validate,
  type ParsedDocument,
  type StateMachine,
} from '../asl';
import { compileDefinition, DefinitionError, type CompiledMachine, type JsonValue } from '../engine';
import { isJsonValue } from '../engine/tasks';
import { withoutBom } from '../node/text';

/** A workflow file read, validated and compiled: what a debug session runs and maps lines to. */
export interface WorkflowProgram {
  readonly file: string;
  readonly document: ParsedDocument;
  readonly model: StateMachine;
  readonly definition: JsonValue;
  readonly machine: CompiledMachine;
}

export type ProgramResult =
  | { readonly kind: 'ok'; readonly program: WorkflowProgram }
  /** `message` says why in one sentence; `diagnostics` are `file:line:col: ...` lines. */
  | { readonly kind: 'invalid'; readonly message: string; readonly diagnostics: readonly string[] };

export async function loadProgram(file: string): Promise<ProgramResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { kind: 'invalid', message: cannotRead(file, error), diagnostics: [] };
  }
  return programFromText(file, withoutBom(text));
}

/** Validation first, with the validator's own diagnostics: the engine only sees valid definitions. */
export function programFromText(file: string, text: string, definition?: JsonValue): ProgramResult {
  const document = parseDocument(text, formatOf(file));
  const name = path.basename(file);
  const model = buildModel(document);
  const diagnostics = validate(document, {}, model);
  if (hasErrors(diagnostics)) {
    const lines = diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => formatDiagnosticLine(file, document.lines, d));
    const count = lines.length === 1 ? 'an error' : `${lines.length} errors`;
    return {
      kind: 'invalid',
      message: `Cannot run ${name}: it has ${count}.\n${lines.join('\n')}`,
      diagnostics: lines,
    };
  }
  const value = definition ?? (document.root === undefined ? undefined : toValue(document.root));
  if (value === undefined || !isJsonValue(value) || model.machine === undefined) {
    return {
      kind: 'invalid',
      message: `Cannot run ${name}: a workflow definition is an object with "StartAt" and "States".`,
      diagnostics: [],
    };
  }
  try {
    return {
      kind: 'ok',
      program: { file, document, model, definition: value, machine: compileDefinition(value) },
    };
  } catch (error) {
    if (!(error instanceof DefinitionError)) throw error;
    return { kind: 'invalid', message: `Cannot run ${name}: ${error.message}`, diagnostics: [] };
  }
}

function cannotRead(program: string, error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (code === 'ENOENT') return `Cannot read the workflow ${program}: the file does not exist.`;
  if (code === 'EISDIR') return `Cannot read the workflow ${program}: it is a folder, not a file.`;
  const detail = error instanceof Error ? error.message : String(error);
  return `Cannot read the workflow ${program}: ${detail}`;
}
