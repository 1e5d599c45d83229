import { UsageError } from './io';

/** A parsed command line: positional arguments and `--name value` / `--flag` options. */
export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly options: ReadonlyMap<string, string | true>;
}

/**
 * Parses `args` against the options a verb accepts: names mapped to whether they take a value.
 * `--name=value` and `--name value` both work; `--` ends the options.
 */
export function parseArgs(
  args: readonly string[],
  accepted: Readonly<Record<string, 'flag' | 'value'>>,
): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const [rawName = '', inline] = splitOnce(arg.replace(/^--?/, ''), '=');
    const kind = accepted[rawName];
    if (kind === undefined) throw new UsageError(`unknown option '${arg}'`);
    if (kind === 'flag') {
      if (inline !== undefined) throw new UsageError(`option '--${rawName}' takes no value`);
      options.set(rawName, true);
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`option '--${rawName}' needs a value`);
    }
    options.set(rawName, value);
  }
  return { positionals, options };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** The value of a `--name value` option restricted to a set of choices. */
export function choiceOption<T extends string>(
  parsed: ParsedArgs,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const value = parsed.options.get(name);
  if (value === undefined) return fallback;
  const match = choices.find((c) => c === value);
  if (match === undefined) throw new UsageError(`option '--${name}' must be one of: ${choices.join(', ')}`);
  return match;
}
