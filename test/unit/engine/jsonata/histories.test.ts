import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import {
  compileDefinition,
  counterIds,
  createExecution,
  createVirtualClock,
} from '../../../../server/src/engine';
import type { JsonValue, TaskRunner } from '../../../../server/src/engine';
import { assertGolden } from '../../../support/golden';
import { renderHistory } from '../history';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures');

function load(name: string): JsonValue {
  return JSON.parse(fs.readFileSync(path.join(fixtures, name), 'utf8')) as JsonValue;
}

/** Declines every charge: the Task is retried once, then caught. */
const decliningRunner: TaskRunner = {
  run: () => ({ kind: 'failed', error: 'Declined', cause: 'card expired' }),
};

const cases: readonly {
  readonly fixture: string;
  readonly input: JsonValue;
  readonly runner?: TaskRunner;
  readonly result: JsonValue;
}[] = [
  {
    fixture: 'jsonata-fields.asl.json',
    input: {
      orders: [
        { id: 'a', qty: 1 },
        { id: 'b', qty: 3 },
      ],
    },
    result: {
      status: 'SUCCEEDED',
      output: { result: { max: 7, total: 9 }, route: 'many', first: 'a' },
    },
  },
  {
    fixture: 'jsonata-catch.asl.json',
    input: { amount: 12 },
    runner: decliningRunner,
    result: { status: 'FAILED', error: 'Payment.Declined', cause: 'Could not charge 12' },
  },
  {
    fixture: 'jsonata-evaluation-failed.asl.json',
    input: {},
    result: {
      status: 'FAILED',
      error: 'States.QueryEvaluationError',
      cause:
        "An error occurred while executing the state 'Items' (entered at the event id #4). The JSONata expression '$states.input.missing' specified for the field 'Items' returned nothing (undefined).",
    },
  },
  {
    fixture: 'variables-scopes.asl.json',
    input: {},
    result: {
      status: 'SUCCEEDED',
      output: { results: [[11, 12], { mine: true, outer: 10 }], factor: 10, when: 'golden-run' },
    },
  },
];

for (const c of cases) {
  test(`${c.fixture}: result and history`, async () => {
    const machine = compileDefinition(load(c.fixture));
    const execution = createExecution(
      machine,
      c.input,
      { name: 'golden-run', stateMachineName: 'Golden' },
      {
        clock: createVirtualClock(Date.UTC(2025, 0, 1)),
        ids: counterIds(),
        ...(c.runner === undefined ? {} : { taskRunner: c.runner }),
      },
    );
    assert.deepEqual(await execution.run(), c.result);
    assertGolden(
      path.join(fixtures, c.fixture.replace('.asl.json', '.golden.txt')),
      renderHistory(execution.history),
    );
  });
}
