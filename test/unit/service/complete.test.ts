import { describe, test } from 'node:test';
import { completeAt, type CompletionEntry } from '../../../server/src/asl/service';
import { assertGolden } from '../../support/golden';
import { fixtureNames, goldenPath, loadFixture, showCursor, showSpan, type Fixture } from './harness';

/** One block per cursor: the cursor's line, then each entry with what it inserts where. */
function render(fixture: Fixture): string {
  const { parsed, model } = fixture;
  return fixture.cursors
    .map((offset) => {
      const entries = completeAt(parsed, model, offset);
      const sorted = [...entries].sort((a, b) =>
        (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label),
      );
      const lines = sorted.map((entry) => renderEntry(fixture, entry));
      return [showCursor(parsed, offset), ...(lines.length === 0 ? ['  (nothing)'] : lines)].join('\n');
    })
    .join('\n\n')
    .concat('\n');
}

function renderEntry({ parsed }: Fixture, entry: CompletionEntry): string {
  const head = `  ${entry.label} [${entry.kind}]${entry.detail === undefined ? '' : ` ${entry.detail}`}`;
  const insert = `    ${entry.snippet ? 'snippet' : 'text'} ${JSON.stringify(entry.insertText)} over ${showSpan(parsed, entry.replace)}`;
  const edits = (entry.additionalEdits ?? []).map(
    (edit) => `    also ${JSON.stringify(edit.newText)} at ${showSpan(parsed, edit.span)}`,
  );
  return [head, insert, ...edits].join('\n');
}

describe('completion (goldens: fixtures/complete)', () => {
  for (const name of fixtureNames('complete')) {
    test(name, () => {
      assertGolden(goldenPath('complete', name), render(loadFixture('complete', name)));
    });
  }
});
