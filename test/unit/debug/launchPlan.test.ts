import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { planLaunch } from '../../../server/src/debug/launchPlan';
import {
  compileDefinition,
  createExecution,
  InvalidExecutionInput,
  type JsonValue,
} from '../../../server/src/engine';
import { openExecutionStore } from '../../../server/src/store';

const scratch = mkdtempSync(path.join(tmpdir(), 'stepwise-launch-plan-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const RUNNABLE: JsonValue = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };

/** A store holding one execution of RUNNABLE, interrupted after its first event, stored as `definition`. */
function storeWith(definition: JsonValue): string {
  const folder = mkdtempSync(path.join(scratch, 'store-'));
  const execution = createExecution(compileDefinition(RUNNABLE), {}, { name: 'run-1' });
  openExecutionStore(folder)
    .create(
      {
        program: path.join(folder, 'flow.asl.json'),
        definition,
        launch: { stateMachineName: 'flow', workflowType: 'STANDARD', clock: 'virtual' },
      },
      execution.state,
    )
    .close();
  return folder;
}

test('a resumable stored execution plans a launch that continues it', async () => {
  const planned = await planLaunch({ resume: 'run-1', persist: storeWith(RUNNABLE) });
  assert.equal(planned.kind, 'ok');
  assert.equal(planned.kind === 'ok' && planned.plan.continueFrom?.kind, 'resume');
});

test('a stored definition that no longer compiles refuses the launch with a message', async () => {
  const planned = await planLaunch({
    resume: 'run-1',
    persist: storeWith({ StartAt: 'Missing', States: { P: { Type: 'Pass', End: true } } }),
  });
  assert.equal(planned.kind, 'invalid');
  assert.match(
    planned.kind === 'invalid' ? planned.message : '',
    /^The stored definition of 'run-1' cannot run: /,
  );
});

test("the store's refusal is the launch's message", async () => {
  const planned = await planLaunch({ redrive: 'run-1', persist: storeWith(RUNNABLE) });
  assert.equal(planned.kind, 'invalid');
  assert.match(planned.kind === 'invalid' ? planned.message : '', /has not ended; resume it instead/);
});

test('the input attribute takes any JSON value, a string too, and refuses one nested too deep', async () => {
  const program = path.join(scratch, 'input.asl.json');
  writeFileSync(program, JSON.stringify(RUNNABLE));
  for (const input of ['{not json, but a string}', 'hello', 0, null, [1], { a: 1 }]) {
    const planned = await planLaunch({ program, input });
    assert.equal(planned.kind, 'ok', JSON.stringify(input));
    assert.deepEqual(planned.kind === 'ok' && planned.plan.input, input);
  }
  let deep: JsonValue = 1;
  for (let i = 0; i < 20_000; i++) deep = [deep];
  const refused = await planLaunch({ program, input: deep });
  assert.equal(refused.kind, 'invalid');
  assert.match(
    refused.kind === 'invalid' ? refused.message : '',
    /^The launch attribute "input" nests arrays and objects more than 1,000 levels deep\.$/,
  );
});

test('the engine refuses to start on input nested past its limit', () => {
  let deep: JsonValue = 1;
  for (let i = 0; i < 1001; i++) deep = { a: deep };
  assert.throws(() => createExecution(compileDefinition(RUNNABLE), deep), InvalidExecutionInput);
  assert.equal(
    createExecution(compileDefinition(RUNNABLE), (deep as { a: JsonValue }).a).state.status,
    'RUNNING',
  );
});
