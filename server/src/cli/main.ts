/** The `stepwise` command: process glue around runCli (real files, real streams, the exit code). */
import { readFile } from 'node:fs/promises';
import { runCli } from './run';

const io = {
  readFile: (path: string) => readFile(path, 'utf8'),
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
  isTty: process.stdout.isTTY === true,
};

void runCli(io, process.argv.slice(2), process.env['STEPWISE_VERSION'] ?? '0.0.0-dev').then((code) => {
  process.exitCode = code;
});
