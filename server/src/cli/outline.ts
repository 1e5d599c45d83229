import { outlineStates, type ScopeOutline, type StateOutline } from '../asl';
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
  for (const line of renderScope(outline, '')) io.out(line);
  return EXIT.ok;
}

export function renderScope(scope: ScopeOutline, indent: string): string[] {
  return scope.states.flatMap((state) => renderState(state, indent, state.name === scope.startAt));
}

function renderState(state: StateOutline, indent: string, isStart: boolean): string[] {
  const lines = [`${indent}${isStart ? '▶' : ' '} ${state.name} (${state.type ?? 'no Type'})`];
  for (const scope of state.scopes) {
    lines.push(`${indent}    ${scope.label}:`);
    lines.push(...renderScope(scope, `${indent}      `));
  }
  return lines;
}

function countStates(scope: ScopeOutline): number {
  return scope.states.reduce((n, s) => n + 1 + s.scopes.reduce((m, c) => m + countStates(c), 0), 0);
}
