/**
 * One cold validation, run by lsp.bench.ts as a plain Node process from its bundle (built by
 * shippedBuild.ts): the first file a user opens. The clock starts before anything of the tool
 * is loaded, so module loading counts, as it does when the server starts; the document is read
 * from disk before. Prints `{ "loadMs", "ms", "diagnostics" }` (ms = load + first validation) or
 * `{ "error" }` as JSON on its last line.
 *
 *   node coldChild.cjs stepwise|aws json|yaml FILE
 */
import { readFileSync } from 'node:fs';

async function main(): Promise<void> {
  const [tool, formatArgument, file] = process.argv.slice(2);
  const format = formatArgument === 'yaml' ? 'yaml' : 'json';
  const text = readFileSync(file ?? '', 'utf8');
  const start = process.hrtime.bigint();
  const since = () => Number(process.hrtime.bigint() - start) / 1e6;
  let loadMs: number;
  let diagnostics: number;
  // Dynamic imports: esbuild runs a bundled module's code when it is first imported, so the
  // tool's modules load on the clock. The AWS service stays a package of node_modules (its
  // own build, as published; it does not bundle with esbuild).
  if (tool === 'aws') {
    const { awsValidator } = await import('./awsService');
    const validateWithAws = awsValidator(format);
    loadMs = since();
    diagnostics = await validateWithAws(text);
  } else {
    const { parseDocument, validate } = await import('../../server/src/asl');
    loadMs = since();
    diagnostics = validate(parseDocument(text, format)).length;
  }
  console.log(JSON.stringify({ loadMs, ms: since(), diagnostics }));
}

main().catch((error: unknown) => {
  console.log(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
});
