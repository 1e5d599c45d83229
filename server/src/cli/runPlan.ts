import { resolve } from 'node:path';
import { formatDiagnosticLine, formatOf, parseDocument } from '../asl';
import type { CompiledMachine, ExecutionState, JsonValue } from '../engine';
import { stateMachineName } from '../engine/tasks';
import { prepareContinuedRun, prepareRun } from '../prepareRun';
import { StoreError, type ExecutionStore, type StoredExecution, type StoredLaunch } from '../store';
import { readText, UsageError, type CliIo } from './io';
import type { ContinueOptions, NewRunOptions } from './runOptions';
import { readInput, type TaskSources } from './runSetup';

/** Everything a run needs before it starts, from the command line or from the store. */
export interface RunPlan {
  /** The workflow file as the user knows it: as given, or as stored (absolute). */
  readonly file: string;
  readonly definition: JsonValue;
  readonly machine: CompiledMachine;
  /** How the run was started; what the store keeps for a resume. Paths in it are absolute. */
  readonly launch: StoredLaunch;
  /** Where the Task answers come from (the paths as given, for messages). */
  readonly tasks: TaskSources;
  readonly start:
    | { readonly kind: 'new'; readonly input: JsonValue }
    | {
        readonly kind: 'resume' | 'redrive';
        readonly id: string;
        readonly state: ExecutionState;
        /** As loaded: the recording goes on in it. */
        readonly stored: StoredExecution;
      };
}

/** A run that cannot start: the lines saying why are printed already. Exit 2. */
export class RunRefused extends Error {
  override readonly name = 'RunRefused';
}

/** Reads, validates and compiles FILE, and reads the input, for a run from its start. */
export async function planNewRun(io: CliIo, options: NewRunOptions): Promise<RunPlan> {
  const { definition, machine } = await compileWorkflow(io, options.file);
  const input = await readInput(io, options.input);
  const launch: StoredLaunch = {
    stateMachineName: stateMachineName(options.file, options.name),
    workflowType: options.type,
    clock: options.clock,
    ...(options.mocks && { mocks: resolve(options.mocks.file), testCase: options.mocks.testCase }),
    ...(options.handlers !== undefined && { handlers: resolve(options.handlers) }),
  };
  return { file: options.file, definition, machine, launch, tasks: options, start: { kind: 'new', input } };
}

/**
 * A stored execution made ready to go on: its definition (as it was run, whatever the file
 * holds now), its launch, and the engine state to continue from.
 */
export function planContinuedRun(
  io: CliIo,
  store: ExecutionStore,
  options: ContinueOptions,
  now: number,
): RunPlan {
  const stored = refusedOnStoreError(io, () => store.load(options.id));
  const { header } = stored;
  if (options.file !== undefined && resolve(options.file) !== header.program) {
    throw new UsageError(
      `the execution '${options.id}' was started from ${header.program}, not from ${options.file}`,
    );
  }
  const continued = prepareContinuedRun(stored, options.kind, now);
  if (continued.kind === 'refused') {
    io.err(`stepwise run: ${continued.message}`);
    throw new RunRefused(continued.message);
  }
  if (continued.kind === 'notCompilable') {
    io.err(`stepwise run: the stored definition of '${options.id}' cannot run: ${continued.message}`);
    throw new RunRefused(continued.message);
  }
  const { state, machine } = continued;
  const launch = header.launch;
  return {
    file: header.program,
    definition: header.definition,
    machine,
    launch,
    tasks: {
      mocks:
        launch.mocks !== undefined && launch.testCase !== undefined
          ? { file: launch.mocks, testCase: launch.testCase }
          : undefined,
      handlers: launch.handlers,
    },
    start: { kind: options.kind, id: options.id, state, stored },
  };
}

/** The store's refusals (unknown id, already ended, not failed) are the user's answer, printed as they are. */
function refusedOnStoreError<T>(io: CliIo, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    io.err(`stepwise run: ${error.message}`);
    throw new RunRefused(error.message);
  }
}

/** Reads, validates and compiles the workflow; refused (after printing why, with the validator's diagnostics) when it cannot run. */
async function compileWorkflow(
  io: CliIo,
  file: string,
): Promise<{ readonly definition: JsonValue; readonly machine: CompiledMachine }> {
  const document = parseDocument(await readText(io, file), formatOf(file));
  const prepared = prepareRun(document);
  switch (prepared.kind) {
    case 'ok':
      return prepared;
    case 'invalid':
      for (const d of prepared.diagnostics) io.err(formatDiagnosticLine(file, document.lines, d));
      io.err(`stepwise run: ${file} is not a valid workflow; nothing was run.`);
      throw new RunRefused('invalid definition');
    case 'noMachine':
      io.err(`stepwise run: ${file} holds no state machine.`);
      throw new RunRefused('no state machine');
    case 'notCompilable':
      io.err(`stepwise run: ${file}: ${prepared.message}`);
      throw new RunRefused(prepared.message);
  }
}
