import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildModel, parseDocument, validate } from '../../../server/src/asl';
import { codeActionsFor, type QuickFix } from '../../../server/src/asl/service/codeActions';
import { assertGolden } from '../../support/golden';
import { applyEdits, fixtureNames, goldenPath, loadFixture, type Fixture } from './harness';

function conversionAt(fixture: Fixture, offset: number): QuickFix | undefined {
  const { parsed, model } = fixture;
  const span = { offset, length: 0 };
  return codeActionsFor(parsed, model, span, []).find((fix) => fix.title.startsWith('Convert '));
}

/** Each state: the conversion's title and the state as it reads after it, or why none is offered. */
function render(fixture: Fixture): string {
  const { parsed, model } = fixture;
  return model.states
    .map((state) => {
      const fix = conversionAt(fixture, state.key.offset + 1);
      if (fix === undefined) return `${state.name}: no conversion offered`;
      const after = applyEdits(parsed.text, fix.edits);
      const converted = buildModel(parseDocument(after, parsed.format)).statesByName.get(state.name)?.[0];
      const text =
        converted === undefined
          ? '(state lost)'
          : after.slice(converted.property.offset, converted.property.offset + converted.property.length);
      return `${fix.title}\n${text}`;
    })
    .join('\n\n')
    .concat('\n');
}

describe('converting a JSONPath state to JSONata (goldens: fixtures/convert)', () => {
  for (const name of fixtureNames('convert')) {
    test(name, () => {
      assertGolden(goldenPath('convert', name), render(loadFixture('convert', name, false)));
    });

    test(`${name}: every conversion leaves a document with no new problems`, () => {
      const fixture = loadFixture('convert', name, false);
      const before = new Set(validate(fixture.parsed).map((d) => d.code));
      for (const state of fixture.model.states) {
        const fix = conversionAt(fixture, state.key.offset + 1);
        if (fix === undefined) continue;
        const after = parseDocument(applyEdits(fixture.parsed.text, fix.edits), fixture.parsed.format);
        const added = validate(after).filter((d) => d.severity === 'error' && !before.has(d.code));
        assert.deepEqual(
          added.map((d) => `${d.code}: ${d.message}`),
          [],
          `converting ${state.name}`,
        );
      }
    });
  }
});

describe('state conversion', () => {
  test('is not offered for a state that already uses JSONata', () => {
    const text =
      '{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","Output":"{% 1 %}","End":true}}}';
    const parsed = parseDocument(text, 'json');
    const fixes = codeActionsFor(
      parsed,
      buildModel(parsed),
      { offset: text.indexOf('"A":') + 1, length: 0 },
      [],
    );
    assert.equal(fixes.filter((f) => f.title.startsWith('Convert ')).length, 0);
  });

  test('drops the state’s own QueryLanguage when the machine already uses JSONata', () => {
    const text =
      '{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","QueryLanguage":"JSONPath","InputPath":"$.a","End":true}}}';
    const parsed = parseDocument(text, 'json');
    const fix = codeActionsFor(
      parsed,
      buildModel(parsed),
      { offset: text.indexOf('"A":') + 1, length: 0 },
      [],
    ).find((f) => f.title.startsWith('Convert '));
    assert.equal(
      applyEdits(text, fix?.edits ?? []),
      '{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass", "Output": "{% $states.input.a %}", "End":true}}}',
    );
  });

  test('keeps a YAML state with comments between its fields as it is', () => {
    const yaml = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    # why\n    InputPath: $.a\n    End: true\n';
    const parsed = parseDocument(yaml, 'yaml');
    const fixes = codeActionsFor(
      parsed,
      buildModel(parsed),
      { offset: yaml.indexOf('A:') + 1, length: 0 },
      [],
    );
    assert.equal(fixes.filter((f) => f.title.startsWith('Convert ')).length, 0);
  });
});
