import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { cli, REPOSITORY_ROOT } from '../../support/cli';
import { assertGolden } from '../../support/golden';

/**
 * Every workflow under examples/ validates with no problem and runs to SUCCEEDED with the
 * input and handlers beside it; its output is compared with a golden. Run in-process through
 * the CLI, as users run them.
 */
const EXAMPLES = path.join(REPOSITORY_ROOT, 'examples');
const GOLDENS = path.join(import.meta.dirname, 'fixtures', 'examples');

interface RunReport {
  readonly status: string;
  readonly output: unknown;
  readonly error: string | null;
  readonly cause: string | null;
}

function isRunReport(value: unknown): value is RunReport {
  return typeof value === 'object' && value !== null && 'status' in value && 'output' in value;
}

/** Times and generated account numbers differ between runs; the rest must not. */
function normalise(text: string): string {
  return text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>').replace(/ACC-\d{9}/g, 'ACC-<n>');
}

const workflows = fs
  .readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) =>
    fs
      .readdirSync(path.join(EXAMPLES, entry.name))
      .filter((file) => /\.asl\.(json|yaml)$/.test(file))
      .sort()
      .map((file) => ({ folder: entry.name, file })),
  );

describe('examples run to SUCCEEDED (goldens: fixtures/examples)', () => {
  test('there are examples to run', () => {
    assert.ok(workflows.length >= 4, workflows.map((w) => w.file).join(', '));
  });

  for (const { folder, file } of workflows) {
    const definition = path.join('examples', folder, file);
    const extra = (name: string, flag: string): string[] =>
      fs.existsSync(path.join(EXAMPLES, folder, name)) ? [flag, path.join('examples', folder, name)] : [];

    test(`${definition} validates with no problem`, async () => {
      const result = await cli('validate', definition);
      assert.equal(result.code, 0, result.out + result.err);
      assert.match(result.out, /0 errors, 0 warnings/);
    });

    test(`${definition} runs to SUCCEEDED with the expected output`, async () => {
      const result = await cli(
        'run',
        definition,
        ...extra('input.json', '--input-file'),
        ...extra('handlers.json', '--handlers'),
        '--json',
        '--no-store',
      );
      assert.match(result.err, /^execution \S+$/);
      const report: unknown = JSON.parse(result.out);
      assert.ok(isRunReport(report));
      assert.equal(report.status, 'SUCCEEDED', `${report.error ?? ''} ${report.cause ?? ''}`);
      assert.equal(result.code, 0);
      const golden = path.join(GOLDENS, `${file.replace(/\.asl\.(json|yaml)$/, '')}.golden.txt`);
      assertGolden(golden, normalise(JSON.stringify(report.output, null, 2)) + '\n');
    });
  }
});
