/**
 * npm run bench:engine — Stepwise's engine against aws-local-stepfunctions (the anchor), side by
 * side in the same run, on issue 5's workloads:
 *   1. definition load + validate for 1,000 states (cold: the first call in fresh processes that
 *      have loaded only the tool, median; warm: median of repeated calls);
 *   2. in process: one execution per run, Stepwise with the debugger's per-state hook installed
 *      (an observer of every state entered and exited), the anchor with its default options;
 *   3. whole process: `node dist/cli.js run FILE --json` against a script that runs the anchor
 *      with its default validation (what a user waits for), with each process's peak RSS.
 * Both engines run as they ship: Stepwise bundled by esbuild (engineApi.ts), as in dist/, and
 * the anchor from its published bundle.
 * A script, not a test: it prints numbers and the targets they are held to; it fails (exit 1)
 * only when an engine gives a wrong answer.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import type { CompiledMachine, JsonValue, StateObserver, TaskRunner } from '../../server/src/engine';
import {
  loadAnchorHandler,
  loadAnchorPolyfill,
  prepareAnchor,
  runAnchor,
  validateWithAnchor,
  type AnchorHandler,
} from './anchor';
import type * as EngineApi from './engineApi';
import { WORKLOADS, type Workload } from './engineWorkloads';
import { asJson, generateWorkflow } from './generate';
import { bundle } from './shippedBuild';
import { printTable } from './table';
import { measureSync, median, timeAsync as timed } from './timing';

const root = path.join(__dirname, '..', '..');
const benchDir = __dirname;
const echoModule = path.join(benchDir, 'handlers', 'echo.mjs');
/** Maps the Tasks' function ARN to echo.mjs; both engines call that same module. */
const handlersFile = path.join(benchDir, 'handlers', 'handlers.json');
/**
 * Each engine runs each workload untimed until it has run IN_PROCESS_WARM_UPS times and for at
 * least IN_PROCESS_WARM_UP_MS, then timed until it has run IN_PROCESS_RUNS times and for at
 * least IN_PROCESS_RUNS_MS; the median of the timed runs is its throughput once the JIT has
 * compiled the hot code, for both engines alike. A fixed count of three warm-ups was not that
 * for short workloads: 1,000 Tasks (about 1 ms a run) were still being optimized during the
 * timed runs (2-7 ms, then 1.1-1.3 ms), so the median moved by 2x between identical runs. The
 * first run (cold code) is shown too; the whole-process table is the cold measure.
 */
const IN_PROCESS_WARM_UPS = 3;
const IN_PROCESS_WARM_UP_MS = 300;
const IN_PROCESS_RUNS = 9;
const IN_PROCESS_RUNS_MS = 300;
const PROCESS_RUNS = 3;
const TARGET_RATIO = 5;
const TARGET_MAP_RSS_MB = 150;
const TARGET_LOAD_MS = 50;

let wrongAnswers = 0;

/**
 * Stepwise as it ships: engineApi.ts bundled by esbuild with the options of esbuild.mjs
 * (shippedBuild.ts), as the anchor runs from its own published bundle. Set by loadStepwise()
 * before anything runs.
 */
let bundled: typeof EngineApi;
/** Where that bundle is, for the fresh processes of the cold load (loadChild.ts). */
let bundleFile: string;

function loadStepwise(): void {
  bundleFile = bundle('engineApi.ts');
  // The bundle is built from engineApi.ts itself, so it has that module's type.
  bundled = createRequire(__filename)(bundleFile) as typeof EngineApi;
}

/** Collects garbage between measured runs when node runs with --expose-gc. */
function gc(): void {
  globalThis.gc?.();
}

/** A table with its row labels on the left, and a blank line after it. */
function table(rows: readonly (readonly string[])[]): void {
  printTable(rows, { labels: true });
  console.log();
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0));
const perSecond = (count: number, millis: number) =>
  `${Math.round((count / millis) * 1000).toLocaleString('en')}/s`;
const ratio = (anchor: number, stepwise: number) => `${(anchor / stepwise).toFixed(1)}×`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

// ---------------------------------------------------------------------------------------------
// 1. Definition load + validate, 1,000 states

/** What `stepwise run` and the debugger do with a workflow's text before running it (prepareRun). */
function stepwiseLoad(text: string): CompiledMachine {
  const prepared = bundled.prepareRun(bundled.parseDocument(text, 'json'));
  if (prepared.kind !== 'ok') throw new Error(`The generated workflow cannot run (${prepared.kind}).`);
  return prepared.machine;
}

function anchorLoad(text: string): void {
  const definition: unknown = JSON.parse(text);
  if (typeof definition !== 'object' || definition === null) throw new Error('not an object');
  validateWithAnchor(definition as Record<string, unknown>);
}

/** Fresh processes per engine for the cold load: one sample of a first call is mostly noise. */
const COLD_RUNS = 5;

async function loadAndValidate(dir: string): Promise<boolean> {
  const text = asJson(generateWorkflow(1000));
  const file = path.join(dir, 'load-1000.asl.json');
  writeFileSync(file, text);
  const stepwiseCold = coldLoad(['stepwise', bundleFile, file]);
  const anchorCold = coldLoad(['anchor', file]);
  const stepwiseWarm = median(await repeat(15, () => stepwiseLoad(text)));
  const anchorWarm = median(await repeat(5, () => anchorLoad(text)));
  console.log(
    'Definition load + validate, 1,000 states (parse, validate, compile: what stepwise run does first; the anchor: JSON.parse + constructor)',
  );
  table([
    ['', 'Stepwise ms', 'anchor ms', 'ratio'],
    [
      `cold (first call, median of ${COLD_RUNS} processes)`,
      ms(stepwiseCold),
      ms(anchorCold),
      ratio(anchorCold, stepwiseCold),
    ],
    ['warm (median)', ms(stepwiseWarm), ms(anchorWarm), ratio(anchorWarm, stepwiseWarm)],
  ]);
  return stepwiseCold <= TARGET_LOAD_MS;
}

/** The median of COLD_RUNS first calls, each in a new process that has loaded only the tool (loadChild.ts). */
function coldLoad(args: readonly string[]): number {
  const times = Array.from({ length: COLD_RUNS }, () => {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(benchDir, 'loadChild.ts'), ...args],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    const last = child.stdout.trim().split('\n').pop() ?? '';
    const parsed: unknown = JSON.parse(last === '' ? '{}' : last);
    if (typeof parsed !== 'object' || parsed === null || !('ms' in parsed) || typeof parsed.ms !== 'number') {
      throw new Error(`A cold load failed: ${last || child.stderr}`);
    }
    return parsed.ms;
  });
  return median(times);
}

async function repeat(times: number, fn: () => unknown): Promise<number[]> {
  const results: number[] = [];
  for (let i = 0; i < times; i++) results.push(await timed(fn));
  return results;
}

// ---------------------------------------------------------------------------------------------
// 2. In process

function handlerRunner(): TaskRunner {
  const parsed = bundled.parseHandlerConfig(readFileSync(handlersFile, 'utf8'));
  if (parsed.kind !== 'ok') throw new Error(parsed.problems.join(' '));
  const clock = bundled.createVirtualClock();
  let n = 0;
  return bundled.createHandlerRunner(parsed.config, {
    baseDirectory: path.dirname(handlersFile),
    ids: { uuid: () => `bench-${++n}` },
    now: () => clock.now(),
  });
}

function toJson(value: unknown): JsonValue {
  if (!bundled.isJsonValue(value)) throw new Error('A workload is not JSON.');
  return value;
}

interface Measured {
  /** Median of the timed runs. */
  readonly millis: number;
  /** The very first run, before any warm-up. */
  readonly firstMillis: number;
  readonly correct: boolean;
}

/** Times `once` cold, then warm: see IN_PROCESS_WARM_UPS. */
async function measureRuns(once: () => Promise<unknown>): Promise<{ first: number; median: number }> {
  gc();
  const first = await timed(once);
  const warmUpStart = Date.now();
  let warmUps = 1;
  while (warmUps < IN_PROCESS_WARM_UPS || Date.now() - warmUpStart < IN_PROCESS_WARM_UP_MS) {
    await once();
    warmUps++;
  }
  const times: number[] = [];
  let spent = 0;
  while (times.length < IN_PROCESS_RUNS || spent < IN_PROCESS_RUNS_MS) {
    gc();
    const time = await timed(once);
    times.push(time);
    spent += time;
  }
  return { first, median: median(times) };
}

async function stepwiseInProcess(workload: Workload, runner: TaskRunner): Promise<Measured> {
  const machine = bundled.compileDefinition(toJson(workload.definition));
  const input = toJson(workload.input);
  let states = 0;
  const observer: StateObserver = {
    stateEntered: () => {
      states += 1;
    },
    stateExited: () => undefined,
  };
  const once = async () => {
    states = 0;
    const execution = bundled.createExecution(
      machine,
      input,
      { workflowType: workload.type, stateMachineName: workload.id },
      { clock: bundled.createVirtualClock(), taskRunner: runner, observer },
    );
    return execution.run();
  };
  let correct = true;
  const checked = async () => {
    const result = await once();
    correct &&=
      result.status === 'SUCCEEDED' && workload.check(result.output) && states >= workload.transitions;
  };
  const runs = await measureRuns(checked);
  return { millis: runs.median, firstMillis: runs.first, correct };
}

async function anchorInProcess(workload: Workload, echo: AnchorHandler): Promise<Measured> {
  const prepared = prepareAnchor(workload, echo);
  let correct = true;
  const checked = async () => {
    try {
      correct &&= workload.check(await runAnchor(prepared));
    } catch {
      correct = false;
    }
  };
  const runs = await measureRuns(checked);
  return { millis: runs.median, firstMillis: runs.first, correct };
}

async function inProcess(workloads: readonly Workload[]): Promise<boolean> {
  const runner = handlerRunner();
  // The same handler module Stepwise calls, called as anchorRun.mjs calls it.
  const echo = await loadAnchorHandler(echoModule);
  const rows: string[][] = [
    ['workload', 'Stepwise ms', 'Stepwise', '1st run', 'anchor ms', 'anchor', '1st run', 'ratio'],
  ];
  let met = true;
  for (const workload of workloads) {
    const stepwise = await stepwiseInProcess(workload, runner);
    if (!stepwise.correct) wrongAnswers += 1;
    const ours = [
      `${workload.title} [${workload.type}]`,
      ms(stepwise.millis) + (stepwise.correct ? '' : ' WRONG'),
      perSecond(workload.transitions, stepwise.millis),
      ms(stepwise.firstMillis),
    ];
    if (!workload.anchorRuns) {
      rows.push([...ours, 'n/a', 'n/a', 'n/a', 'n/a']);
      continue;
    }
    const anchor = await anchorInProcess(workload, echo);
    met &&= anchor.millis / stepwise.millis >= TARGET_RATIO;
    rows.push([
      ...ours,
      ms(anchor.millis) + (anchor.correct ? '' : ' (wrong)'),
      perSecond(workload.transitions, anchor.millis),
      ms(anchor.firstMillis),
      ratio(anchor.millis, stepwise.millis),
    ]);
  }
  console.log(
    `In process: median of at least ${IN_PROCESS_RUNS} runs (and ${IN_PROCESS_RUNS_MS} ms) after at least ${IN_PROCESS_WARM_UPS} untimed ones (and ${IN_PROCESS_WARM_UP_MS} ms); 1st run: the first of those, cold;`,
  );
  console.log('Stepwise with a per-state observer installed; n/a: the anchor cannot run JSONata');
  table(rows);
  return met;
}

// ---------------------------------------------------------------------------------------------
// 3. Whole process

interface ProcessRun {
  readonly millis: number;
  readonly peakMb: number;
  readonly correct: boolean;
}

function runProcess(args: readonly string[], workload: Workload): ProcessRun {
  const { result: child, millis } = measureSync(() =>
    spawnSync(process.execPath, ['--import', path.join(benchDir, 'peakRss.mjs'), ...args], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    }),
  );
  const peak = /BENCH_PEAK_RSS_KB=(\d+)/.exec(child.stderr);
  let correct: boolean;
  try {
    const report = JSON.parse(child.stdout) as { status?: unknown; output?: unknown };
    correct = report.status === 'SUCCEEDED' && workload.check(report.output);
  } catch {
    correct = false;
  }
  return { millis, peakMb: peak?.[1] === undefined ? Number.NaN : Number(peak[1]) / 1024, correct };
}

function measureProcess(args: readonly string[], workload: Workload): ProcessRun {
  // One untimed run first, for both engines alike: the file system's caches are warm for both,
  // and Stepwise's first process after a build writes its code cache (the launcher's), which
  // every later process, like a user's second command, starts from.
  runProcess(args, workload);
  const runs = Array.from({ length: PROCESS_RUNS }, () => runProcess(args, workload));
  return {
    millis: median(runs.map((r) => r.millis)),
    peakMb: Math.max(...runs.map((r) => r.peakMb)),
    correct: runs.every((r) => r.correct),
  };
}

/**
 * Node itself, started as the benchmarked processes are and doing nothing: the part of every
 * whole-process time that neither engine can reduce, shown next to the time a 5× ratio allows.
 */
function bareNode(): number {
  const once = () =>
    measureSync(() =>
      spawnSync(process.execPath, ['--import', path.join(benchDir, 'peakRss.mjs'), '-e', '0'], {
        cwd: root,
        encoding: 'utf8',
      }),
    ).millis;
  once();
  return median(Array.from({ length: PROCESS_RUNS + 2 }, once));
}

function wholeProcess(workloads: readonly Workload[]): { ratios: boolean; mapRss: boolean } {
  const dir = mkdtempSync(path.join(tmpdir(), 'stepwise-bench-'));
  const cli = path.join(root, 'dist', 'cli.js');
  const rows: string[][] = [
    ['workload', 'Stepwise ms', 'peak MB', 'anchor ms', 'peak MB', 'ratio', `${TARGET_RATIO}× allows`],
  ];
  const nodeAlone = bareNode();
  let ratios = true;
  let mapRss = true;
  try {
    for (const workload of workloads) {
      const file = path.join(dir, `${workload.id}.asl.json`);
      const input = path.join(dir, `${workload.id}.input.json`);
      writeFileSync(file, JSON.stringify(workload.definition, null, 2));
      writeFileSync(input, JSON.stringify(workload.input));
      // --no-store: the anchor keeps no durable record either, so neither side pays for disk writes.
      const stepwiseArgs = [
        cli,
        'run',
        file,
        '--input-file',
        input,
        '--json',
        '--no-store',
        '--type',
        workload.type,
      ];
      if (workload.usesHandler) stepwiseArgs.push('--handlers', handlersFile);
      const anchorArgs = [path.join(benchDir, 'anchorRun.mjs'), file, input];
      if (workload.usesHandler) anchorArgs.push('--handler', echoModule);
      const stepwise = measureProcess(stepwiseArgs, workload);
      if (!stepwise.correct) wrongAnswers += 1;
      if (workload.id === 'map-inline') mapRss = stepwise.peakMb <= TARGET_MAP_RSS_MB;
      const ours = [
        workload.title,
        ms(stepwise.millis) + (stepwise.correct ? '' : ' WRONG'),
        stepwise.peakMb.toFixed(0),
      ];
      if (!workload.anchorRuns) {
        rows.push([...ours, 'n/a', 'n/a', 'n/a', 'n/a']);
        continue;
      }
      const anchor = measureProcess(anchorArgs, workload);
      ratios &&= anchor.millis / stepwise.millis >= TARGET_RATIO;
      rows.push([
        ...ours,
        ms(anchor.millis) + (anchor.correct ? '' : ' (wrong)'),
        anchor.peakMb.toFixed(0),
        ratio(anchor.millis, stepwise.millis),
        ms(anchor.millis / TARGET_RATIO),
      ]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `Whole process: node dist/cli.js run FILE --json vs node anchorRun.mjs FILE (median of ${PROCESS_RUNS} after an untimed one; peak RSS is the largest)`,
  );
  console.log(
    `Node alone (node -e 0, started the same way): ${ms(nodeAlone)} ms of every time below; "${TARGET_RATIO}× allows" is the anchor's time / ${TARGET_RATIO}`,
  );
  table(rows);
  return { ratios, mapRss };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'stepwise-bench-load-'));
  try {
    await measureAll(scratch);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function measureAll(scratch: string): Promise<void> {
  loadStepwise();
  await loadAnchorPolyfill();
  console.log(
    `Stepwise vs aws-local-stepfunctions 3.0.0 — Node ${process.version}, ${process.platform}/${process.arch}\n`,
  );
  const loadMet = await loadAndValidate(scratch);
  const workloads = WORKLOADS.map((make) => make());
  const inProcessMet = await inProcess(workloads);
  const whole = wholeProcess(workloads);
  console.log('Targets');
  table([
    ['target', 'result'],
    [`≥ ${TARGET_RATIO}× the anchor in process, every workload`, verdict(inProcessMet)],
    [`≥ ${TARGET_RATIO}× the anchor as a whole process, every workload`, verdict(whole.ratios)],
    [`Map over 10,000 items ≤ ${TARGET_MAP_RSS_MB} MB peak RSS (stepwise run)`, verdict(whole.mapRss)],
    [`load + validate ≤ ${TARGET_LOAD_MS} ms for 1,000 states (cold)`, verdict(loadMet)],
  ]);
  if (wrongAnswers > 0) {
    console.log(`${wrongAnswers} Stepwise result(s) were wrong: the numbers above do not count.`);
    process.exitCode = 1;
  }
}

void main();
