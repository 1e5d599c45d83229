import { dirname, resolve } from 'node:path';
import {
  createExecution,
  resumeExecution,
  type Clock,
  type Execution,
  type ExecutionResult,
  type ExecutionPorts,
  type StateObserver,
} from '../engine';
import { clockFor, createNodeFileStore, nodeIds, nodeRandom } from '../node/ports';
import {
  defaultStoreDirectory,
  executionsDirectoryIn,
  openExecutionStore,
  runRecorded,
  type ExecutionRecorder,
  type ExecutionStore,
} from '../store';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io';
import { parseRunOptions, type StoreChoice } from './runOptions';
import { planContinuedRun, planNewRun, RunRefused, type RunPlan } from './runPlan';
import { createProgressPrinter } from './runProgress';
import { historyLines, jsonReport, textReport } from './runReport';
import { RunSetupError, taskRunnerFor } from './runSetup';

export { RUN_USAGE } from './runOptions';

/**
 * `stepwise run FILE`: validates the definition, runs it with Tasks answered by mocks and local
 * handlers, every event stored as it happens, and reports the result; `--resume ID` and
 * `--redrive ID` continue a stored execution. Exit codes: 0 SUCCEEDED, 1 any other end, 2 for
 * the command line, an unusable file, an invalid definition or a run the store cannot continue.
 */
export async function runCommand(io: CliIo, args: readonly string[]): Promise<ExitCode> {
  const options = parseRunOptions(args);
  const store = storeOf(options.store);
  let plan: RunPlan;
  try {
    if (options.start.kind === 'new') {
      plan = await planNewRun(io, options.start);
    } else {
      if (store === undefined) throw new UsageError(`'--${options.start.kind}' needs the store`);
      plan = planContinuedRun(io, store, options.start, Date.now());
    }
  } catch (error) {
    if (error instanceof RunRefused) return EXIT.usage;
    throw error;
  }

  const clock = clockOf(plan);
  const progress = options.json
    ? undefined
    : createProgressPrinter(
        (line) => io.out(line),
        clock,
        plan.start.kind === 'new' ? undefined : { machine: plan.machine, state: plan.start.state },
      );
  let execution: Execution;
  try {
    const taskRunner = await taskRunnerFor(io, plan.tasks, plan.launch.stateMachineName, {
      ids: nodeIds,
      now: () => clock.now(),
    });
    const observer: StateObserver | undefined = progress?.observer;
    execution = executionOf(plan, {
      clock,
      taskRunner,
      ids: nodeIds,
      random: nodeRandom,
      files: createNodeFileStore(dirname(resolve(plan.file))),
      ...(observer && { observer }),
    });
  } catch (error) {
    if (!(error instanceof RunSetupError)) throw error;
    for (const problem of error.problems) io.err(`stepwise run: ${error.file}: ${problem}`);
    return EXIT.usage;
  }

  const recorder = store === undefined ? undefined : openRecorder(io, store, plan, execution);
  if (recorder === 'refused') return EXIT.usage;
  const executionId = execution.state.info.name;
  io.err(`execution ${executionId}`);
  if (!options.json) io.out(headline(plan, execution));
  let result: ExecutionResult | 'stalled';
  try {
    result = await untilSettledOrStalled(
      recorder === undefined ? execution.run() : runRecorded(execution, recorder),
    );
  } finally {
    recorder?.close();
  }
  progress?.finish();
  if (result === 'stalled') {
    const waiting = execution.state.frames.at(-1)?.state ?? 'a Task';
    io.err(
      `stepwise run: the run stopped at '${waiting}': its handler returned a promise that nothing can settle any more (no timer, no I/O pending).`,
    );
    return EXIT.problems;
  }

  if (options.json) {
    io.out(JSON.stringify(jsonReport(executionId, result, options.history ? execution.history : undefined)));
  } else {
    if (options.history) for (const line of historyLines(execution.history)) io.out(line);
    for (const line of textReport(result, execution.history)) io.out(line);
  }
  return result.status === 'SUCCEEDED' ? EXIT.ok : EXIT.problems;
}

/** The store as chosen: `<DIR>/executions` for `--store DIR`, `.stepwise/executions` here by default. */
function storeOf(choice: StoreChoice): ExecutionStore | undefined {
  if (choice.kind === 'none') return undefined;
  return openExecutionStore(
    choice.kind === 'folder'
      ? executionsDirectoryIn(resolve(choice.path))
      : defaultStoreDirectory(process.cwd()),
  );
}

function clockOf(plan: RunPlan): Clock {
  return clockFor(plan.launch.clock, plan.start.kind === 'new' ? undefined : plan.start.state);
}

function executionOf(plan: RunPlan, ports: ExecutionPorts): Execution {
  if (plan.start.kind !== 'new') return resumeExecution(plan.machine, plan.start.state, ports);
  return createExecution(
    plan.machine,
    plan.start.input,
    {
      workflowType: plan.launch.workflowType,
      stateMachineName: plan.launch.stateMachineName,
      name: nodeIds.uuid(),
    },
    ports,
  );
}

/**
 * The recording of the run: a new execution file, or the stored one appended to. A folder that
 * cannot be written is a usage error, said before anything runs.
 */
function openRecorder(
  io: CliIo,
  store: ExecutionStore,
  plan: RunPlan,
  execution: Execution,
): ExecutionRecorder | 'refused' {
  try {
    if (plan.start.kind !== 'new') return store.append(plan.start.stored);
    return store.create(
      { program: resolve(plan.file), definition: plan.definition, launch: plan.launch },
      execution.state,
    );
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
    if (code === undefined) throw error;
    io.err(
      `stepwise run: cannot store the execution in ${store.directory} (${code}); choose another folder with '--store DIR', or run with '--no-store'.`,
    );
    return 'refused';
  }
}

function headline(plan: RunPlan, execution: Execution): string {
  const what = `${plan.launch.stateMachineName} (${plan.launch.workflowType}) from ${plan.file}`;
  if (plan.start.kind === 'new') return `Running ${what}`;
  const history = execution.history;
  if (plan.start.kind === 'redrive') return `Redriving ${what}, from the state that failed`;
  const last = history.at(-1);
  return `Resuming ${what}, after event ${history.length}${last === undefined ? '' : ` (${last.type})`}`;
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
