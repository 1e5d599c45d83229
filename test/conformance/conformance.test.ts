import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { isRecord } from '../../server/src/guards';
import { loadCases } from './cases';
import type { ConformanceCase } from './cases';
import { runCase } from './runCase';
import { differences } from './verdict';

/**
 * Runs every recorded AWS execution that needs no AWS service, and every one whose Tasks have a
 * recorded mock, and compares status, output, error, cause and history. Cases that cannot pass
 * yet are listed in known-failures.json with the reason; the test fails when an unlisted case
 * fails or a listed one starts passing, so the list stays true.
 */
const knownFailuresFile = path.join(import.meta.dirname, 'known-failures.json');

function loadKnownFailures(): Map<string, string> {
  const raw: unknown = JSON.parse(fs.readFileSync(knownFailuresFile, 'utf8'));
  if (!isRecord(raw)) throw new Error('known-failures.json must map case names to reasons.');
  const known = new Map<string, string>();
  for (const [name, reason] of Object.entries(raw)) if (typeof reason === 'string') known.set(name, reason);
  return known;
}

function isRunnable(c: ConformanceCase): boolean {
  return (c.needs.length === 1 && c.needs[0] === 'none') || c.mock !== undefined;
}

test('the engine reproduces the executions recorded against AWS', async () => {
  const cases = loadCases().filter(isRunnable);
  assert.ok(cases.length > 700, `expected the conformance corpus, found ${cases.length} runnable cases`);
  const known = loadKnownFailures();
  const counts = new Map<string, { passed: number; failed: number }>();
  const unexpected: string[] = [];
  const nowPassing: string[] = [];
  const failures: Record<string, string> = {};
  for (const c of cases) {
    const diffs = differences(c, await runCase(c));
    const entry = counts.get(c.category) ?? { passed: 0, failed: 0 };
    counts.set(c.category, entry);
    if (diffs.length === 0) {
      entry.passed += 1;
      if (known.has(c.name)) nowPassing.push(c.name);
    } else {
      entry.failed += 1;
      failures[c.name] = diffs.join(' | ');
      if (!known.has(c.name)) unexpected.push(`${c.name}\n    ${diffs.join('\n    ')}`);
    }
  }
  const lines = [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, { passed, failed }]) => `  ${category.padEnd(20)} ${passed} / ${passed + failed}`);
  const total = [...counts.values()].reduce((sum, { passed, failed }) => sum + passed + failed, 0);
  const passed = [...counts.values()].reduce((sum, entry) => sum + entry.passed, 0);
  console.log(
    `Conformance by category (passed / run):\n${lines.join('\n')}\n  ${'all'.padEnd(20)} ${passed} / ${total}`,
  );
  if (process.env['CONFORMANCE_FAILURES'] !== undefined) {
    fs.writeFileSync(process.env['CONFORMANCE_FAILURES'], JSON.stringify(failures, null, 1));
  }
  const stale = [...known.keys()].filter((name) => !cases.some((c) => c.name === name));
  assert.deepEqual(stale, [], 'known-failures.json lists cases that are not in the corpus');
  assert.deepEqual(nowPassing, [], 'these listed cases pass now: remove them from known-failures.json');
  assert.equal(
    unexpected.length,
    0,
    `cases failing that are not in known-failures.json:\n${unexpected.join('\n')}`,
  );
});
