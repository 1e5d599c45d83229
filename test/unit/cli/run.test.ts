import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { cli, type Captured, runReport } from '../../support/cli';
import { assertGolden } from '../../support/golden';

const root = path.join(__dirname, '..', '..', '..');
const example = path.join(root, 'examples', 'account-processing');
const fixtures = path.join(__dirname, 'fixtures', 'run');
const fixture = (name: string) => path.join(fixtures, name);
const banking = [
  path.join(example, 'account-processing.asl.json'),
  '--handlers',
  path.join(example, 'handlers.json'),
];
const orders = [fixture('orders.asl.json'), '--input-file', fixture('orders.input.json')];

/** Where these runs are stored: a scratch folder, so that no test writes into the repository. */
const scratch = mkdtempSync(path.join(tmpdir(), 'stepwise-run-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const storeOption = ['--store', scratch];

/** `stepwise run ARGS --store <scratch>`, in-process. */
function run(...args: string[]): Promise<Captured> {
  return cli('run', ...args, ...storeOption);
}

/** Paths and times differ between machines and runs; the rest of the text must not. */
function normalise(text: string): string {
  return text
    .replaceAll(root, '<root>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
    .replace(/ACC-\d{9}/g, 'ACC-<n>');
}

describe('stepwise run', () => {
  test('runs the banking example with its handlers, state by state, then the output', async () => {
    const r = await run(...banking, '--input-file', path.join(example, 'input.json'));
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /^execution [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assertGolden(path.join(fixtures, 'banking.golden.txt'), normalise(r.out) + '\n');
  });

  test('a rejected applicant fails with the Fail state’s error: exit 1, the failed states marked', async () => {
    const input = JSON.stringify({ applicant: { name: 'Ada', email: 'a@example.com', address: {} } });
    const r = await run(...banking, '--input', input, '--history');
    assert.equal(r.code, 1);
    assertGolden(path.join(fixtures, 'banking-rejected.golden.txt'), normalise(r.out) + '\n');
  });

  test('--json prints exactly one object with executionId, status, output, error and cause', async () => {
    const r = await run(...banking, '--input-file', path.join(example, 'input.json'), '--json');
    assert.equal(r.code, 0);
    assert.equal(r.out.split('\n').length, 1);
    const result = runReport(r);
    assert.deepEqual(Object.keys(result), ['executionId', 'status', 'output', 'error', 'cause']);
    assert.equal(r.err, `execution ${result.executionId}`, 'the id on stderr is the one in the report');
    assert.equal(result.status, 'SUCCEEDED');
    assert.equal(result.error, null);
    assert.deepEqual((result.output as { checks: unknown[] }).checks, [
      { check: 'name', passed: true, name: 'Ada Lovelace' },
      { check: 'address', passed: true, country: 'GB' },
    ]);
  });

  test('--json --history adds the events as GetExecutionHistory returns them', async () => {
    const r = await run(...orders, '--handlers', fixture('orders.handlers.json'), '--json', '--history');
    const result = runReport(r);
    assert.deepEqual(result.output, {
      amount: 25,
      payment: { charged: 25 },
      shipment: { tracking: 'TRK-25' },
    });
    const types = result.history?.map((event) => event.type);
    assert.deepEqual(types?.slice(0, 5), [
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
    ]);
    assert.equal(types?.at(-1), 'ExecutionSucceeded');
    assert.ok(
      types?.includes('LambdaFunctionScheduled'),
      'the legacy Lambda ARN records LambdaFunction events',
    );
    assert.deepEqual(
      result.history?.map((event) => event.id),
      result.history?.map((_, index) => index + 1),
    );
    assert.match(result.history?.[0]?.timestamp ?? '', /^\d{4}-\d\d-\d\dT/);
  });

  test('mocks answer by test case and invocation: retries take the next responses, in virtual time', async () => {
    const mocks = ['--mocks', fixture('orders.mocks.json')];
    const happy = runReport(await run(...orders, ...mocks, '--test-case', 'HappyPath', '--json'));
    assert.deepEqual(happy.output, { amount: 25, payment: { charged: 25 }, shipment: { tracking: 'TRK-1' } });
    const throttled = await run(...orders, ...mocks, '--test-case', 'Throttled');
    assert.equal(throttled.code, 0);
    // Two retries, 2 s then 4 s apart.
    assert.match(throttled.out, /^ {2}ShipOrder \(Task\) {2}6\.00 s$/m);
    assert.match(throttled.out, /"tracking": "TRK-3"/);
    const declined = await run(...orders, ...mocks, '--test-case', 'Declined', '--json');
    assert.equal(declined.code, 1);
    const { executionId, ...declinedReport } = runReport(declined);
    assert.match(executionId, /^[0-9a-f-]{36}$/);
    assert.deepEqual(declinedReport, {
      status: 'FAILED',
      output: null,
      error: 'PaymentDeclined',
      cause: 'The card was declined.',
    });
  });

  test('mocks come first, handlers answer the states the test case leaves out', async () => {
    const r = await run(
      ...orders,
      '--mocks',
      fixture('orders.mocks.json'),
      '--test-case',
      'Declined',
      '--handlers',
      fixture('orders.handlers.json'),
      '--input',
      '{"amount": 3}',
    );
    assert.equal(r.code, 2, 'both --input and --input-file is a usage error');
    const mixed = await run(
      fixture('orders.asl.json'),
      '--input',
      '{"amount": 3}',
      '--mocks',
      fixture('orders.mocks.json'),
      '--test-case',
      'HappyPath',
      '--handlers',
      fixture('orders.handlers.json'),
      '--json',
    );
    assert.deepEqual(runReport(mixed).output, {
      amount: 3,
      payment: { charged: 25 },
      shipment: { tracking: 'TRK-1' },
    });
  });

  test('the mocks file is looked up under the file name, or under --name', async () => {
    const mocks = ['--mocks', fixture('orders.mocks.json'), '--test-case', 'HappyPath'];
    const renamed = await run(...orders, ...mocks, '--name', 'billing');
    assert.equal(renamed.code, 2);
    assert.equal(renamed.out, '');
    assert.match(
      renamed.err,
      /orders\.mocks\.json: The mocks file has no state machine named 'billing' under "StateMachines" \(it has: 'orders'\)/,
    );
    const missingCase = await run(...orders, '--mocks', fixture('orders.mocks.json'), '--test-case', 'Sad');
    assert.match(missingCase.err, /has no test case 'Sad' \(it has: 'HappyPath', 'Throttled', 'Declined'\)/);
  });

  test('a Task nothing answers fails the run, saying how to provide a handler or a mock', async () => {
    const r = await run(...orders, '--json');
    assert.equal(r.code, 1);
    const result = runReport(r);
    assert.equal(result.error, 'States.Runtime');
    assert.match(
      result.cause ?? '',
      /Nothing answers the Task state 'ChargeCard'.*--handlers FILE.*--mocks FILE --test-case NAME/,
    );
  });

  test('--handlers also takes a module whose exports are named after the functions', async () => {
    const yaml = path.join(example, 'account-processing.asl.yaml');
    const input = ['--input-file', path.join(example, 'input.json'), '--json'];
    const module = await run(yaml, '--handlers', path.join(example, 'handlers.js'), ...input);
    assert.equal(module.code, 0, module.err);
    assert.equal(runReport(module).status, 'SUCCEEDED');
    const empty = await run(yaml, '--handlers', fixture('empty-module.mjs'), ...input);
    assert.equal(empty.code, 2);
    assert.match(empty.err, /empty-module\.mjs: The handlers module exports no functions\./);
  });

  test('Map iterations print under their state, a failed iteration marked, then the Catch', async () => {
    const input = JSON.stringify({ items: [{ score: 3 }, { score: 5 }, { name: 'no score' }] });
    const r = await run(fixture('scores.asl.json'), '--input', input);
    assert.equal(r.code, 0, r.err);
    assertGolden(path.join(fixtures, 'scores.golden.txt'), normalise(r.out) + '\n');
  });

  test('time is virtual: an hour of Wait passes at once and shows in the durations', async () => {
    const r = await run(fixture('wait.asl.yaml'));
    assert.equal(r.code, 0);
    assertGolden(path.join(fixtures, 'wait.golden.txt'), normalise(r.out) + '\n');
  });

  test('--type EXPRESS lifts the 25,000-event history quota of STANDARD', async () => {
    const standard = runReport(await run(fixture('count.asl.json'), '--input', '{"i": 0}', '--json'));
    assert.equal(standard.status, 'FAILED');
    const express = await run(
      fixture('count.asl.json'),
      '--input',
      '{"i": 0}',
      '--json',
      '--type',
      'EXPRESS',
    );
    assert.deepEqual(runReport(express).output, { i: 7000 });
  });

  test('an invalid definition is exit 2 with the validator’s diagnostics, and nothing is run', async () => {
    const r = await run('test/unit/cli/fixtures/trailing-comma.asl.json', '--json');
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, /trailing-comma\.asl\.json:4:41: error ASL-SYNTAX-TRAILING-COMMA: /);
    assert.match(r.err, /is not a valid workflow; nothing was run\.$/);
    const semantic = await run(fixture('unknown-start.asl.json'));
    assert.equal(semantic.code, 2);
    assert.equal(semantic.out, '');
    assert.match(semantic.err, /unknown-start\.asl\.json:1:\d+: error ASL-START-AT-UNKNOWN: /);
  });

  test('usage errors are exit 2 and name the problem', async () => {
    const usage = async (...args: string[]) => {
      const r = await run(...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.out, '');
      return r.err;
    };
    const file = fixture('wait.asl.yaml');
    assert.match(await usage(), /run takes exactly one FILE/);
    assert.match(await usage(file, file), /run takes exactly one FILE/);
    assert.match(
      await usage(file, '--input', '{}', '--input-file', 'x.json'),
      /either with '--input' or with '--input-file'/,
    );
    assert.match(await usage(file, '--mocks', 'm.json'), /'--mocks' needs '--test-case NAME'/);
    assert.match(await usage(file, '--test-case', 'T'), /'--test-case' needs '--mocks FILE'/);
    assert.match(await usage(file, '--type', 'BATCH'), /'--type' must be one of: STANDARD, EXPRESS/);
    assert.match(await usage(file, '--input', '{'), /option '--input' is not valid JSON/);
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    assert.match(
      await usage(file, '--input', deep),
      /'--input' is not valid JSON: .* more than 1,000 levels deep/,
    );
    assert.match(
      await usage(file, '--input-file', 'no/such.json'),
      /cannot read 'no\/such\.json' \(ENOENT\)/,
    );
    assert.match(await usage(file, '--name', ''), /'--name' needs a non-empty value/);
    assert.match(await usage('no/such.asl.json'), /cannot read 'no\/such\.asl\.json'/);
  });

  test('a broken mocks or handlers file is exit 2 with each of its problems', async () => {
    const mocks = await run(
      fixture('wait.asl.yaml'),
      '--mocks',
      fixture('orders.asl.json'),
      '--test-case',
      'T',
    );
    assert.equal(mocks.code, 2);
    assert.match(mocks.err, /orders\.asl\.json: The mocks file has an unknown top-level field "Comment"/);
    assert.match(mocks.err, /orders\.asl\.json: "StateMachines" must be an object/);
    const handlers = await run(fixture('wait.asl.yaml'), '--handlers', fixture('orders.input.json'));
    assert.equal(handlers.code, 2);
    assert.match(handlers.err, /orders\.input\.json: "amount" must map to a module path/);
  });

  test('run --help prints its usage', async () => {
    const r = await run('--help');
    assert.equal(r.code, 0);
    assert.match(r.out, /^Usage: stepwise run FILE \[options\]/);
    assert.match((await cli('--help')).out, /^ {2}run +run a workflow locally/m);
  });

  test('as a process: --json is the only thing on stdout and the exit code follows the status', () => {
    const main = path.join(root, 'server', 'src', 'cli', 'main.ts');
    const spawnRun = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', main, 'run', ...args, ...storeOption], {
        cwd: root,
        encoding: 'utf8',
      });
    const ok = spawnRun(...banking, '--input-file', path.join(example, 'input.json'), '--json');
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(ok.stdout.trimEnd().split('\n').length, 1);
    assert.equal(runReport(ok).status, 'SUCCEEDED');
    const failed = spawnRun(...banking, '--json');
    assert.equal(failed.status, 1);
    assert.equal(runReport(failed).status, 'FAILED');
    // A handler whose promise can never settle would otherwise let Node exit with 0 mid-run.
    const stuck = spawnRun(fixture('stuck.asl.json'), '--handlers', fixture('stuck.handlers.json'), '--json');
    assert.equal(stuck.status, 1);
    assert.equal(stuck.stdout, '');
    assert.match(
      stuck.stderr,
      /the run stopped at 'Stuck': its handler returned a promise that nothing can settle/,
    );
  });

  test('as a process: a reader that leaves early (| head) neither stops the run nor crashes it', async () => {
    const main = path.join(root, 'server', 'src', 'cli', 'main.ts');
    const args = [...banking, '--input-file', path.join(example, 'input.json'), ...storeOption];
    const child = spawn(process.execPath, ['--import', 'tsx', main, 'run', ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Every line the run prints goes to a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'close')) as [number | null];
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stderr, /EPIPE|Error/);
  });
});
