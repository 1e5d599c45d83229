/**
 * npm run bench:lsp — how fast the language server checks a workflow, beside the AWS Toolkit's
 * amazon-states-language-service on the same documents in the same run. Documents of 100, 1,000
 * and 5,000 states (test/bench/generate.ts: every state type, Retry/Catch, Choice rules,
 * Parallel and Map nesting) in JSON and YAML. Timed: text → parse → validate (everything the
 * editor shows), plus the schema layer alone.
 *
 * Ours is timed as it ships: the code is bundled with esbuild like dist/ (shippedBuild.ts says
 * why that matters). The AWS service runs as published on npm, from node_modules.
 *
 * Cold is what a user waits for when the first file opens: a fresh Node process loads the tool
 * and validates once (coldChild.ts; module loading counts, and is also printed on its own).
 * Warm is the median of repeated validations in one process, as while typing. A script, not a
 * test: numbers for the record, no assertions. A second table gives completion and hover latency
 * on the largest document (test/bench/editorRequests.ts).
 *
 *   npm run bench:lsp                      the whole table
 *   npm run bench:lsp -- --quick           100 and 1,000 states only
 *   npm run bench:lsp -- --source          ours from the TypeScript sources through tsx instead
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { DocumentFormat } from '../../server/src/asl';
import { awsValidator } from './awsService';
import { awsAnswer, ourAnswer, type Answer } from './editorRequests';
import { asJson, asYaml, generateWorkflow } from './generate';
import { BENCH_DIRECTORY, bundle, loadShipped, type ShippedApi } from './shippedBuild';
import * as sources from './shippedEntry';
import { printTable } from './table';
import { median, timeAsync, timeSync, warmMedian } from './timing';

type Tool = 'stepwise' | 'aws';
const FORMATS: readonly DocumentFormat[] = ['json', 'yaml'];

function documentText(states: number, format: DocumentFormat): string {
  const workflow = generateWorkflow(states);
  return format === 'json' ? asJson(workflow) : asYaml(workflow);
}

/** Everything the editor shows for a text: parse, then every layer of validation. */
function validateText(ours: ShippedApi, text: string, format: DocumentFormat): number {
  return ours.validate(ours.parseDocument(text, format)).length;
}

/**
 * The outcome of one measurement: milliseconds and what was found (diagnostics, items), or why
 * it failed. Cold runs also say how much of the time was loading the tool's modules.
 */
type Outcome =
  | { readonly ms: number; readonly diagnostics: number; readonly loadMs?: number }
  | { readonly error: string };

async function measure(run: () => Promise<number> | number, warmUp: number, runs: number): Promise<Outcome> {
  try {
    const diagnostics = await run();
    const ms = await warmMedian(run, warmUp, runs);
    return { ms, diagnostics };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** How a cold child process is started: its bundle with plain Node, or its source through tsx. */
interface ColdRunner {
  readonly nodeArguments: readonly string[];
}

function coldRunner(fromSource: boolean): ColdRunner {
  if (fromSource) return { nodeArguments: ['--import', 'tsx', path.join(__dirname, 'coldChild.ts')] };
  return { nodeArguments: [bundle('coldChild.ts', ['amazon-states-language-service'])] };
}

/** One cold validation in a fresh process (coldChild.ts), of a document written to disk first. */
function cold(runner: ColdRunner, tool: Tool, format: DocumentFormat, file: string): Outcome {
  const child = spawnSync(process.execPath, [...runner.nodeArguments, tool, format, file], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const last = child.stdout.trim().split('\n').pop() ?? '';
  try {
    const parsed: unknown = JSON.parse(last);
    if (typeof parsed === 'object' && parsed !== null && 'ms' in parsed && 'diagnostics' in parsed) {
      const loadMs = 'loadMs' in parsed ? Number(parsed.loadMs) : undefined;
      return {
        ms: Number(parsed.ms),
        diagnostics: Number(parsed.diagnostics),
        ...(loadMs === undefined ? {} : { loadMs }),
      };
    }
    if (typeof parsed === 'object' && parsed !== null && 'error' in parsed)
      return { error: String(parsed.error) };
  } catch {
    // fall through: the child crashed before printing its outcome
  }
  return {
    error: `child process failed: ${child.stderr.trim().split('\n').pop() ?? `exit ${child.status}`}`,
  };
}

/** The median of several cold runs (each its own process): one process start is noisy. */
function coldMedian(
  runner: ColdRunner,
  tool: Tool,
  format: DocumentFormat,
  file: string,
  runs: number,
): Outcome {
  const outcomes = Array.from({ length: runs }, () => cold(runner, tool, format, file));
  const failed = outcomes.find((outcome) => 'error' in outcome);
  if (failed !== undefined) return failed;
  const measured = outcomes.flatMap((outcome) => ('ms' in outcome ? [outcome] : []));
  const loads = measured.flatMap((outcome) => (outcome.loadMs === undefined ? [] : [outcome.loadMs]));
  return {
    ms: median(measured.map((outcome) => outcome.ms)),
    diagnostics: measured[0]?.diagnostics ?? 0,
    ...(loads.length === 0 ? {} : { loadMs: median(loads) }),
  };
}

function cell(outcome: Outcome): string {
  return 'ms' in outcome ? outcome.ms.toFixed(1) : 'threw';
}

function ratio(theirs: Outcome, ours: Outcome): string {
  return 'ms' in theirs && 'ms' in ours && ours.ms > 0 ? `${(theirs.ms / ours.ms).toFixed(0)}×` : '—';
}

function loadCell(outcome: Outcome): string {
  return 'ms' in outcome && outcome.loadMs !== undefined ? outcome.loadMs.toFixed(1) : '—';
}

function found(outcome: Outcome): string {
  return 'ms' in outcome ? String(outcome.diagnostics) : '—';
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const fromSource = process.argv.includes('--source');
  const sizes = quick ? [100, 1000] : [100, 1000, 5000];
  const ours: ShippedApi = fromSource ? sources : loadShipped(bundle('shippedEntry.ts'));
  const runner = coldRunner(fromSource);
  mkdirSync(BENCH_DIRECTORY, { recursive: true });
  const rows: string[][] = [
    [
      'states',
      'format',
      'size',
      'ours cold ms',
      'ours warm ms',
      'schema warm ms',
      'AWS cold ms',
      'AWS warm ms',
      'warm ratio',
      'cold ratio',
      'diagnostics ours/AWS',
    ],
  ];
  const failures: string[] = [];
  const loads: string[] = [];
  for (const states of sizes) {
    for (const format of FORMATS) {
      const text = documentText(states, format);
      const file = path.join(BENCH_DIRECTORY, `bench-${states}.asl.${format}`);
      writeFileSync(file, text);
      const runs = states >= 5000 ? 15 : 25;
      const warm = await measure(() => validateText(ours, text, format), 5, runs);
      const parsed = ours.parseDocument(text, format);
      const schema = median(Array.from({ length: runs }, () => timeSync(() => ours.checkSchema(parsed))));
      const aws = awsValidator(format);
      const theirs = await measure(() => aws(text), 1, states >= 5000 ? 3 : 8);
      const coldRuns = states >= 5000 ? 3 : 5;
      const oursCold = coldMedian(runner, 'stepwise', format, file, coldRuns);
      const theirsCold = coldMedian(runner, 'aws', format, file, coldRuns);
      loads.push(`${states} ${format}: ours ${loadCell(oursCold)}, AWS ${loadCell(theirsCold)}`);
      for (const [who, outcome] of [
        ['AWS warm', theirs],
        ['AWS cold', theirsCold],
        ['ours warm', warm],
        ['ours cold', oursCold],
      ] as const) {
        if ('error' in outcome) failures.push(`${states} ${format} ${who}: ${outcome.error}`);
      }
      rows.push([
        String(states),
        format,
        `${(text.length / 1024).toFixed(0)} KiB`,
        cell(oursCold),
        cell(warm),
        schema.toFixed(1),
        cell(theirsCold),
        cell(theirs),
        ratio(theirs, warm),
        ratio(theirsCold, oursCold),
        `${found(warm)}/${found(theirs)}`,
      ]);
    }
  }
  const how = fromSource ? 'ours from the sources through tsx' : 'ours as bundled for dist/';
  console.log(`Validation: text → parse → all diagnostics (Node ${process.version}; ${how})`);
  printTable(rows);
  console.log(`Cold includes loading the modules; of that, loading took (ms): ${loads.join('; ')}`);
  for (const failure of failures.splice(0)) console.log(`  threw: ${failure}`);

  // ── Completion and hover at the largest size ──────────────────────────────────────────────────
  const largest = sizes[sizes.length - 1] ?? 100;
  const requestRows: string[][] = [
    [
      'request',
      'format',
      'ours first ms',
      'ours warm ms',
      'AWS first ms',
      'AWS warm ms',
      'warm ratio',
      'items ours/AWS',
    ],
  ];
  for (const request of ['completion', 'hover'] as const) {
    for (const format of FORMATS) {
      const text = documentText(largest, format);
      const mine = await firstAndWarm(ourAnswer(ours, text, format, request), 20);
      const theirs = await firstAndWarm(awsAnswer(text, format, request), largest >= 5000 ? 3 : 8);
      if ('error' in theirs.warm) failures.push(`${request} ${format} AWS: ${theirs.warm.error}`);
      if ('error' in mine.warm) failures.push(`${request} ${format} ours: ${mine.warm.error}`);
      requestRows.push([
        request,
        format,
        cell(mine.first),
        cell(mine.warm),
        cell(theirs.first),
        cell(theirs.warm),
        ratio(theirs.warm, mine.warm),
        `${found(mine.warm)}/${found(theirs.warm)}`,
      ]);
    }
  }
  console.log(
    `\nCompletion at a Next value, hover on "Resource", ${largest} states (document already parsed)`,
  );
  printTable(requestRows);
  for (const failure of failures) console.log(`  threw: ${failure}`);
}

/** The first answer in the process, then the median of warm ones. */
async function firstAndWarm(answer: Answer, runs: number): Promise<{ first: Outcome; warm: Outcome }> {
  try {
    let items = 0;
    const first = await timeAsync(async () => {
      items = await answer();
    });
    const warm = await warmMedian(answer, 2, runs);
    return { first: { ms: first, diagnostics: items }, warm: { ms: warm, diagnostics: items } };
  } catch (error) {
    const failed = { error: error instanceof Error ? error.message : String(error) };
    return { first: failed, warm: failed };
  }
}

void main();
