import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';

/**
 * Compares rendered output with a golden file beside the test. UPDATE_GOLDEN=1 rewrites the
 * golden; on a mismatch the actual text is written to `<golden>.actual` for a diff and the
 * assertion fails. A missing golden fails too (run with UPDATE_GOLDEN=1 once to create it).
 */
export function assertGolden(goldenPath: string, actual: string): void {
  const actualPath = `${goldenPath}.actual`;
  if (process.env['UPDATE_GOLDEN'] === '1') {
    fs.writeFileSync(goldenPath, actual);
    fs.rmSync(actualPath, { force: true });
    return;
  }
  if (!fs.existsSync(goldenPath)) {
    fs.writeFileSync(actualPath, actual);
    assert.fail(
      `No golden file ${goldenPath}; wrote ${actualPath}. Check it, then run with UPDATE_GOLDEN=1.`,
    );
  }
  const expected = fs.readFileSync(goldenPath, 'utf8');
  if (expected === actual) {
    fs.rmSync(actualPath, { force: true });
    return;
  }
  fs.writeFileSync(actualPath, actual);
  assert.equal(actual, expected, `Output differs from ${goldenPath}; see ${actualPath}.`);
}
