import { describe, test } from 'node:test';
import { validate } from '../../../server/src/asl';
import { codeActionsFor } from '../../../server/src/asl/service/codeActions';
import { assertGolden } from '../../support/golden';
import { applyEdits, fixtureNames, goldenPath, loadFixture, showSpan, type Fixture } from './harness';

/** Each diagnostic with fixes, each fix with the document it leaves (the lines that changed). */
function render(fixture: Fixture): string {
  const { parsed, model } = fixture;
  const blocks: string[] = [];
  for (const diagnostic of validate(parsed)) {
    const ref = { code: diagnostic.code, offset: diagnostic.offset, length: diagnostic.length };
    const fixes = codeActionsFor(parsed, model, ref, [ref]).filter((f) => f.diagnostic !== undefined);
    if (fixes.length === 0) continue;
    const lines = [`${diagnostic.code} at ${showSpan(parsed, diagnostic)}`];
    for (const fix of fixes) {
      lines.push(`  ${fix.preferred ? '*' : '-'} ${fix.title}`);
      lines.push(...changedLines(parsed.text, applyEdits(parsed.text, fix.edits)).map((l) => `      ${l}`));
    }
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n').concat('\n');
}

/** The region that differs: lines removed (-) and added (+) between the common head and tail. */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  return [
    ...a.slice(head, a.length - tail).map((l) => `- ${l}`),
    ...b.slice(head, b.length - tail).map((l) => `+ ${l}`),
  ];
}

describe('quick fixes (goldens: fixtures/fix)', () => {
  for (const name of fixtureNames('fix')) {
    test(name, () => {
      assertGolden(goldenPath('fix', name), render(loadFixture('fix', name, false)));
    });
  }
});
