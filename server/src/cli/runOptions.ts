import { choiceOption, parseArgs } from './args';
import { UsageError } from './io';

export const RUN_USAGE = `Usage: stepwise run FILE [options]

Runs a workflow locally: each state is printed as it runs (name, type, duration), then the
execution's status and output. Time is virtual: Wait states and Retry intervals take no real time.
Exits with 0 when the execution succeeds, 1 when it fails, times out or is aborted, and 2 when the
command line is wrong, a file cannot be used or the definition is invalid.

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
  --history             also print the execution's history events
  --json                print one JSON object {status, output, error, cause[, history]} and nothing else`;

export type InputSource =
  | { readonly kind: 'none' }
  | { readonly kind: 'inline'; readonly text: string }
  | { readonly kind: 'file'; readonly path: string };

export interface RunOptions {
  readonly file: string;
  readonly input: InputSource;
  readonly mocks: { readonly file: string; readonly testCase: string } | undefined;
  readonly handlers: string | undefined;
  readonly name: string | undefined;
  readonly type: 'STANDARD' | 'EXPRESS';
  readonly history: boolean;
  readonly json: boolean;
}

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
    history: 'flag',
    json: 'flag',
  });
  const [file, ...rest] = parsed.positionals;
  if (file === undefined || rest.length > 0) throw new UsageError('run takes exactly one FILE');
  const value = (name: string): string | undefined => {
    const option = parsed.options.get(name);
    return typeof option === 'string' ? option : undefined;
  };
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
    history: parsed.options.get('history') === true,
    json: parsed.options.get('json') === true,
  };
}
