/**
 * The `stepwise` command as installed (dist/cli.js): a small launcher that runs the CLI's bundle
 * (dist/cliMain.js) through V8's code cache, so that a process does not compile it anew.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadBundle } from '../launcher/codeCache';
import type { ExitCode } from './io';
import type { CliHost, CliMain } from './main';

/** EXIT.usage: only types are imported from the CLI, so that the launcher stays small. */
const USAGE_ERROR: ExitCode = 2;

/** The SHA-256 of dist/cliMain.js (its first 16 hex digits), written in by esbuild.mjs. */
declare const STEPWISE_BUNDLE_HASH: string;

const command = process.argv[2];
const bundle = loadBundle({
  file: join(__dirname, 'cliMain.js'),
  contentHash: STEPWISE_BUNDLE_HASH,
  // `run` calls other functions than `validate`: each command keeps the code it uses.
  variant: command !== undefined && /^[a-z]{1,16}$/.test(command) ? command : 'other',
  env: process.env,
});
const exported: unknown = Reflect.get(Object(bundle.exports), 'main');
if (!isCliMain(exported)) throw new Error('dist/cliMain.js does not export the CLI’s main function.');

// Code compiled by vm cannot import(); this module, loaded by Node itself, can.
const host: CliHost = { importModule: (path) => import(pathToFileURL(path).href) };

void exported(host).then((code) => {
  // A command refused at its command line or its files did little: its code would be a poor cache.
  if (code !== USAGE_ERROR) bundle.saveCodeCache();
  process.exitCode = code;
});

function isCliMain(value: unknown): value is CliMain {
  return typeof value === 'function';
}
