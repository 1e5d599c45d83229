/**
 * Durable executions through the adapter: a run killed with SIGKILL mid-Task is resumed by a
 * new adapter from its stored events, without running a completed Task again, and ends with
 * the output of an uninterrupted run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { openExecutionStore } from '../../server/src/store';
import { bodyField, countsIn, finalOutput, fixture, taskStarted, withClient } from './stepwiseClient';

const TEST_OPTIONS = { timeout: 60_000 };

const RUN = { program: fixture('counting.asl.json'), handlers: fixture('counting.handlers.js') };

/** The output without the two inputs that differ between the runs (where to count, how slow). */
function withoutCountFile(output: unknown): string {
  return JSON.stringify(output, (key, value: unknown) =>
    key === 'countFile' || key === 'slowMs' ? undefined : value,
  );
}

test(
  'an adapter killed mid-execution resumes it: completed Tasks run once, same output',
  TEST_OPTIONS,
  async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'stepwise-resume-'));
    try {
      // The reference: the same workflow run without interruption.
      const referenceCounts = path.join(scratch, 'reference.txt');
      let reference: unknown;
      await withClient(async (client) => {
        const response = await client.launch({ ...RUN, input: { countFile: referenceCounts, slowMs: 0 } });
        assert.equal(response.success, true, response.message);
        await client.next('terminated');
        reference = finalOutput(client.output());
      });

      const store = path.join(scratch, 'executions');
      const counts = path.join(scratch, 'counts.txt');
      await withClient(async (client) => {
        const response = await client.launch({
          ...RUN,
          input: { countFile: counts, slowMs: 60_000 },
          persist: store,
        });
        assert.equal(response.success, true, response.message);
        const started = await client.next('process');
        const pid = bodyField(started, 'systemProcessId');
        assert.ok(typeof pid === 'number');
        await taskStarted(counts, 'Slow');
        process.kill(pid, 'SIGKILL');
      });
      assert.equal(countsIn(counts).get('Slow done'), undefined, 'killed before Slow answered');
      assert.ok(existsSync(path.join(store, '.gitignore')), 'the store ignores itself');
      const [stored, ...others] = openExecutionStore(store).list();
      assert.ok(stored !== undefined && others.length === 0);
      assert.equal(stored.status, 'RUNNING');

      await withClient(async (client) => {
        const response = await client.launch({ resume: stored.id, persist: store });
        assert.equal(response.success, true, response.message);
        await client.next('terminated');
        assert.match(client.output(), /Resuming counting/);
        assert.equal(withoutCountFile(finalOutput(client.output())), withoutCountFile(reference));
      });
      const after = countsIn(counts);
      for (const task of ['First', 'Second', 'Slow', 'Last']) {
        assert.equal(after.get(`${task} done`), 1, `${task} completed exactly once`);
      }
      assert.equal(after.get('First start'), 1, 'a completed Task is not run again');
      assert.equal(after.get('Second start'), 1);
      assert.equal(after.get('Slow start'), 2, 'the interrupted Task runs again');
      const finished = openExecutionStore(store).load(stored.id);
      assert.equal(finished.latest?.state.status, 'SUCCEEDED');
      assert.deepEqual(
        finished.events.map((e) => e.id),
        finished.events.map((_, i) => i + 1),
        'one history, ids in sequence across the kill',
      );
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  },
);

test('resume and redrive of executions that cannot be continued say why', TEST_OPTIONS, async () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'stepwise-resume-'));
  try {
    const store = path.join(scratch, 'executions');
    await withClient(async (client) => {
      const response = await client.launch({
        program: fixture('map.asl.json'),
        input: { orders: [] },
        persist: store,
      });
      assert.equal(response.success, true, response.message);
      await client.next('terminated');
    });
    const [stored] = openExecutionStore(store).list();
    assert.ok(stored !== undefined);
    assert.equal(stored.status, 'SUCCEEDED');
    await withClient(async (client) => {
      const response = await client.launch({ resume: stored.id, persist: store });
      assert.equal(response.success, false);
      assert.match(response.message ?? '', /already ended \(SUCCEEDED\)/);
    });
    await withClient(async (client) => {
      const response = await client.launch({ redrive: stored.id, persist: store });
      assert.equal(response.success, false);
      assert.match(response.message ?? '', /nothing to redrive/);
    });
    await withClient(async (client) => {
      const response = await client.launch({ resume: 'no-such-run', persist: store });
      assert.equal(response.success, false);
      assert.match(response.message ?? '', /No execution is stored/);
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
