import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildModel, parseDocument } from '../../../server/src/asl';
import { definitionAt, prepareRename, referencesAt, renameAt } from '../../../server/src/asl/service';
import { assertGolden } from '../../support/golden';
import {
  applyEdits,
  fixtureNames,
  goldenPath,
  loadFixture,
  showCursor,
  showSpan,
  type Fixture,
} from './harness';

/** For each cursor: definition, references, what rename would select, and a rename's edits. */
function render(fixture: Fixture): string {
  const { parsed, model } = fixture;
  return fixture.cursors
    .map((offset) => {
      const lines = [showCursor(parsed, offset)];
      lines.push(...definitionAt(parsed, model, offset).map((s) => `  definition ${showSpan(parsed, s)}`));
      lines.push(
        ...referencesAt(parsed, model, offset, true).map((s) => `  reference ${showSpan(parsed, s)}`),
      );
      const prepared = prepareRename(parsed, model, offset);
      if (prepared.kind === 'error') {
        lines.push(`  rename refused: ${prepared.message}`);
      } else {
        lines.push(`  rename selects ${showSpan(parsed, prepared.span)} (${prepared.placeholder})`);
        const newName = prepared.placeholder.toLowerCase() === prepared.placeholder ? 'total' : 'New Name';
        const result = renameAt(parsed, model, offset, newName);
        if (result.kind === 'error') lines.push(`  rename to "${newName}" refused: ${result.message}`);
        else
          lines.push(
            ...result.edits.map(
              (e) => `  rename to "${newName}": ${JSON.stringify(e.newText)} at ${showSpan(parsed, e.span)}`,
            ),
          );
      }
      return lines.join('\n');
    })
    .join('\n\n')
    .concat('\n');
}

describe('definition, references and rename (goldens: fixtures/navigate)', () => {
  for (const name of fixtureNames('navigate')) {
    test(name, () => {
      assertGolden(goldenPath('navigate', name), render(loadFixture('navigate', name)));
    });
  }
});

describe('rename', () => {
  const json = '{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Succeed"}}}';

  test('refuses a name that another state already has, saying where', () => {
    const parsed = parseDocument(json, 'json');
    const result = renameAt(parsed, buildModel(parsed), json.indexOf('"A":') + 1, 'B');
    assert.equal(result.kind, 'error');
    assert.match(result.kind === 'error' ? result.message : '', /"B" already exists in the state machine/);
  });

  test('renames the key and every reference, and the result parses to the renamed machine', () => {
    const parsed = parseDocument(json, 'json');
    const result = renameAt(parsed, buildModel(parsed), json.indexOf('"B"') + 1, 'Finish "here"');
    assert.equal(result.kind, 'ok');
    const text = applyEdits(json, result.kind === 'ok' ? result.edits : []);
    const renamed = buildModel(parseDocument(text, 'json'));
    assert.deepEqual([...renamed.statesByName.keys()], ['A', 'Finish "here"']);
    assert.equal(text.includes('"Next":"Finish \\"here\\""'), true);
  });

  test('quotes a YAML name only when it must', () => {
    const yaml = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: B\n  B:\n    Type: Succeed\n';
    const parsed = parseDocument(yaml, 'yaml');
    const model = buildModel(parsed);
    const at = yaml.indexOf('B:');
    const plain = renameAt(parsed, model, at, 'Done Now');
    assert.equal(applyEdits(yaml, plain.kind === 'ok' ? plain.edits : []), yaml.replace(/B/g, 'Done Now'));
    const special = renameAt(parsed, model, at, 'a: b');
    assert.equal(applyEdits(yaml, special.kind === 'ok' ? special.edits : []), yaml.replace(/B/g, '"a: b"'));
  });

  test('refuses an invalid variable name', () => {
    const text = '{"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"x":1},"End":true}}}';
    const parsed = parseDocument(text, 'json');
    const result = renameAt(parsed, buildModel(parsed), text.indexOf('"x"') + 1, '1x');
    assert.equal(result.kind, 'error');
  });
});
