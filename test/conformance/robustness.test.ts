import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  compileDefinition,
  createExecution,
  createVirtualClock,
  DefinitionError,
  seededRandom,
} from '../../server/src/engine';
import type {
  CompiledMachine,
  Execution,
  JsonValue,
  RandomSource,
  TaskOutcome,
  TaskRunner,
} from '../../server/src/engine';
import { loadCases } from './cases';

/**
 * The engine's promise to a user: whatever the input and whatever the Tasks answer, an
 * execution ends as Step Functions would end it, with a status and, on failure, an error name
 * and a cause; never with a JavaScript exception, and never with one dressed up as a cause.
 * Every definition of the recorded corpus (805 machines, every state type and field) runs
 * with its recorded input and with generated ones, its Tasks answered at random: echoed input,
 * arbitrary JSON, failures with AWS's and custom error names, nothing to run them.
 */

/** Steps an execution may take here: loops that never meet their exit condition stop there. */
const STEP_LIMIT = 30_000;

const RUNS_PER_DEFINITION = 20;

/** Fixed, so a failure repeats; ROB_SEED=n explores other inputs and answers. */
const SEED = Number(process.env['ROB_SEED'] ?? 20261127);

const ENDED = new Set(['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED']);

/** Signs of a JavaScript error of ours surfacing as a cause. */
const INTERNAL_ERROR =
  /\b(?:TypeError|ReferenceError|SyntaxError: Unexpected|Maximum call stack|Cannot read propert|is not a function|is not iterable|undefined is not)\b/;

/** What Tasks answer besides their input: small values, one past the 256 KiB payload limit, deeply nested ones. */
const ANSWERS: readonly JsonValue[] = [
  null,
  0,
  -1.5,
  'text',
  [],
  {},
  [1, 'a', null],
  { Payload: { a: 1 }, StatusCode: 200 },
  'x'.repeat(300_000),
  Array.from({ length: 300 }).reduce<JsonValue>((inner) => ({ inner }), 'deep'),
  // Past the engine's MAX_JSON_DEPTH, and past what a recursive walk survives.
  Array.from({ length: 20_000 }).reduce<JsonValue>((inner) => [inner], 'deeper'),
];

const ERRORS = ['States.TaskFailed', 'Lambda.ServiceException', 'CustomError', 'States.Timeout', 'Error'];

function randomAnswers(random: RandomSource, pool: readonly JsonValue[]): TaskRunner {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random.next() * items.length)] as T;
  return {
    run(request): TaskOutcome {
      const roll = random.next();
      if (roll < 0.4) return { kind: 'succeeded', output: request.input };
      if (roll < 0.7) return { kind: 'succeeded', output: pick(pool) };
      if (roll < 0.95) {
        const error = pick(ERRORS);
        return random.next() < 0.5 ? { kind: 'failed', error } : { kind: 'failed', error, cause: 'it broke' };
      }
      return { kind: 'unavailable', message: 'nothing answers this Task here' };
    },
  };
}

async function runToEnd(execution: Execution): Promise<void> {
  for (let steps = 0; steps < STEP_LIMIT && !execution.done; steps++) await execution.step();
}

function checkEnded(name: string, execution: Execution): void {
  const result = execution.result;
  if (!execution.done) return; // stopped at the step limit: still running, nothing to judge
  assert.ok(result !== undefined, `${name}: ended without a result`);
  assert.ok(ENDED.has(result.status), `${name}: status ${result.status}`);
  // A Fail state may name no error; any other failure has one.
  if (result.error !== undefined) assert.notEqual(result.error, '', `${name}: an empty error name`);
  if (result.status === 'TIMED_OUT') assert.equal(result.error, 'States.Timeout', `${name}: timed out`);
  if (result.cause !== undefined) {
    assert.equal(typeof result.cause, 'string', `${name}: a cause that is not a string`);
    assert.doesNotMatch(result.cause, INTERNAL_ERROR, `${name}: a JavaScript error as the cause`);
  }
  const history = execution.history;
  history.forEach((event, index) => {
    assert.equal(event.id, index + 1, `${name}: event ids out of sequence`);
    assert.ok(event.previousEventId < event.id, `${name}: event ${event.id} follows a later one`);
  });
  const last = history[history.length - 1];
  assert.match(last?.type ?? '', /^Execution(Succeeded|Failed|TimedOut|Aborted)$/, `${name}: last event`);
}

function compiled(definition: JsonValue): CompiledMachine | undefined {
  try {
    return compileDefinition(definition);
  } catch (thrown) {
    if (thrown instanceof DefinitionError) return undefined;
    throw thrown;
  }
}

test('every recorded definition ends properly on any input and any Task answers', async () => {
  const cases = loadCases();
  assert.ok(cases.length > 700, `expected the conformance corpus, found ${cases.length} cases`);
  const inputs = fc.jsonValue({ maxDepth: 3 }).map((value) => value as JsonValue);
  let ran = 0;
  for (const c of cases) {
    const machine = compiled(c.definition);
    if (machine === undefined) continue;
    await fc
      .assert(
        fc.asyncProperty(fc.oneof(fc.constant(c.input), inputs), fc.integer(), async (input, seed) => {
          const clock = createVirtualClock(Date.UTC(2025, 0, 1));
          const random = seededRandom(seed);
          const pool: JsonValue[] = [...ANSWERS, c.input];
          const execution = createExecution(
            machine,
            input,
            { workflowType: c.stateMachineType, stateMachineName: 'Robustness' },
            { clock, random, taskRunner: randomAnswers(random, pool) },
          );
          await runToEnd(execution);
          checkEnded(c.name, execution);
          ran += 1;
        }),
        { numRuns: RUNS_PER_DEFINITION, seed: SEED },
      )
      .catch((error: unknown) => {
        // The runner prints the message, not the cause: put the failed assertion in the message.
        const cause =
          error instanceof Error && error.cause instanceof Error ? `\n${error.cause.message}` : '';
        throw new Error(`${error instanceof Error ? error.message : String(error)}${cause}`);
      });
  }
  assert.ok(ran > 700 * RUNS_PER_DEFINITION, `only ${ran} executions ran`);
});
