import { buildSync } from 'esbuild';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type * as Shipped from './shippedEntry';

/**
 * Our code as it ships. The extension, the language server and the CLI run esbuild bundles
 * (esbuild.mjs); running the TypeScript sources through tsx instead turns every call between
 * modules into a property getter (tsx compiles each file to CommonJS on its own), which made
 * the rules about 1.5× slower than in the bundle and added tsx's compiling to every cold start.
 * The bench bundles its entry points with the same options as dist/ and times those.
 */
export type ShippedApi = typeof Shipped;

const HERE = __dirname;

/**
 * Where the bundles go: inside node_modules, so that the packages they leave out (the AWS
 * service) resolve from there as they do from the sources.
 */
export const BENCH_DIRECTORY = path.join(HERE, '..', '..', 'node_modules', '.cache', 'stepwise-bench');

/** Bundles `entry` (a file next to this one) into BENCH_DIRECTORY; returns the bundle's path. */
export function bundle(entry: string, external: readonly string[] = []): string {
  const outfile = path.join(BENCH_DIRECTORY, `${path.parse(entry).name}.cjs`);
  buildSync({
    entryPoints: [path.join(HERE, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    // As in esbuild.mjs: jsonc-parser's UMD build hides its requires from the bundler.
    mainFields: ['module', 'main'],
    external: [...external],
  });
  return outfile;
}

/** Loads the bundle of shippedEntry.ts. */
export function loadShipped(file: string): ShippedApi {
  const loaded: unknown = createRequire(__filename)(file);
  if (!isShippedApi(loaded)) throw new Error(`${file} does not export the benchmark's entry points`);
  return loaded;
}

function isShippedApi(value: unknown): value is ShippedApi {
  if (typeof value !== 'object' || value === null) return false;
  const names: readonly (keyof ShippedApi)[] = [
    'buildModel',
    'parseDocument',
    'validate',
    'checkSchema',
    'completeAt',
    'hoverAt',
  ];
  return names.every((name) => name in value && typeof Reflect.get(value, name) === 'function');
}
