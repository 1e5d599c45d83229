/** The `stepwise` command: process glue around runCli (real files, real streams, the exit code). */
import { readFile } from 'node:fs/promises';
import { importModule, type ModuleImporter } from '../engine/tasks';
import type { CliIo, ExitCode } from './io';
import { runCli } from './run';

/** What the launcher (launch.ts) hands the bundle it runs. */
export interface CliHost {
  /** Imports handler modules: code that V8's code cache loaded through vm cannot call import() itself. */
  readonly importModule: ModuleImporter;
}

export type CliMain = (host: CliHost) => Promise<ExitCode>;

/** Runs the command line of this process; the caller sets the exit code. */
export const main: CliMain = (host) => {
  // `stepwise run ... | head` closes the pipe early: the command goes on to its end (a run is
  // not cut short by its reader leaving) and writes nothing more, instead of dying on EPIPE.
  let readerGone = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    readerGone = true;
  });
  const io: CliIo = {
    readFile: (path: string) => readFile(path, 'utf8'),
    out: (line: string) => {
      if (!readerGone) process.stdout.write(`${line}\n`);
    },
    err: (line: string) => process.stderr.write(`${line}\n`),
    isTty: process.stdout.isTTY === true,
    importModule: host.importModule,
  };
  return runCli(io, process.argv.slice(2), process.env['STEPWISE_VERSION'] ?? '0.0.0-dev');
};

// Run directly (`node --import tsx server/src/cli/main.ts`, or dist/cliMain.js), this module is
// the command itself, importing handlers with its own import().
if (require.main === module) {
  void main({ importModule }).then((code) => {
    process.exitCode = code;
  });
}
