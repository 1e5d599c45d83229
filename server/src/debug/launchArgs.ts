/**
 * The arguments of a `stepwise` launch request. They mirror the debugger's
 * `configurationAttributes.launch` in package.json: keep the two in step (a test compares them).
 */
import { isRecord } from '../guards';
import type { StoredLaunch } from '../store';

export interface LaunchArgs {
  /** The workflow definition to run (.asl.json, .asl.yaml); optional with `resume`/`redrive`. */
  readonly program?: string;
  /** The execution input: any JSON value. */
  readonly input?: unknown;
  /** A JSON file holding the execution input (instead of `input`). */
  readonly inputFile?: string;
  /** A Step Functions Local MockConfigFile answering Task states. */
  readonly mocks?: string;
  /** The test case of the mocks file to use. */
  readonly testCase?: string;
  /** A local module exporting Lambda-style handlers (trusted workspaces only). */
  readonly handlers?: string;
  /** The state machine name used in ARNs and the context object. */
  readonly stateMachineName?: string;
  readonly stopOnEntry?: boolean;
  readonly clock?: StoredLaunch['clock'];
  /** The folder where executions are stored so that they can be resumed ("" stores nothing). */
  readonly persist?: string;
  /** The id of a stored execution to continue from where it was interrupted. */
  readonly resume?: string;
  /** The id of a stored failed execution to run again from the state that failed. */
  readonly redrive?: string;
  /** Set by VS Code for "Run Without Debugging". */
  readonly noDebug?: boolean;
}

/** The attributes package.json declares, in its order. */
export const LAUNCH_ATTRIBUTES = [
  'program',
  'input',
  'inputFile',
  'mocks',
  'testCase',
  'handlers',
  'stateMachineName',
  'stopOnEntry',
  'clock',
  'persist',
  'resume',
  'redrive',
] as const;

export type LaunchArgsResult =
  { readonly kind: 'ok'; readonly args: LaunchArgs } | { readonly kind: 'invalid'; readonly message: string };

const STRING_ATTRIBUTES = [
  'inputFile',
  'mocks',
  'testCase',
  'handlers',
  'stateMachineName',
  'persist',
  'resume',
  'redrive',
] as const satisfies readonly (keyof LaunchArgs)[];

/**
 * Checks the launch request's arguments, which arrive untyped from launch.json. The first wrong
 * attribute is named in the message. Attributes it does not know (VS Code adds `__sessionId`,
 * `name`, `type`...) are ignored.
 */
export function toLaunchArgs(value: unknown): LaunchArgsResult {
  if (!isRecord(value)) return invalid('The launch configuration must be an object.');
  const program = value['program'];
  const continues = typeof value['resume'] === 'string' || typeof value['redrive'] === 'string';
  if ((program === undefined || program === '') && !continues) {
    return invalid(
      'The launch configuration has no "program": set it to the workflow file to run (.asl.json, .asl.yaml), for example "${file}".',
    );
  }
  if (program !== undefined && typeof program !== 'string')
    return wrongType('program', 'a file path (string)', program);

  let args: LaunchArgs = program === undefined || program === '' ? {} : { program };
  for (const key of STRING_ATTRIBUTES) {
    const attribute = value[key];
    if (attribute === undefined) continue;
    if (typeof attribute !== 'string') return wrongType(key, 'a string', attribute);
    args = { ...args, [key]: attribute };
  }
  for (const key of ['stopOnEntry', 'noDebug'] as const) {
    const attribute = value[key];
    if (attribute === undefined) continue;
    if (typeof attribute !== 'boolean') return wrongType(key, 'true or false', attribute);
    args = { ...args, [key]: attribute };
  }
  const clock = value['clock'];
  if (clock !== undefined) {
    if (clock !== 'virtual' && clock !== 'real') return wrongType('clock', '"virtual" or "real"', clock);
    args = { ...args, clock };
  }
  if (args.resume !== undefined && args.redrive !== undefined) {
    return invalid(
      'The launch configuration has both "resume" and "redrive": an execution is either resumed or redriven.',
    );
  }
  if (value['input'] !== undefined) {
    if (value['inputFile'] !== undefined) {
      return invalid('The launch configuration has both "input" and "inputFile": keep only one of them.');
    }
    args = { ...args, input: value['input'] };
  }
  return { kind: 'ok', args };
}

function invalid(message: string): LaunchArgsResult {
  return { kind: 'invalid', message };
}

function wrongType(key: string, expected: string, actual: unknown): LaunchArgsResult {
  return invalid(`The launch attribute "${key}" must be ${expected}, not ${describe(actual)}.`);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}
