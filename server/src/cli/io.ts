import type { ModuleImporter } from '../engine/tasks';
import { withoutBom } from '../node/text';

/** What the CLI needs from the world, so the verbs run the same in a terminal and in tests. */
export interface CliIo {
  readFile(path: string): Promise<string>;
  /** One line to standard output. */
  out(line: string): void;
  /** One line to standard error. */
  err(line: string): void;
  /** Whether standard output is a terminal (colour, symbols). */
  readonly isTty: boolean;
  /**
   * Imports handler modules. The installed CLI passes its launcher's import(): the bundle runs
   * through vm, where import() is not available. Without it, the engine's own importModule.
   */
  readonly importModule?: ModuleImporter;
}

/** Exit codes: 0 fine, 1 the files have errors, 2 the command line or a file could not be used. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A file's text without a byte order mark; an unreadable file is a usage error naming it. */
export async function readText(io: CliIo, file: string): Promise<string> {
  try {
    return withoutBom(await io.readFile(file));
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new UsageError(`cannot read '${file}' (${reason})`);
  }
}
