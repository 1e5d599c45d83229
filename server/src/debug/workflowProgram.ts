import * as path from 'node:path';
import {
  formatDiagnosticLine,
  formatOf,
  parseDocument,
  type ParsedDocument,
  type StateMachine,
} from '../asl';
import type { CompiledMachine, JsonValue } from '../engine';
import { prepareRun } from '../prepareRun';
import { readTextFile } from '../node/text';

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
    text = await readTextFile(file);
  } catch (error) {
    return { kind: 'invalid', message: cannotRead(file, error), diagnostics: [] };
  }
  return programFromText(file, text);
}

/** Validation first, with the validator's own diagnostics: the engine only sees valid definitions. */
export function programFromText(file: string, text: string): ProgramResult {
  const document = parseDocument(text, formatOf(file));
  const name = path.basename(file);
  const prepared = prepareRun(document);
  switch (prepared.kind) {
    case 'ok': {
      const { model, definition: value, machine } = prepared;
      return { kind: 'ok', program: { file, document, model, definition: value, machine } };
    }
    case 'invalid': {
      const lines = prepared.diagnostics
        .filter((d) => d.severity === 'error')
        .map((d) => formatDiagnosticLine(file, document.lines, d));
      const count = lines.length === 1 ? 'an error' : `${lines.length} errors`;
      return {
        kind: 'invalid',
        message: `Cannot run ${name}: it has ${count}.\n${lines.join('\n')}`,
        diagnostics: lines,
      };
    }
    case 'noMachine':
      return {
        kind: 'invalid',
        message: `Cannot run ${name}: a workflow definition is an object with "StartAt" and "States".`,
        diagnostics: [],
      };
    case 'notCompilable':
      return { kind: 'invalid', message: `Cannot run ${name}: ${prepared.message}`, diagnostics: [] };
  }
}

function cannotRead(program: string, error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (code === 'ENOENT') return `Cannot read the workflow ${program}: the file does not exist.`;
  if (code === 'EISDIR') return `Cannot read the workflow ${program}: it is a folder, not a file.`;
  const detail = error instanceof Error ? error.message : String(error);
  return `Cannot read the workflow ${program}: ${detail}`;
}
