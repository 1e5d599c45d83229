import { choiceOption, parseArgs, type ParsedArgs } from './args';
import { UsageError } from './io';
import type { StoredLaunch } from '../store';

export const RUN_USAGE = `Usage: stepwise run FILE [options]
       stepwise run --resume ID [FILE] [options]
       stepwise run --redrive ID [FILE] [options]

Runs a workflow locally: each state is printed as it runs (name, type, duration), then the
execution's status and output. Time is virtual unless '--clock real' is given: Wait states and
Retry intervals take no real time.

Every run is stored as it goes, one event at a time, so that a run that was interrupted can be
resumed and a failed one redriven. Its id is printed on stderr when it starts: "execution <id>".

Exits with 0 when the execution succeeds, 1 when it fails, times out or is aborted, and 2 when the
command line is wrong, a file cannot be used, the definition is invalid or a stored execution
cannot be continued.

Options:
  --input JSON          the execution input (default {})
  --input-file F        read the execution input from a JSON file
  --mocks F             a Step Functions Local MockConfigFile answering Task states...
  --test-case NAME      ...with this test case of the state machine
  --handlers F          a JSON file mapping state names, Resource ARNs or function names to
                        local Lambda-style handlers: { "State": "./handlers.mjs#exportName" };
                        or a .js/.mjs/.cjs module whose exports are named after them
  --name NAME           the state machine name (default: FILE without .asl.json, .asl.yaml, ...)
  --type STANDARD|EXPRESS
                        the workflow type (default STANDARD)
  --clock virtual|real  virtual (default): waits take no time; real: Wait states and Retry
                        intervals take as long as they say
  --history             also print the execution's history events
  --json                print one JSON object {executionId, status, output, error, cause[, history]}
                        and nothing else on stdout

Stored executions:
  --store DIR           store executions in DIR/executions/<id>.jsonl (default DIR: .stepwise in
                        the current directory); the folder ignores itself in git
  --no-store            do not store this run: it cannot be resumed or redriven
  --resume ID           continue an interrupted execution from its last recorded event; the
                        Tasks that completed are not run again
  --redrive ID          run a failed, timed out or aborted execution again from the state that
                        failed, as Step Functions' RedriveExecution does
  A resumed or redriven execution keeps the definition, input, mocks, handlers, name, type and
  clock it was started with, so those options are refused with '--resume' and '--redrive'.
  FILE may be left out; when given, it must be the file the execution was started from.`;

export type InputSource =
  | { readonly kind: 'none' }
  | { readonly kind: 'inline'; readonly text: string }
  | { readonly kind: 'file'; readonly path: string };

/** Where executions are stored: the default folder, a folder given with `--store`, or nowhere. */
export type StoreChoice =
  | { readonly kind: 'default' }
  | { readonly kind: 'folder'; readonly path: string }
  | { readonly kind: 'none' };

/** A run of FILE from its start. */
export interface NewRunOptions {
  readonly kind: 'new';
  readonly file: string;
  readonly input: InputSource;
  readonly mocks: { readonly file: string; readonly testCase: string } | undefined;
  readonly handlers: string | undefined;
  readonly name: string | undefined;
  readonly type: 'STANDARD' | 'EXPRESS';
  readonly clock: StoredLaunch['clock'];
}

/** A stored execution continued: resumed after an interruption, or redriven after a failure. */
export interface ContinueOptions {
  readonly kind: 'resume' | 'redrive';
  readonly id: string;
  /** The workflow file, when given: it must be the one the execution was started from. */
  readonly file: string | undefined;
}

export interface RunOptions {
  readonly start: NewRunOptions | ContinueOptions;
  readonly store: StoreChoice;
  readonly history: boolean;
  readonly json: boolean;
}

/** What a stored execution keeps from its start, so these cannot be given again to continue it. */
const KEPT_BY_THE_STORE = ['input', 'input-file', 'mocks', 'test-case', 'handlers', 'name', 'type', 'clock'];

/** Reads `stepwise run` arguments; every misuse is a UsageError naming the option. */
export function parseRunOptions(args: readonly string[]): RunOptions {
  const parsed = parseArgs(args, {
    input: 'value',
    'input-file': 'value',
    mocks: 'value',
    'test-case': 'value',
    handlers: 'value',
    name: 'value',
    type: 'value',
    clock: 'value',
    history: 'flag',
    json: 'flag',
    store: 'value',
    'no-store': 'flag',
    resume: 'value',
    redrive: 'value',
  });
  const value = (name: string): string | undefined => {
    const option = parsed.options.get(name);
    return typeof option === 'string' ? option : undefined;
  };
  const store = value('store');
  const noStore = parsed.options.get('no-store') === true;
  if (store !== undefined && noStore)
    throw new UsageError("give either '--store DIR' or '--no-store', not both");
  if (store === '') throw new UsageError("option '--store' needs a non-empty value");
  return {
    start: parseStart(parsed, value, noStore),
    store: noStore
      ? { kind: 'none' }
      : store !== undefined
        ? { kind: 'folder', path: store }
        : { kind: 'default' },
    history: parsed.options.get('history') === true,
    json: parsed.options.get('json') === true,
  };
}

function parseStart(
  parsed: ParsedArgs,
  value: (name: string) => string | undefined,
  noStore: boolean,
): NewRunOptions | ContinueOptions {
  const resume = value('resume');
  const redrive = value('redrive');
  if (resume !== undefined && redrive !== undefined) {
    throw new UsageError("give either '--resume ID' or '--redrive ID', not both");
  }
  const continued = resume ?? redrive;
  const [file, ...rest] = parsed.positionals;
  if (continued === undefined) {
    if (file === undefined || rest.length > 0) throw new UsageError('run takes exactly one FILE');
    return parseNewRun(parsed, value, file);
  }
  const option = resume !== undefined ? '--resume' : '--redrive';
  if (continued === '') throw new UsageError(`option '${option}' needs an execution id`);
  if (rest.length > 0) throw new UsageError(`'${option}' takes at most one FILE`);
  if (noStore) throw new UsageError(`'${option}' reads the execution from the store: drop '--no-store'`);
  const kept = KEPT_BY_THE_STORE.find((name) => parsed.options.has(name));
  if (kept !== undefined) {
    throw new UsageError(
      `'--${kept}' cannot be combined with '${option}': the execution keeps what it was started with`,
    );
  }
  return { kind: resume !== undefined ? 'resume' : 'redrive', id: continued, file };
}

function parseNewRun(
  parsed: ParsedArgs,
  value: (name: string) => string | undefined,
  file: string,
): NewRunOptions {
  const inline = value('input');
  const inputFile = value('input-file');
  if (inline !== undefined && inputFile !== undefined) {
    throw new UsageError("give the input either with '--input' or with '--input-file', not both");
  }
  const mocksFile = value('mocks');
  const testCase = value('test-case');
  if (mocksFile !== undefined && testCase === undefined) {
    throw new UsageError("'--mocks' needs '--test-case NAME' to choose the test case to run");
  }
  if (testCase !== undefined && mocksFile === undefined) {
    throw new UsageError("'--test-case' needs '--mocks FILE' holding the test case");
  }
  const name = value('name');
  if (name === '') throw new UsageError("option '--name' needs a non-empty value");
  return {
    kind: 'new',
    file,
    input:
      inline !== undefined
        ? { kind: 'inline', text: inline }
        : inputFile !== undefined
          ? { kind: 'file', path: inputFile }
          : { kind: 'none' },
    mocks: mocksFile !== undefined && testCase !== undefined ? { file: mocksFile, testCase } : undefined,
    handlers: value('handlers'),
    name,
    type: choiceOption(parsed, 'type', ['STANDARD', 'EXPRESS'] as const, 'STANDARD'),
    clock: choiceOption(parsed, 'clock', ['virtual', 'real'] as const, 'virtual'),
  };
}
