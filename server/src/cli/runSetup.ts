import { basename, dirname, resolve } from 'node:path';
import type { JsonValue, TaskRunner } from '../engine';
import {
  composeTaskRunners,
  createHandlerRunner,
  functionExportNames,
  handlerConfigFromExports,
  importModule,
  mockRunnerFromText,
  parseHandlerConfig,
  parseJson,
  type HandlerConfig,
  type SelectiveTaskRunner,
} from '../engine/tasks';
import type { IdSource } from '../engine/ports';
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

const MODULE_FILE = /\.[cm]?js$/i;

/** A handlers file (JSON), or a module whose function exports are the handlers. */
async function handlerConfigOf(io: CliIo, file: string): Promise<HandlerConfig> {
  if (!MODULE_FILE.test(file)) {
    const parsed = parseHandlerConfig(await readText(io, file));
    if (parsed.kind === 'invalid') throw new RunSetupError(file, parsed.problems);
    return parsed.config;
  }
  let namespace: unknown;
  try {
    namespace = await (io.importModule ?? importModule)(resolve(file));
  } catch (error) {
    throw new RunSetupError(file, [
      `The handlers module could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
  const names = functionExportNames(namespace);
  if (names.length === 0) throw new RunSetupError(file, ['The handlers module exports no functions.']);
  return handlerConfigFromExports(`./${basename(file)}`, names);
}

function parseJsonOption(text: string, what: string): JsonValue {
  try {
    return parseJson(text);
  } catch (error) {
    throw new UsageError(
      `${what} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
