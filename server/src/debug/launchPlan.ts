import * as path from 'node:path';
import { buildModel, formatOf, parseDocument } from '../asl';
import {
  isJsonValue,
  DEPTH_LIMIT_TEXT,
  nestsTooDeep,
  parseJson,
  type ExecutionState,
  type JsonValue,
} from '../engine';
import { stateMachineName } from '../engine/tasks';
import {
  openExecutionStore,
  StoreError,
  type ExecutionStore,
  type StoredExecution,
  type StoredLaunch,
} from '../store';
import { prepareContinuedRun } from '../prepareRun';
import type { LaunchArgs } from './launchArgs';
import { loadProgram, type WorkflowProgram } from './workflowProgram';
import { readTextFile } from '../node/text';

/** Everything a session needs to start, worked out from the launch arguments (and the store). */
export interface LaunchPlan {
  readonly program: WorkflowProgram;
  readonly launch: StoredLaunch;
  readonly store: ExecutionStore | undefined;
  /** A new run's input; undefined when continuing a stored one. */
  readonly input: JsonValue;
  /** The state to continue from (resume, redrive), or undefined for a new run. */
  readonly continueFrom:
    | {
        readonly kind: 'resume' | 'redrive';
        readonly id: string;
        readonly state: ExecutionState;
        /** As loaded: the recording goes on in it. */
        readonly stored: StoredExecution;
      }
    | undefined;
}

export type LaunchPlanResult =
  | { readonly kind: 'ok'; readonly plan: LaunchPlan }
  | { readonly kind: 'invalid'; readonly message: string; readonly diagnostics: readonly string[] };

/**
 * Handlers are user code: refused when the editor says the workspace is not trusted (the
 * adapter factory sets STEPWISE_UNTRUSTED for such sessions; it also refuses them up front).
 */
export function handlersAllowed(): boolean {
  return process.env['STEPWISE_UNTRUSTED'] !== '1';
}

export async function planLaunch(args: LaunchArgs): Promise<LaunchPlanResult> {
  const store =
    args.persist === undefined || args.persist === ''
      ? undefined
      : openExecutionStore(path.resolve(args.persist));
  const storedId = args.resume ?? args.redrive;
  if (storedId !== undefined) return planContinue(args, store, storedId);
  if (args.program === undefined) return invalid('The launch configuration has no "program".');
  const file = path.resolve(args.program);
  const loaded = await loadProgram(file);
  if (loaded.kind === 'invalid') return loaded;
  const input = await inputOf(args);
  if (input.kind === 'invalid') return invalid(input.message);
  const launch: StoredLaunch = {
    stateMachineName: stateMachineName(file, args.stateMachineName),
    workflowType: 'STANDARD',
    clock: args.clock ?? 'virtual',
    ...(args.mocks === undefined ? {} : { mocks: path.resolve(args.mocks) }),
    ...(args.testCase === undefined ? {} : { testCase: args.testCase }),
    ...(args.handlers === undefined ? {} : { handlers: path.resolve(args.handlers) }),
  };
  return {
    kind: 'ok',
    plan: { program: loaded.program, launch, store, input: input.value, continueFrom: undefined },
  };
}

async function planContinue(
  args: LaunchArgs,
  store: ExecutionStore | undefined,
  id: string,
): Promise<LaunchPlanResult> {
  const verb = args.resume !== undefined ? 'resume' : 'redrive';
  if (store === undefined) {
    return invalid(
      `To ${verb} an execution, "persist" must name the folder it is stored in (such as "\${workspaceFolder}/.stepwise/executions").`,
    );
  }
  let stored: StoredExecution;
  try {
    stored = store.load(id);
  } catch (error) {
    if (error instanceof StoreError) return invalid(error.message);
    throw error;
  }
  const continued = prepareContinuedRun(stored, verb, Date.now());
  if (continued.kind === 'refused') return invalid(continued.message);
  if (continued.kind === 'notCompilable')
    return invalid(`The stored definition of '${id}' cannot run: ${continued.message}`);
  const file = stored.header.program;
  // The stored definition runs; the file (as it is now) only places breakpoints and frames.
  let text: string;
  try {
    text = await readTextFile(file);
  } catch {
    text = JSON.stringify(stored.header.definition, null, 2);
  }
  const document = parseDocument(text, formatOf(file));
  const program: WorkflowProgram = {
    file,
    document,
    model: buildModel(document),
    definition: stored.header.definition,
    machine: continued.machine,
  };
  return {
    kind: 'ok',
    plan: {
      program,
      launch: stored.header.launch,
      store,
      input: stored.header.info.input,
      continueFrom: { kind: verb, id, state: continued.state, stored },
    },
  };
}

type InputResult =
  { readonly kind: 'ok'; readonly value: JsonValue } | { readonly kind: 'invalid'; readonly message: string };

/** The execution input: the file's JSON, the `input` attribute (any JSON value, a string too), or {}. */
async function inputOf(args: LaunchArgs): Promise<InputResult> {
  const refuse = (message: string): InputResult => ({ kind: 'invalid', message });
  if (args.inputFile !== undefined) {
    let text: string;
    try {
      text = await readTextFile(path.resolve(args.inputFile));
    } catch (error) {
      return refuse(
        `The input file ${args.inputFile} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    try {
      return { kind: 'ok', value: parseJson(text) };
    } catch (error) {
      return refuse(
        `The input file ${args.inputFile} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  if (args.input === undefined) return { kind: 'ok', value: {} };
  // Depth first: the JSON check recurses.
  if (nestsTooDeep(args.input))
    return refuse(`The launch attribute "input" nests arrays and objects ${DEPTH_LIMIT_TEXT}.`);
  return isJsonValue(args.input)
    ? { kind: 'ok', value: args.input }
    : refuse('The launch attribute "input" must be a JSON value.');
}

function invalid(message: string): LaunchPlanResult {
  return { kind: 'invalid', message, diagnostics: [] };
}
