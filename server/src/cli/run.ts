import { GRAPH_USAGE, graphCommand } from './graph';
import { OUTLINE_USAGE, outlineCommand } from './outline';
import { RUN_USAGE, runCommand } from './runCommand';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io';
import { VALIDATE_USAGE, validateCommand } from './validate';

interface Verb {
  readonly summary: string;
  readonly usage: string;
  run(io: CliIo, args: readonly string[]): Promise<ExitCode>;
}

const VERBS: Readonly<Record<string, Verb>> = {
  validate: {
    summary: 'check workflow definitions and print their problems',
    usage: VALIDATE_USAGE,
    run: validateCommand,
  },
  outline: { summary: 'print the states of a workflow as a tree', usage: OUTLINE_USAGE, run: outlineCommand },
  graph: { summary: 'draw the state graph as SVG, JSON or DOT', usage: GRAPH_USAGE, run: graphCommand },
  run: {
    summary: 'run a workflow locally and print its states and result',
    usage: RUN_USAGE,
    run: runCommand,
  },
};

function mainUsage(): string {
  const width = Math.max(...Object.keys(VERBS).map((name) => name.length));
  const verbs = Object.entries(VERBS).map(([name, verb]) => `  ${name.padEnd(width)}  ${verb.summary}`);
  return [
    'Usage: stepwise <command> [options]',
    '',
    'Stepwise: author, check and run AWS Step Functions workflows (Amazon States Language).',
    '',
    'Commands:',
    ...verbs,
    '',
    'Options:',
    '  -h, --help     show help (also: stepwise <command> --help)',
    '  -v, --version  show the version',
  ].join('\n');
}

/** Runs one command line and returns the exit code; never throws. */
export async function runCli(io: CliIo, args: readonly string[], version: string): Promise<ExitCode> {
  const [first, ...rest] = args;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    const topic = first === 'help' && rest[0] !== undefined ? VERBS[rest[0]] : undefined;
    io.out(topic?.usage ?? mainUsage());
    return EXIT.ok;
  }
  if (first === '-v' || first === '--version') {
    io.out(version);
    return EXIT.ok;
  }
  const verb = VERBS[first];
  if (verb === undefined) {
    io.err(`stepwise: unknown command '${first}'. Run 'stepwise --help' for the list.`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(verb.usage);
    return EXIT.ok;
  }
  try {
    return await verb.run(io, rest);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`stepwise ${first}: ${error.message}`);
      io.err(`Run 'stepwise ${first} --help' for usage.`);
      return EXIT.usage;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.err(`stepwise ${first}: internal error: ${detail}`);
    return EXIT.usage;
  }
}
