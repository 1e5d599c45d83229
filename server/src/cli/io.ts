/** What the CLI needs from the world, so the verbs run the same in a terminal and in tests. */
export interface CliIo {
  readFile(path: string): Promise<string>;
  /** One line to standard output. */
  out(line: string): void;
  /** One line to standard error. */
  err(line: string): void;
  /** Whether standard output is a terminal (colour, symbols). */
  readonly isTty: boolean;
}

/** Exit codes: 0 fine, 1 the files have errors, 2 the command line or a file could not be used. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class UsageError extends Error {
  override readonly name = 'UsageError';
}
