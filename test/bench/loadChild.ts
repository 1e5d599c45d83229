/**
 * One cold definition load, run by engine.bench.ts in a fresh Node process: the first call of
 * the tool's load-and-validate in a process that has only loaded the tool, which is what a user
 * waits for before a run starts. Module loading is not on the clock (the whole-process table
 * counts it). Prints `{ "ms" }` or `{ "error" }` as JSON on its last line.
 *
 *   node --import tsx loadChild.ts stepwise ENGINE_API_BUNDLE FILE
 *   node --import tsx loadChild.ts anchor FILE
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadAnchorPolyfill, validateWithAnchor } from './anchor';
import type * as EngineApi from './engineApi';

async function main(): Promise<void> {
  const [tool, ...rest] = process.argv.slice(2);
  if (tool === 'stepwise') {
    const [bundle, file] = rest;
    // The bundle is built from engineApi.ts itself, so it has that module's type.
    const api = createRequire(__filename)(bundle ?? '') as typeof EngineApi;
    const text = readFileSync(file ?? '', 'utf8');
    const start = process.hrtime.bigint();
    const prepared = api.prepareRun(api.parseDocument(text, 'json'));
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (prepared.kind !== 'ok') throw new Error(`the workflow cannot run (${prepared.kind})`);
    console.log(JSON.stringify({ ms }));
    return;
  }
  await loadAnchorPolyfill();
  const text = readFileSync(rest[0] ?? '', 'utf8');
  const start = process.hrtime.bigint();
  const definition: unknown = JSON.parse(text);
  if (typeof definition !== 'object' || definition === null) throw new Error('not an object');
  validateWithAnchor(definition as Record<string, unknown>);
  console.log(JSON.stringify({ ms: Number(process.hrtime.bigint() - start) / 1e6 }));
}

main().catch((error: unknown) => {
  console.log(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
});
