import { dirname, resolve } from 'node:path';
import { parseJson, type JsonValue, type TaskRunner } from '../engine';
import {
  composeTaskRunners,
  createHandlerRunner,
  importModule,
  mockRunnerFromText,
  type HandlerConfig,
  type SelectiveTaskRunner,
} from '../engine/tasks';
import type { IdSource } from '../engine/ports';
import { loadHandlerConfig } from '../node/handlerConfigFile';
import { readText, UsageError, type CliIo } from './io';
import type { InputSource } from './runOptions';

/** A file given on the command line that cannot be used: its problems, one per line. */
export class RunSetupError extends Error {
  override readonly name = 'RunSetupError';
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file}: ${problems.join(' ')}`);
  }
}

/** The execution input: `--input`, `--input-file`, or `{}` as Step Functions uses when none is given. */
export async function readInput(io: CliIo, source: InputSource): Promise<JsonValue> {
  if (source.kind === 'none') return {};
  if (source.kind === 'inline') return parseJsonOption(source.text, "option '--input'");
  return parseJsonOption(await readText(io, source.path), `'${source.path}'`);
}

/** What answers the Task states of a run: a mocks test case, handler modules, or both. */
export interface TaskSources {
  readonly mocks: { readonly file: string; readonly testCase: string } | undefined;
  readonly handlers: string | undefined;
}

export interface TaskRunnerPorts {
  readonly ids: IdSource;
  readonly now: () => number;
}

/**
 * The Task runner of a run: the test case of `--mocks` first, then the `--handlers` modules.
 * Handler modules are user code; the CLI runs what its user points it at.
 */
export async function taskRunnerFor(
  io: CliIo,
  sources: TaskSources,
  stateMachineName: string,
  ports: TaskRunnerPorts,
): Promise<TaskRunner> {
  let mocks: SelectiveTaskRunner | undefined;
  if (sources.mocks !== undefined) {
    const { file, testCase } = sources.mocks;
    const made = mockRunnerFromText(await readText(io, file), stateMachineName, testCase);
    if (made.kind === 'invalid') throw new RunSetupError(file, made.problems);
    mocks = made.runner;
  }
  let handlers: SelectiveTaskRunner | undefined;
  if (sources.handlers !== undefined) {
    handlers = createHandlerRunner(await handlerConfigOf(io, sources.handlers), {
      baseDirectory: dirname(resolve(sources.handlers)),
      ids: ports.ids,
      now: ports.now,
      importModule: io.importModule ?? importModule,
    });
  }
  return composeTaskRunners({ ...(mocks && { mocks }), ...(handlers && { handlers }) });
}

/** A handlers file (JSON), or a module whose function exports are the handlers. */
async function handlerConfigOf(io: CliIo, file: string): Promise<HandlerConfig> {
  const loaded = await loadHandlerConfig(file, {
    readText: (path) => readText(io, path),
    importModule: io.importModule ?? importModule,
  });
  switch (loaded.kind) {
    case 'ok':
      return loaded.config;
    case 'invalid':
      throw new RunSetupError(file, loaded.problems);
    case 'unreadable':
      throw loaded.error;
    case 'unloadable':
      throw new RunSetupError(file, [`The handlers module could not be loaded: ${messageOf(loaded.error)}`]);
    case 'noFunctions':
      throw new RunSetupError(file, ['The handlers module exports no functions.']);
  }
}

function parseJsonOption(text: string, what: string): JsonValue {
  try {
    return parseJson(text);
  } catch (error) {
    throw new UsageError(`${what} is not valid JSON: ${messageOf(error)}`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
