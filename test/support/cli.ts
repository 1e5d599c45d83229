import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { CliIo } from '../../server/src/cli/io';
import { runCli } from '../../server/src/cli/run';

export const REPOSITORY_ROOT = path.join(import.meta.dirname, '..', '..');

export interface Captured {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the CLI in-process with real files (relative to the repository root) and captured output. */
export async function cli(...args: string[]): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readFile: (file) => readFile(path.resolve(REPOSITORY_ROOT, file), 'utf8'),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    isTty: false,
  };
  const code = await runCli(io, args, '9.9.9');
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** What `stepwise run --json` prints (`history` with `--history`). */
export interface RunReport {
  executionId: string;
  status: string;
  output: unknown;
  error: string | null;
  cause: string | null;
  history?: { id: number; type: string; timestamp: string }[];
}

/** The report of a `stepwise run --json`, run in process (`out`) or as a process (`stdout`). */
export function runReport(captured: { readonly out: string } | { readonly stdout: string }): RunReport {
  return JSON.parse('out' in captured ? captured.out : captured.stdout) as RunReport;
}
