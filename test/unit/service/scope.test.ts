import { describe, test } from 'node:test';
import { completeAt } from '../../../server/src/asl/service';
import { assertGolden } from '../../support/golden';
import { fixtureNames, goldenPath, loadFixture, showCursor, type Fixture } from './harness';

/**
 * What completion offers at each cursor of fixtures/scope, limited to the entries that depend
 * on where the cursor is (variables in scope, `$states` fields); the
 * functions, the same everywhere, are in the completion goldens.
 */
function render(fixture: Fixture): string {
  const { parsed, model } = fixture;
  return fixture.cursors
    .map((offset) => {
      const entries = completeAt(parsed, model, offset).filter(
        (e) => e.kind === 'field' || (e.kind === 'variable' && e.label !== '$states'),
      );
      const lines = entries.map((e) => `  ${e.label} [${e.kind}] ${e.detail ?? ''}`.trimEnd());
      return [showCursor(parsed, offset), ...(lines.length === 0 ? ['  (nothing)'] : lines)].join('\n');
    })
    .join('\n\n')
    .concat('\n');
}

describe('variables and $states fields in scope at the cursor (goldens: fixtures/scope)', () => {
  for (const name of fixtureNames('scope')) {
    test(name, () => {
      assertGolden(goldenPath('scope', name), render(loadFixture('scope', name)));
    });
  }
});
