/**
 * npm run bench:lsp — how fast the language server checks a workflow, beside the AWS Toolkit's
 * amazon-states-language-service on the same documents in the same run. Documents of 100, 1,000
 * and 5,000 states (test/bench/generate.ts: every state type, Retry/Catch, Choice rules,
 * Parallel and Map nesting) in JSON and YAML. Timed: text → parse → validate (everything the
 * editor shows), plus the schema layer alone.
 *
 * Cold is the first validation in a fresh Node process (modules loaded, nothing run yet: what a
 * user waits for when the first file opens); each cold figure comes from its own child process.
 * Warm is the median of repeated validations in one process, as while typing. A script, not a
 * test: numbers for the record, no assertions. A second table gives completion and hover latency
 * on the largest document (test/bench/editorRequests.ts).
 *
 *   npm run bench:lsp                      the whole table
 *   npm run bench:lsp -- --quick           100 and 1,000 states only
 */
import { spawnSync } from 'node:child_process';
import { parseDocument, validate, type DocumentFormat } from '../../server/src/asl';
import { checkSchema } from '../../server/src/asl/schema/checkSchema';
import { awsValidator } from './awsService';
import { awsAnswer, ourAnswer, type Answer } from './editorRequests';
import { asJson, asYaml, generateWorkflow } from './generate';
import { printTable } from './table';
import { median, timeAsync, timeSync, warmMedian } from './timing';

type Tool = 'stepwise' | 'aws';
const FORMATS: readonly DocumentFormat[] = ['json', 'yaml'];

function documentText(states: number, format: DocumentFormat): string {
  const workflow = generateWorkflow(states);
  return format === 'json' ? asJson(workflow) : asYaml(workflow);
}

/** Everything the editor shows for a text: parse, then every layer of validation. */
function validateText(text: string, format: DocumentFormat): number {
  return validate(parseDocument(text, format)).length;
}

/** The outcome of one measurement: milliseconds and what was found (diagnostics, items), or why it failed. */
type Outcome = { readonly ms: number; readonly diagnostics: number } | { readonly error: string };

async function measure(run: () => Promise<number> | number, warmUp: number, runs: number): Promise<Outcome> {
  try {
    const diagnostics = await run();
    const ms = await warmMedian(run, warmUp, runs);
    return { ms, diagnostics };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Child-process mode: one cold validation, printed as JSON on the last line. */
async function coldChild(tool: Tool, format: DocumentFormat, states: number): Promise<void> {
  const text = documentText(states, format);
  const aws = tool === 'aws' ? awsValidator(format) : undefined;
  let outcome: Outcome;
  try {
    let diagnostics = 0;
    const ms =
      aws === undefined
        ? timeSync(() => {
            diagnostics = validateText(text, format);
          })
        : await timeAsync(async () => {
            diagnostics = await aws(text);
          });
    outcome = { ms, diagnostics };
  } catch (error) {
    outcome = { error: error instanceof Error ? error.message : String(error) };
  }
  console.log(JSON.stringify(outcome));
}

function cold(tool: Tool, format: DocumentFormat, states: number): Outcome {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', __filename, '--cold', tool, format, String(states)],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  const last = child.stdout.trim().split('\n').pop() ?? '';
  try {
    const parsed: unknown = JSON.parse(last);
    if (typeof parsed === 'object' && parsed !== null && 'ms' in parsed && 'diagnostics' in parsed) {
      return { ms: Number(parsed.ms), diagnostics: Number(parsed.diagnostics) };
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

function cell(outcome: Outcome): string {
  return 'ms' in outcome ? outcome.ms.toFixed(1) : 'threw';
}

function ratio(theirs: Outcome, ours: Outcome): string {
  return 'ms' in theirs && 'ms' in ours && ours.ms > 0 ? `${(theirs.ms / ours.ms).toFixed(0)}×` : '—';
}

function found(outcome: Outcome): string {
  return 'ms' in outcome ? String(outcome.diagnostics) : '—';
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const sizes = quick ? [100, 1000] : [100, 1000, 5000];
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
  for (const states of sizes) {
    for (const format of FORMATS) {
      const text = documentText(states, format);
      const runs = states >= 5000 ? 10 : 20;
      const ours = await measure(() => validateText(text, format), 3, runs);
      const parsed = parseDocument(text, format);
      const schema = median(Array.from({ length: runs }, () => timeSync(() => checkSchema(parsed))));
      const aws = awsValidator(format);
      const theirs = await measure(() => aws(text), 1, states >= 5000 ? 3 : 8);
      const oursCold = cold('stepwise', format, states);
      const theirsCold = cold('aws', format, states);
      for (const [who, outcome] of [
        ['AWS warm', theirs],
        ['AWS cold', theirsCold],
        ['ours warm', ours],
        ['ours cold', oursCold],
      ] as const) {
        if ('error' in outcome) failures.push(`${states} ${format} ${who}: ${outcome.error}`);
      }
      rows.push([
        String(states),
        format,
        `${(text.length / 1024).toFixed(0)} KiB`,
        cell(oursCold),
        cell(ours),
        schema.toFixed(1),
        cell(theirsCold),
        cell(theirs),
        ratio(theirs, ours),
        ratio(theirsCold, oursCold),
        `${found(ours)}/${found(theirs)}`,
      ]);
    }
  }
  console.log(`Validation: text → parse → all diagnostics (Node ${process.version})`);
  printTable(rows);
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
      const ours = await firstAndWarm(ourAnswer(text, format, request), 20);
      const theirs = await firstAndWarm(awsAnswer(text, format, request), largest >= 5000 ? 3 : 8);
      if ('error' in theirs.warm) failures.push(`${request} ${format} AWS: ${theirs.warm.error}`);
      if ('error' in ours.warm) failures.push(`${request} ${format} ours: ${ours.warm.error}`);
      requestRows.push([
        request,
        format,
        cell(ours.first),
        cell(ours.warm),
        cell(theirs.first),
        cell(theirs.warm),
        ratio(theirs.warm, ours.warm),
        `${found(ours.warm)}/${found(theirs.warm)}`,
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

const coldIndex = process.argv.indexOf('--cold');
if (coldIndex >= 0) {
  const [tool, format, states] = process.argv.slice(coldIndex + 1);
  void coldChild(tool === 'aws' ? 'aws' : 'stepwise', format === 'yaml' ? 'yaml' : 'json', Number(states));
} else {
  void main();
}
