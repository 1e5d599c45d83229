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

describe('rename of a variable', () => {
  const fixture = loadFixture('navigate', 'variables.asl.json');
  const { parsed, model } = fixture;
  const limit = fixture.cursors[0] ?? 0;
  const partInA = fixture.cursors[1] ?? 0;
  const refusal = (offset: number, name: string): string => {
    const result = renameAt(parsed, model, offset, name);
    return result.kind === 'error' ? result.message : '';
  };

  test('refuses a name another variable of the same scopes has', () => {
    assert.match(refusal(limit, 'label'), /"\$label" is already used in "Start"/);
    // Branch A sees the outer scope, where "limit" lives.
    assert.match(refusal(partInA, 'limit'), /"\$limit" is already used in "Start"/);
  });

  test('accepts the name of a variable of a sibling branch, which it cannot meet', () => {
    const result = renameAt(parsed, model, limit, 'other');
    assert.equal(result.kind, 'ok');
    const siblings = renameAt(parsed, model, partInA, 'left');
    assert.equal(siblings.kind, 'ok');
    assert.equal(siblings.kind === 'ok' ? siblings.edits.length : 0, 2);
  });

  test('refuses a name an expression binds itself, and one that hides a JSONata function', () => {
    assert.match(refusal(limit, 'n'), /expression in "Check" already has its own "\$n"/);
    assert.match(refusal(limit, '$sum'), /would hide the JSONata function \$sum/);
    assert.match(refusal(limit, 'states'), /not a valid variable name/);
  });

  test('refuses when a read sits in a YAML block scalar, which cannot be edited in place', () => {
    const yaml = [
      'QueryLanguage: JSONata',
      'StartAt: A',
      'States:',
      '  A:',
      '    Type: Pass',
      '    Assign:',
      '      x: 1',
      '    Next: B',
      '  B:',
      '    Type: Pass',
      '    Output: >-',
      '      {% $x',
      '      + 1 %}',
      '    End: true',
      '',
    ].join('\n');
    const doc = parseDocument(yaml, 'yaml');
    const result = renameAt(doc, buildModel(doc), yaml.indexOf('x: 1'), 'y');
    assert.equal(result.kind, 'error');
    assert.match(result.kind === 'error' ? result.message : '', /block scalar/);
  });
});
