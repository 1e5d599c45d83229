/**
 * The debug adapter over its real transport: dist/debugAdapter.js as a child process, DAP over
 * stdio, driven by DebugClient. Build first (`node esbuild.mjs`), then
 * `node --import tsx --test test/dap/adapter.test.ts`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { LAUNCH_ATTRIBUTES } from '../../server/src/debug/launchArgs';
import { isRecord } from '../../server/src/guards';
import { isExecutionEvent, type ExecutionEvent } from '../../server/src/executionEvents';
import {
  bodyField,
  example,
  finalOutput,
  fixture,
  member,
  root,
  taskStarted,
  withClient,
} from './stepwiseClient';

const TEST_OPTIONS = { timeout: 60_000 };

const BANKING = example('account-processing.asl.json');
const BANKING_RUN = {
  program: BANKING,
  inputFile: example('input.json'),
  handlers: example('handlers.json'),
};
/** Lines (1-based) in the banking example: CheckAddress's name, and its InputPath inside it. */
const CHECK_ADDRESS_LINE = 31;
const CHECK_ADDRESS_INPUT_PATH_LINE = 34;

const MAP = fixture('map.asl.json');
const ORDERS = {
  orders: [
    { id: 1, amount: 5 },
    { id: 2, amount: 150 },
    { id: 3, amount: 7 },
  ],
};
const CHARGE_LINE = 15;
const RECORD_LINE = 20;

function names(frames: readonly { name: string }[]): string[] {
  return frames.map((f) => f.name);
}

function valueOf(variables: Map<string, DebugProtocol.Variable>, name: string): string | undefined {
  return variables.get(name)?.value;
}

/** The banking example's input.json, an object. */
function bankingInput(): Record<string, unknown> {
  const input: unknown = JSON.parse(readFileSync(example('input.json'), 'utf8'));
  assert.ok(isRecord(input), 'input.json holds an object');
  return input;
}

test('initialize answers the debugger capabilities and sends initialized', TEST_OPTIONS, async () => {
  await withClient(async (client) => {
    const initialized = client.next('initialized');
    const response = await client.dc.initializeRequest();
    await initialized;
    const body = response.body;
    assert.ok(body !== undefined);
    assert.equal(body.supportsConfigurationDoneRequest, true);
    assert.equal(body.supportsStepBack, true);
    assert.equal(body.supportsConditionalBreakpoints, true);
    assert.equal(body.supportsLogPoints, true);
    assert.deepEqual(
      body.exceptionBreakpointFilters?.map((f) => f.filter),
      ['all', 'uncaught'],
    );
  });
});

test('a workflow with a syntax error fails the launch with its diagnostics', TEST_OPTIONS, async () => {
  await withClient(async (client) => {
    const response = await client.launch({ program: fixture('broken.asl.json') });
    assert.equal(response.success, false);
    // `"Type": "Pass" "End"`: the comma is missing before "End", line 4, column 31.
    assert.match(response.message ?? '', /broken\.asl\.json:4:31: error ASL-SYNTAX: /);
    assert.match(client.output('stderr'), /broken\.asl\.json:4:31: error ASL-SYNTAX: /);
    assert.equal(
      client.events.some((e) => e.event === 'terminated'),
      false,
      'a failed launch is not a session that ran',
    );
  });
});

test(
  'a launch without program, with a wrong attribute, or a missing file is refused by name',
  TEST_OPTIONS,
  async () => {
    await withClient(async (client) => {
      const response = await client.launch({});
      assert.equal(response.success, false);
      assert.match(response.message ?? '', /no "program"/);
    });
    await withClient(async (client) => {
      const response = await client.launch({ program: MAP, stopOnEntry: 'yes' });
      assert.equal(response.success, false);
      assert.match(response.message ?? '', /"stopOnEntry" must be true or false/);
    });
    await withClient(async (client) => {
      const response = await client.launch({ program: fixture('missing.asl.json') });
      assert.equal(response.success, false);
      assert.match(response.message ?? '', /missing\.asl\.json: the file does not exist/);
    });
  },
);

test(
  'banking: a breakpoint inside CheckAddress binds to it, stops in branch 2, steps over, evaluates and ends',
  TEST_OPTIONS,
  async () => {
    await withClient(async (client) => {
      const response = await client.launch(BANKING_RUN, {
        breakpoints: new Map([[BANKING, [{ line: CHECK_ADDRESS_INPUT_PATH_LINE }, { line: 3 }]]]),
      });
      assert.equal(response.success, true, response.message);
      const [bound, unbound] = client.breakpointAnswers;
      assert.equal(bound?.verified, true);
      assert.equal(bound?.line, CHECK_ADDRESS_LINE, 'moved to the state name');
      assert.equal(unbound?.verified, false, 'StartAt is in no state');
      assert.match(unbound?.message ?? '', /not part of any state/);

      const stop = await client.stopped('breakpoint');
      assert.deepEqual(stop.hitBreakpointIds, [bound?.id]);
      const stack = await client.stack();
      assert.deepEqual(names(stack), ['Branch 2 › CheckAddress', 'CheckApplicant']);
      assert.equal(stack[0]?.line, CHECK_ADDRESS_LINE);

      const input = await client.scope('State Input');
      assert.deepEqual([...input.keys()], ['applicant']);
      const applicant = input.get('applicant');
      assert.ok(applicant !== undefined && applicant.variablesReference > 0, 'the applicant expands');
      const members = await client.variables(applicant.variablesReference);
      assert.equal(valueOf(members, 'name'), '"Ada Lovelace"');
      assert.equal(members.get('address')?.evaluateName, '$.applicant.address');
      const effective = await client.scope('Effective Input');
      assert.deepEqual([...effective.keys()], ['name', 'email', 'address'], 'InputPath $.applicant applied');
      const context = await client.scope('Context Object');
      assert.ok(context.has('Execution') && context.has('State'));

      await client.dc.nextRequest({ threadId: 1 });
      await client.stopped('step');
      assert.deepEqual(
        names(await client.stack()),
        ['OpenNewAccount'],
        'over the end of the branch to the next state',
      );
      const json = await client.evaluate('$.checks[1].check');
      assert.equal(json.body.result, '"address"');
      const jsonata = await client.evaluate('$count($.checks) & " checks for " & $.applicant.name');
      assert.equal(jsonata.body.result, '"2 checks for Ada Lovelace"');
      const intrinsic = await client.evaluate('States.ArrayLength($.checks)');
      assert.equal(intrinsic.body.result, '2');
      const bad = await client.evaluate('$.checks[').catch((error: unknown) => error);
      assert.ok(bad instanceof Error, 'an expression that does not parse is an error, not a crash');

      const exited = client.next('exited');
      await client.dc.continueRequest({ threadId: 1 });
      await client.next('terminated');
      assert.equal(bodyField(await exited, 'exitCode'), 0);
      const output = finalOutput(client.output());
      assert.deepEqual(output, {
        ...bankingInput(),
        checks: [
          { check: 'name', passed: true, name: 'Ada Lovelace' },
          { check: 'address', passed: true, country: 'GB' },
        ],
        account: member(output, 'account'),
      });
      assert.match(JSON.stringify(output), /"accountNumber":"ACC-\d{9}"/);
    });
  },
);

test(
  'the history streams to the Debug Console, and the graph receives stepwise/execution events',
  TEST_OPTIONS,
  async () => {
    await withClient(async (client) => {
      const response = await client.launch(BANKING_RUN);
      assert.equal(response.success, true, response.message);
      await client.next('terminated');
      const console = client.output();
      const order = [
        'ExecutionStarted',
        'ParallelStateEntered  CheckApplicant',
        'TaskStateEntered  CheckAddress',
        'LambdaFunctionSucceeded',
        'TaskStateExited  OpenNewAccount',
        'ExecutionSucceeded',
      ];
      let at = 0;
      for (const line of order) {
        const found = console.indexOf(line, at);
        assert.ok(found >= 0, `'${line}' after position ${at}:\n${console}`);
        at = found;
      }
      const outputs = client.events.filter((e) => e.event === 'output');
      assert.ok(
        outputs.some((e) => {
          const reference = bodyField(e, 'variablesReference');
          return typeof reference === 'number' && reference > 0;
        }),
        'event lines carry their details',
      );
      const graph: ExecutionEvent[] = client.events
        .filter((e) => e.event === 'stepwise/execution')
        .map((e) => {
          const body: unknown = e.body;
          assert.ok(isExecutionEvent(body), JSON.stringify(body));
          return body;
        });
      assert.equal(graph[0]?.kind, 'started');
      assert.deepEqual(graph.at(-1), {
        kind: 'ended',
        executionId: graph[0]?.executionId,
        uri: graph[0]?.uri,
        status: 'SUCCEEDED',
      });
      const address = graph.find(
        (e) => e.kind === 'state' && e.status === 'succeeded' && e.path.at(-1)?.state === 'CheckAddress',
      );
      assert.ok(address?.kind === 'state');
      assert.deepEqual(address.path, [{ state: 'CheckApplicant', branch: 1 }, { state: 'CheckAddress' }]);
      const parallel = graph.find(
        (e) =>
          e.kind === 'state' &&
          e.status === 'succeeded' &&
          e.path.length === 1 &&
          e.path[0]?.state === 'CheckApplicant',
      );
      assert.ok(parallel?.kind === 'state' && parallel.next === 'OpenNewAccount', 'the transition taken');
    });
  },
);

test('step into a Map iteration, then step out of it', TEST_OPTIONS, async () => {
  await withClient(async (client) => {
    const response = await client.launch({ program: MAP, input: ORDERS, stopOnEntry: true });
    assert.equal(response.success, true, response.message);
    await client.stopped('entry');
    assert.deepEqual(names(await client.stack()), ['Prepare']);
    await client.dc.nextRequest({ threadId: 1 });
    await client.stopped('step');
    assert.deepEqual(names(await client.stack()), ['ChargeAll']);
    await client.dc.stepInRequest({ threadId: 1 });
    await client.stopped('step');
    const stack = await client.stack();
    assert.deepEqual(names(stack), ['Map[0] › Charge', 'ChargeAll']);
    assert.equal(stack[0]?.line, CHARGE_LINE);
    const input = await client.scope('State Input');
    assert.equal(valueOf(input, 'amount'), '5');
    await client.dc.nextRequest({ threadId: 1 });
    await client.stopped('step');
    assert.deepEqual(
      names(await client.stack()),
      ['Map[0] › Record', 'ChargeAll'],
      'step over stays in the iteration',
    );
    await client.dc.stepOutRequest({ threadId: 1 });
    await client.stopped('step');
    assert.deepEqual(names(await client.stack()), ['Done'], 'out of the Map to the state after it');
    await client.dc.continueRequest({ threadId: 1 });
    await client.next('terminated');
  });
});

test(
  'a conditional breakpoint stops only where its condition holds; hit counts and logpoints',
  TEST_OPTIONS,
  async () => {
    await withClient(async (client) => {
      const response = await client.launch(
        { program: MAP, input: ORDERS },
        {
          breakpoints: new Map([
            [
              MAP,
              [
                { line: CHARGE_LINE, condition: '$.amount > 100' },
                { line: CHARGE_LINE + 1, logMessage: 'charging order {$.id} of {$states.input.amount}' },
                { line: RECORD_LINE, hitCondition: '==3' },
              ],
            ],
          ]),
        },
      );
      assert.equal(response.success, true, response.message);
      assert.deepEqual(
        client.breakpointAnswers.map((b) => [b.verified, b.line]),
        [
          [true, CHARGE_LINE],
          [true, CHARGE_LINE],
          [true, RECORD_LINE],
        ],
      );
      await client.stopped('breakpoint');
      assert.deepEqual(
        names(await client.stack()),
        ['Map[1] › Charge', 'ChargeAll'],
        'only the order over 100',
      );
      await client.dc.continueRequest({ threadId: 1 });
      await client.stopped('breakpoint');
      assert.deepEqual(
        names(await client.stack()),
        ['Map[2] › Record', 'ChargeAll'],
        'the third hit of Record',
      );
      await client.dc.continueRequest({ threadId: 1 });
      await client.next('terminated');
      assert.equal(client.events.filter((e) => e.event === 'stopped').length, 2);
      const console = client.output();
      for (const line of ['charging order 1 of 5', 'charging order 2 of 150', 'charging order 3 of 7']) {
        assert.ok(console.includes(line), `${line} in:\n${console}`);
      }
    });
  },
);

test('function breakpoints stop at a state by name; unknown names are unverified', TEST_OPTIONS, async () => {
  await withClient(async (client) => {
    const response = await client.launch({ program: MAP, input: ORDERS }, { functionBreakpoints: ['Done'] });
    assert.equal(response.success, true, response.message);
    await client.stopped();
    assert.deepEqual(names(await client.stack()), ['Done']);
    const answer = await client.dc.setFunctionBreakpointsRequest({
      breakpoints: [{ name: 'Done' }, { name: 'Nope' }],
    });
    assert.deepEqual(
      answer.body.breakpoints.map((b) => b.verified),
      [true, false],
    );
    await client.dc.continueRequest({ threadId: 1 });
    await client.next('terminated');
  });
});

const FAILING = fixture('failing.asl.json');
const FAILING_RUN = { program: FAILING, mocks: fixture('failing.mocks.json'), testCase: 'Declined' };

test(
  'the uncaught-errors filter stops where the error will fail the execution, not at a retried one',
  TEST_OPTIONS,
  async () => {
    await withClient(async (client) => {
      const response = await client.launch(FAILING_RUN, { exceptionFilters: ['uncaught'] });
      assert.equal(response.success, true, response.message);
      const stop = await client.stopped('exception');
      assert.equal(stop.text, 'PaymentDeclined');
      assert.deepEqual(names(await client.stack()), ['Charge']);
      const error = await client.scope('Error');
      assert.equal(valueOf(error, 'Error'), '"PaymentDeclined"');
      const info = await client.dc.exceptionInfoRequest({ threadId: 1 });
      assert.equal(info.body.breakMode, 'unhandled');
      assert.equal(info.body.description, 'The card was declined.');
      const exited = client.next('exited');
      await client.dc.continueRequest({ threadId: 1 });
      await client.next('terminated');
      assert.equal(bodyField(await exited, 'exitCode'), 1);
      assert.match(client.output(), /Execution FAILED\. PaymentDeclined: The card was declined\./);
    });
  },
);

test(
  'the all-errors filter stops at a retried error too, and its condition filters by error name',
  TEST_OPTIONS,
  async () => {
    await withClient(async (client) => {
      const response = await client.launch(FAILING_RUN, { exceptionFilters: ['all'] });
      assert.equal(response.success, true, response.message);
      assert.equal((await client.stopped('exception')).text, 'Busy');
      assert.deepEqual(names(await client.stack()), ['Reserve']);
      await client.dc.continueRequest({ threadId: 1 });
      assert.equal((await client.stopped('exception')).text, 'PaymentDeclined');
      await client.dc.continueRequest({ threadId: 1 });
      await client.next('terminated');
    });
    await withClient(async (client) => {
      const response = await client.launch(FAILING_RUN, {
        exceptionOptions: [{ filterId: 'all', condition: 'PaymentDeclined' }],
      });
      assert.equal(response.success, true, response.message);
      assert.equal((await client.stopped('exception')).text, 'PaymentDeclined', 'Busy is filtered out');
      await client.dc.continueRequest({ threadId: 1 });
      await client.next('terminated');
    });
  },
);

test(
  'step back and reverse continue return to earlier states; the run then ends as usual',
  TEST_OPTIONS,
  async () => {
    await withClient(async (client) => {
      const response = await client.launch({ ...BANKING_RUN, stopOnEntry: true });
      assert.equal(response.success, true, response.message);
      await client.stopped('entry');
      await client.dc.stepInRequest({ threadId: 1 });
      await client.stopped('step');
      assert.deepEqual(names(await client.stack()), ['Branch 1 › CheckName', 'CheckApplicant']);
      await client.dc.nextRequest({ threadId: 1 });
      await client.stopped('step');
      assert.deepEqual(names(await client.stack()), ['Branch 2 › CheckAddress', 'CheckApplicant']);
      await client.dc.nextRequest({ threadId: 1 });
      await client.stopped('step');
      assert.deepEqual(names(await client.stack()), ['OpenNewAccount']);
      assert.ok((await client.scopes()).has('State Input'));

      await client.dc.stepBackRequest({ threadId: 1 });
      await client.stopped('step');
      assert.deepEqual(names(await client.stack()), ['Branch 2 › CheckAddress', 'CheckApplicant']);
      const input = await client.scope('State Input');
      assert.ok(input.has('applicant'), 'the state as it was then');
      assert.equal((await client.scopes()).has('Result'), false, 'CheckAddress has not answered yet');
      await client.dc.reverseContinueRequest({ threadId: 1 });
      await client.stopped('entry');
      assert.deepEqual(names(await client.stack()), ['CheckApplicant']);
      assert.match(client.output(), /back to event \d+/);

      await client.dc.continueRequest({ threadId: 1 });
      await client.next('terminated');
      const output = finalOutput(client.output());
      assert.match(JSON.stringify(output), /"checks":\[\{"check":"name".*\{"check":"address"/);
    });
  },
);

test(
  'setVariable edits the state input and runs the state again with it; restart frame re-runs a state',
  TEST_OPTIONS,
  async () => {
    await withClient(async (client) => {
      const response = await client.launch({ program: MAP, input: ORDERS, stopOnEntry: true });
      assert.equal(response.success, true, response.message);
      await client.stopped('entry');
      const input = await client.scope('State Input');
      const orders = input.get('orders');
      assert.ok(orders !== undefined && orders.variablesReference > 0);
      const first = (await client.variables(orders.variablesReference)).get('0');
      assert.ok(first !== undefined && first.variablesReference > 0);
      const set = await client.dc.setVariableRequest({
        variablesReference: first.variablesReference,
        name: 'amount',
        value: '500',
      });
      assert.equal(set.body.value, '500');
      await client.stopped('restart');
      const prepared = await client.scope('Output');
      const charged = prepared.get('orders');
      assert.ok(charged !== undefined);
      const edited = (await client.variables(charged.variablesReference)).get('0');
      assert.ok(edited !== undefined);
      assert.equal(
        valueOf(await client.variables(edited.variablesReference), 'amount'),
        '500',
        'Prepare ran again on the edited input',
      );
      const refused = await client.dc
        .setVariableRequest({
          variablesReference: (await client.scopes()).get('Context Object') ?? 0,
          name: 'State',
          value: '1',
        })
        .catch((error: unknown) => error);
      assert.ok(refused instanceof Error, 'only the state input can be edited');

      await client.dc.nextRequest({ threadId: 1 });
      await client.stopped('step');
      const [frame] = await client.stack();
      assert.ok(frame !== undefined);
      await client.dc.restartFrameRequest({ frameId: frame.id });
      await client.stopped('restart');
      assert.deepEqual(names(await client.stack()), ['ChargeAll']);
      await client.dc.continueRequest({ threadId: 1 });
      await client.next('terminated');
      const output = finalOutput(client.output());
      assert.match(JSON.stringify(output), /"charges":\[\{"id":1,"charged":500\}/);
      assert.equal(
        client.output().match(/MapStateEntered {2}ChargeAll/g)?.length,
        2,
        `ChargeAll entered, then again:\n${client.output()}`,
      );
    });
  },
);

test(
  'a handler that exits its process or hangs fails its Task; the session survives',
  TEST_OPTIONS,
  async () => {
    await withClient(async (client) => {
      const response = await client.launch({
        program: fixture('crashing.asl.json'),
        input: {},
        handlers: fixture('crashing.handlers.js'),
      });
      assert.equal(response.success, true, response.message);
      await client.next('terminated', 20_000);
      const output = finalOutput(client.output());
      assert.equal(member(member(output, 'crash'), 'Error'), 'States.TaskFailed');
      assert.match(String(member(member(output, 'crash'), 'Cause')), /ended its process \(exit code 3\)/);
      assert.equal(member(member(output, 'hang'), 'Error'), 'States.Timeout');
    });
  },
);

test('handlers are refused when the editor says the workspace is not trusted', TEST_OPTIONS, async () => {
  process.env['STEPWISE_UNTRUSTED'] = '1';
  try {
    await withClient(async (client) => {
      const response = await client.launch(BANKING_RUN);
      assert.equal(response.success, false);
      assert.match(response.message ?? '', /trusted workspace/);
    });
  } finally {
    delete process.env['STEPWISE_UNTRUSTED'];
  }
});

test('launchArgs.ts declares the launch attributes of package.json', TEST_OPTIONS, () => {
  const manifest: unknown = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const declared = launchAttributesOf(manifest);
  assert.deepEqual([...LAUNCH_ATTRIBUTES].sort(), declared.sort());
});

function launchAttributesOf(manifest: unknown): string[] {
  const debuggers = member(member(manifest, 'contributes'), 'debuggers');
  assert.ok(Array.isArray(debuggers), 'package.json has contributes.debuggers');
  const stepwise: unknown = debuggers.find((d: unknown) => member(d, 'type') === 'stepwise');
  const properties = member(member(member(stepwise, 'configurationAttributes'), 'launch'), 'properties');
  assert.ok(
    typeof properties === 'object' && properties !== null,
    'the stepwise debugger has launch properties',
  );
  return Object.keys(properties);
}

test(
  'pause stops a running execution at the next step; the state machine name is the one given',
  TEST_OPTIONS,
  async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'stepwise-pause-'));
    try {
      await withClient(async (client) => {
        const counts = path.join(scratch, 'counts.txt');
        const response = await client.launch({
          program: fixture('counting.asl.json'),
          handlers: fixture('counting.handlers.js'),
          input: { countFile: counts, slowMs: 1000 },
          stateMachineName: 'Counter',
        });
        assert.equal(response.success, true, response.message);
        await taskStarted(counts, 'Slow');
        await client.dc.pauseRequest({ threadId: 1 });
        await client.stopped('pause');
        assert.deepEqual(names(await client.stack()), ['Branch 2 › Slow', 'Both']);
        const threads = await client.dc.threadsRequest();
        assert.deepEqual(
          threads.body.threads.map((t) => t.name),
          ['Execution Counter'],
        );
        const context = await client.evaluate('$$.StateMachine.Name');
        assert.equal(context.body.result, '"Counter"');
        await client.dc.continueRequest({ threadId: 1 });
        await client.next('terminated');
      });
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  },
);

test('a virtual clock passes a Wait at once; a real one takes the time', TEST_OPTIONS, async () => {
  for (const clock of ['virtual', 'real'] as const) {
    await withClient(async (client) => {
      const started = Date.now();
      const response = await client.launch({ program: fixture('wait.asl.json'), clock });
      assert.equal(response.success, true, response.message);
      await client.next('terminated');
      const elapsed = Date.now() - started;
      const output = finalOutput(client.output());
      assert.equal(member(output, 'machine'), 'wait', 'the file name by default');
      if (clock === 'real') assert.ok(elapsed >= 1000, `the real wait took ${elapsed} ms`);
      else assert.ok(elapsed < 1000, `the virtual wait took ${elapsed} ms`);
    });
  }
});

test(
  'the JSONata banking example (YAML) stops on OpenNewAccount with its workflow variables and ends',
  TEST_OPTIONS,
  async () => {
    const program = path.join(
      root,
      'examples',
      'account-processing-jsonata',
      'account-processing-jsonata.asl.yaml',
    );
    const OPEN_NEW_ACCOUNT_LINE = 59;
    await withClient(async (client) => {
      const response = await client.launch(
        {
          program,
          inputFile: path.join(root, 'examples', 'account-processing-jsonata', 'input.json'),
          handlers: path.join(root, 'examples', 'account-processing-jsonata', 'handlers.json'),
        },
        { breakpoints: new Map([[program, [{ line: OPEN_NEW_ACCOUNT_LINE + 3 }]]]) },
      );
      assert.equal(response.success, true, response.message);
      assert.equal(client.breakpointAnswers[0]?.line, OPEN_NEW_ACCOUNT_LINE, 'moved to the state name');
      await client.stopped('breakpoint');
      assert.deepEqual(names(await client.stack()), ['OpenNewAccount']);
      // Assigned by CheckApplicant (a Parallel) and by the Choice rule that led here.
      const variables = await client.scope('Variables');
      assert.deepEqual([...variables.keys()].sort(), ['applicant', 'checkedCountry']);
      assert.equal(valueOf(variables, 'checkedCountry'), '"GB"');
      assert.equal(
        (await client.evaluate('$applicant.name & " in " & $checkedCountry')).body.result,
        '"Ada Lovelace in GB"',
      );

      const exited = client.next('exited');
      await client.dc.continueRequest({ threadId: 1 });
      await client.next('terminated');
      assert.equal(bodyField(await exited, 'exitCode'), 0);
      assert.equal(member(member(finalOutput(client.output()), 'account'), 'country'), 'GB');
    });
  },
);
