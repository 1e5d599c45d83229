import type jsonata from 'jsonata';

/** The jsonata library's entry point: compiles an expression. */
export type JsonataLibrary = typeof jsonata;

let library: JsonataLibrary | undefined;

/**
 * The jsonata library, loaded on first use. Most workflows hold no JSONata, and every process
 * that loads the tool (each `stepwise run`, each debug session) paid for loading it and for
 * compiling an expression at start. A require() in place, which esbuild bundles as a module
 * initialised on its first call.
 */
export function jsonataLibrary(): JsonataLibrary {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily on purpose (see above)
  return (library ??= require('jsonata') as JsonataLibrary);
}
