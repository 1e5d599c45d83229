import { dirname, resolve } from 'node:path';
import {
  formatDiagnosticLine,
  formatOf,
  hasErrors,
  parseDocument,
  toValue,
  validate,
  type ParsedDocument,
} from '../asl';
import {
  compileDefinition,
  createExecution,
  createVirtualClock,
  DefinitionError,
  type CompiledMachine,
  type JsonValue,
  type StateObserver,
  type TaskRunner,
} from '../engine';
import { isJsonValue, parseJson, stateMachineName } from '../engine/tasks';
import { EXIT, type CliIo, type ExitCode } from './io';
import { createNodeFileStore, nodeIds, nodeRandom } from './nodePorts';
import { parseRunOptions } from './runOptions';
import { createProgressPrinter } from './runProgress';
import { historyLines, jsonReport, textReport } from './runReport';
import { readInput, readText, RunSetupError, taskRunnerFor } from './runSetup';

export { RUN_USAGE } from './runOptions';

/**
 * `stepwise run FILE`: validates the definition, runs it on a virtual clock with Tasks answered by
 * mocks and local handlers, and reports the result. Exit codes: 0 SUCCEEDED, 1 any other end,
 * 2 for the command line, an unusable file or an invalid definition.
 */
export async function runCommand(io: CliIo, args: readonly string[]): Promise<ExitCode> {
  const options = parseRunOptions(args);
  const machine = await compileWorkflow(io, options.file);
  if (machine === undefined) return EXIT.usage;

  const name = stateMachineName(options.file, options.name);
  const clock = createVirtualClock(Date.now());
  let input: JsonValue;
  let taskRunner: TaskRunner;
  try {
    input = await readInput(io, options.input);
    taskRunner = await taskRunnerFor(io, options, name, { ids: nodeIds, now: () => clock.now() });
  } catch (error) {
    if (!(error instanceof RunSetupError)) throw error;
    for (const problem of error.problems) io.err(`stepwise run: ${error.file}: ${problem}`);
    return EXIT.usage;
  }

  const progress = options.json ? undefined : createProgressPrinter((line) => io.out(line), clock);
  if (!options.json) io.out(`Running ${name} (${options.type}) from ${options.file}`);
  const observer: StateObserver | undefined = progress?.observer;
  const execution = createExecution(
    machine,
    input,
    { workflowType: options.type, stateMachineName: name },
    {
      clock,
      taskRunner,
      ids: nodeIds,
      random: nodeRandom,
      files: createNodeFileStore(dirname(resolve(options.file))),
      ...(observer && { observer }),
    },
  );
  const result = await untilSettledOrStalled(execution.run());
  progress?.finish();
  if (result === 'stalled') {
    const waiting = execution.state.frames.at(-1)?.state ?? 'a Task';
    io.err(
      `stepwise run: the run stopped at '${waiting}': its handler returned a promise that nothing can settle any more (no timer, no I/O pending).`,
    );
    return EXIT.problems;
  }

  if (options.json) {
    io.out(JSON.stringify(jsonReport(result, options.history ? execution.history : undefined)));
  } else {
    if (options.history) for (const line of historyLines(execution.history)) io.out(line);
    for (const line of textReport(result, execution.history)) io.out(line);
  }
  return result.status === 'SUCCEEDED' ? EXIT.ok : EXIT.problems;
}

/**
 * Reads, validates and compiles the workflow; undefined (after printing why, with the
 * validator's diagnostics) when it cannot run.
 */
async function compileWorkflow(io: CliIo, file: string): Promise<CompiledMachine | undefined> {
  const document = parseDocument(await readText(io, file), formatOf(file));
  const diagnostics = validate(document);
  if (hasErrors(diagnostics)) {
    for (const d of diagnostics) io.err(formatDiagnosticLine(file, document.lines, d));
    io.err(`stepwise run: ${file} is not a valid workflow; nothing was run.`);
    return undefined;
  }
  const definition = definitionOf(document);
  if (definition === undefined) {
    io.err(`stepwise run: ${file} holds no state machine.`);
    return undefined;
  }
  try {
    return compileDefinition(definition);
  } catch (error) {
    if (!(error instanceof DefinitionError)) throw error;
    io.err(`stepwise run: ${file}: ${error.message}`);
    return undefined;
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
 * A handler that returns a promise nothing will ever settle would let Node exit quietly with
 * code 0 mid-run. Node's 'beforeExit' says the event loop has drained: the run can no longer
 * end, so it is reported instead.
 */
async function untilSettledOrStalled<T>(run: Promise<T>): Promise<T | 'stalled'> {
  let onDrained: (() => void) | undefined;
  const stalled = new Promise<'stalled'>((resolve) => {
    onDrained = () => resolve('stalled');
    process.once('beforeExit', onDrained);
  });
  try {
    return await Promise.race([run, stalled]);
  } finally {
    if (onDrained !== undefined) process.off('beforeExit', onDrained);
  }
}
