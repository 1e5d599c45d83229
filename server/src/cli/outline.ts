import { countStates, outlineStates, renderOutline } from '../asl';
import { parseArgs } from './args';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io';
import { loadDocument } from './loadDocument';

export const OUTLINE_USAGE = `Usage: stepwise outline FILE

Prints the states of a workflow as a tree: each state with its type, Parallel branches and
Map processors nested under their state, the StartAt state of each scope marked with ▶.`;

export async function outlineCommand(io: CliIo, args: readonly string[]): Promise<ExitCode> {
  const parsed = parseArgs(args, {});
  const [file, ...rest] = parsed.positionals;
  if (file === undefined || rest.length > 0) throw new UsageError('outline takes exactly one FILE');
  const document = await loadDocument(io, file);
  const outline = outlineStates(document.model);
  if (outline === undefined) {
    io.err(`${file}: no state machine object to outline`);
    return EXIT.problems;
  }
  io.out(`${file}: ${countStates(outline)} states, starting at ${outline.startAt ?? '(no StartAt)'}`);
  for (const line of renderOutline(outline)) io.out(line);
  return EXIT.ok;
}
