/**
 * The debug adapter over its real transport: dist/debugAdapter.js as a child process, DAP over
 * stdio. Build first (`node esbuild.mjs`), then `node --import tsx --test test/dap/adapter.test.ts`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { LAUNCH_ATTRIBUTES } from '../../server/src/debug/launchArgs';
import { DapClient } from '../support/dapClient';

const root = path.resolve(import.meta.dirname, '..', '..');
const adapterPath = path.join(root, 'dist', 'debugAdapter.js');
const fixture = (name: string): string => path.join(import.meta.dirname, 'fixtures', name);

/** A backstop for the whole test; each wait inside has its own, shorter timeout. */
const TEST_OPTIONS = { timeout: 30_000 };

const INITIALIZE_ARGS: DebugProtocol.InitializeRequestArguments = {
  clientID: 'stepwise-tests',
  adapterID: 'stepwise',
  pathFormat: 'path',
  linesStartAt1: true,
  columnsStartAt1: true,
};

/** Runs `body` against a fresh adapter and always shuts it down. */
async function withAdapter(body: (client: DapClient) => Promise<void>): Promise<void> {
  assert.ok(existsSync(adapterPath), `${adapterPath} is missing: run \`node esbuild.mjs\` first.`);
  const client = DapClient.start(adapterPath);
  try {
    await body(client);
  } finally {
    await client.close();
  }
}

/** What VS Code does: initialize, then launch and configurationDone once `initialized` arrives. */
async function launch(client: DapClient, args: Record<string, unknown>): Promise<DebugProtocol.Response> {
  const initialized = await client.request('initialize', INITIALIZE_ARGS);
  assert.equal(initialized.success, true, initialized.message);
  await client.waitForEvent('initialized');
  const launched = client.request('launch', { type: 'stepwise', request: 'launch', name: 'test', ...args });
  const configured = await client.request('configurationDone', {});
  assert.equal(configured.success, true, configured.message);
  return launched;
}

test('initialize answers the capabilities and sends initialized', TEST_OPTIONS, async () => {
  await withAdapter(async (client) => {
    const response = await client.request('initialize', INITIALIZE_ARGS);
    assert.equal(response.success, true, response.message);
    const body: unknown = response.body;
    assert.ok(typeof body === 'object' && body !== null);
    assert.equal((body as DebugProtocol.Capabilities).supportsConfigurationDoneRequest, true);
    const initialized = await client.waitForEvent('initialized');
    assert.equal(initialized.type, 'event');
  });
});

test('a workflow with a syntax error fails the launch with its diagnostics', TEST_OPTIONS, async () => {
  await withAdapter(async (client) => {
    const response = await launch(client, { program: fixture('broken.asl.json') });
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

test('a good workflow lists its states in nesting order, then terminates', TEST_OPTIONS, async () => {
  await withAdapter(async (client) => {
    const response = await launch(client, {
      program: fixture('parallel.asl.json'),
      input: {},
      stopOnEntry: true,
    });
    assert.equal(response.success, true, response.message);
    await client.waitForEvent('terminated');
    assert.equal(
      client.output(),
      [
        'parallel.asl.json: 5 states, starting at Checks',
        '▶ Checks (Parallel)',
        '    Branch 1:',
        '      ▶ CheckA (Pass)',
        '    Branch 2:',
        '      ▶ CheckB (Pass)',
        '        RecordB (Pass)',
        '  Done (Succeed)',
        'Stepwise cannot execute workflows yet: the local engine arrives with the engine issue.',
        '',
      ].join('\n'),
    );
    const last = client.events.at(-1);
    assert.equal(last?.event, 'terminated', 'terminated comes after the listing');
  });
});

test('a launch without program fails with a message naming it', TEST_OPTIONS, async () => {
  await withAdapter(async (client) => {
    const response = await launch(client, {});
    assert.equal(response.success, false);
    assert.match(response.message ?? '', /no "program"/);
  });
});

test('a launch attribute of the wrong type is named', TEST_OPTIONS, async () => {
  await withAdapter(async (client) => {
    const response = await launch(client, { program: fixture('parallel.asl.json'), stopOnEntry: 'yes' });
    assert.equal(response.success, false);
    assert.match(response.message ?? '', /"stopOnEntry" must be true or false/);
  });
});

test('a program that does not exist fails the launch', TEST_OPTIONS, async () => {
  await withAdapter(async (client) => {
    const response = await launch(client, { program: fixture('missing.asl.json') });
    assert.equal(response.success, false);
    assert.match(response.message ?? '', /missing\.asl\.json: the file does not exist/);
  });
});

test('launchArgs.ts declares the launch attributes of package.json', TEST_OPTIONS, () => {
  const manifest: unknown = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const declared = launchAttributesOf(manifest);
  assert.deepEqual([...LAUNCH_ATTRIBUTES].sort(), declared.sort());
});

function launchAttributesOf(manifest: unknown): string[] {
  const debuggers = field(field(manifest, 'contributes'), 'debuggers');
  assert.ok(Array.isArray(debuggers), 'package.json has contributes.debuggers');
  const stepwise: unknown = debuggers.find((d: unknown) => field(d, 'type') === 'stepwise');
  const properties = field(field(field(stepwise, 'configurationAttributes'), 'launch'), 'properties');
  assert.ok(
    typeof properties === 'object' && properties !== null,
    'the stepwise debugger has launch properties',
  );
  return Object.keys(properties);
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}
