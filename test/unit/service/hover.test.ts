import { describe, test } from 'node:test';
import { hoverAt } from '../../../server/src/asl/service';
import { assertGolden } from '../../support/golden';
import { fixtureNames, goldenPath, loadFixture, showCursor, showSpan, type Fixture } from './harness';

function render(fixture: Fixture): string {
  const { parsed, model } = fixture;
  return fixture.cursors
    .map((offset) => {
      const hover = hoverAt(parsed, model, offset);
      const body =
        hover === undefined ? '(no hover)' : `on ${showSpan(parsed, hover.span)}\n${hover.markdown}`;
      return `${showCursor(parsed, offset)}\n${body}`;
    })
    .join('\n\n---\n\n')
    .concat('\n');
}

describe('hover (goldens: fixtures/hover)', () => {
  for (const name of fixtureNames('hover')) {
    test(name, () => {
      assertGolden(goldenPath('hover', name), render(loadFixture('hover', name)));
    });
  }
});
