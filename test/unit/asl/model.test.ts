import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  buildModel,
  describeScope,
  fieldOf,
  parseDocument,
  type DocumentFormat,
} from '../../../server/src/asl';

const NESTED_JSON = `{
  "StartAt": "Fan",
  "States": {
    "Fan": {
      "Type": "Parallel",
      "Branches": [
        { "StartAt": "Left", "States": { "Left": { "Type": "Pass", "End": true } } },
        {
          "StartAt": "Loop",
          "States": {
            "Loop": {
              "Type": "Map",
              "ItemProcessor": { "StartAt": "Item", "States": { "Item": { "Type": "Succeed" } } },
              "End": true
            }
          }
        }
      ],
      "Next": "Old"
    },
    "Old": {
      "Type": "Map",
      "Iterator": { "StartAt": "Left", "States": { "Left": { "Type": "Pass", "End": true } } },
      "End": true
    }
  }
}`;

const NESTED_YAML = `StartAt: Fan
States:
  Fan:
    Type: Parallel
    Branches:
      - StartAt: Left
        States:
          Left: { Type: Pass, End: true }
      - StartAt: Loop
        States:
          Loop:
            Type: Map
            ItemProcessor:
              StartAt: Item
              States:
                Item: { Type: Succeed }
            End: true
    Next: Old
  Old:
    Type: Map
    Iterator:
      StartAt: Left
      States:
        Left: { Type: Pass, End: true }
    End: true
`;

function model(text: string, format: DocumentFormat) {
  return buildModel(parseDocument(text, format));
}

for (const [format, text] of [
  ['json', NESTED_JSON],
  ['yaml', NESTED_YAML],
] as const) {
  describe(`model (${format})`, () => {
    test('scopes nest: machine, branches, ItemProcessor and Iterator', () => {
      const m = model(text, format);
      assert.deepEqual(
        m.scopes.map((s) => [s.kind, s.owner?.name ?? null, s.index]),
        [
          ['machine', null, 0],
          ['branch', 'Fan', 0],
          ['branch', 'Fan', 1],
          ['itemProcessor', 'Loop', 0],
          ['iterator', 'Old', 0],
        ],
      );
    });

    test('every state, in document order, with its type and scope', () => {
      const m = model(text, format);
      assert.deepEqual(
        m.states.map((s) => `${s.name}:${s.type ?? '?'}:${s.scope.kind}`),
        [
          'Fan:Parallel:machine',
          'Left:Pass:branch',
          'Loop:Map:branch',
          'Item:Succeed:itemProcessor',
          'Old:Map:machine',
          'Left:Pass:iterator',
        ],
      );
    });

    test('lookups by name stay within their scope; the machine-wide index sees every definition', () => {
      const m = model(text, format);
      assert.equal(m.machine?.byName.get('Fan')?.type, 'Parallel');
      assert.equal(m.machine?.byName.get('Left'), undefined);
      const lefts = m.statesByName.get('Left') ?? [];
      assert.deepEqual(
        lefts.map((s) => s.scope.kind),
        ['branch', 'iterator'],
      );
      assert.equal(m.scopes[1]?.byName.get('Left'), lefts[0]);
    });

    test('states and fields point back to their text', () => {
      const m = model(text, format);
      const old = m.machine?.byName.get('Old');
      assert.ok(old);
      const quote = format === 'json' ? '"' : '';
      assert.equal(text.slice(old.key.offset, old.key.offset + old.key.length), `${quote}Old${quote}`);
      const end = fieldOf(old, 'End');
      assert.ok(end?.value);
      assert.equal(text.slice(end.value.offset, end.value.offset + end.value.length), 'true');
      const startAt = m.machine?.startAt?.value;
      assert.ok(startAt);
      assert.equal(text.slice(startAt.offset, startAt.offset + startAt.length), `${quote}Fan${quote}`);
    });

    test('scopes describe themselves for messages', () => {
      const m = model(text, format);
      assert.deepEqual(m.scopes.map(describeScope), [
        'the state machine',
        'Parallel "Fan" › branch 1',
        'Parallel "Fan" › branch 2',
        'Parallel "Fan" › branch 2 › Map "Loop" › ItemProcessor',
        'Map "Old" › Iterator',
      ]);
    });
  });
}

describe('model of broken and partial documents', () => {
  test('a half-typed document still has the states typed so far', () => {
    const m = model(
      '{ "StartAt": "A", "States": { "A": { "Type": "Task", "Next": "B" }, "B": { "Type": ',
      'json',
    );
    assert.deepEqual(
      m.states.map((s) => [s.name, s.type ?? null]),
      [
        ['A', 'Task'],
        ['B', null],
      ],
    );
  });

  test('a repeated state name keeps both definitions; the first wins the scope lookup', () => {
    const m = model('{ "States": { "A": { "Type": "Pass" }, "A": { "Type": "Succeed" } } }', 'json');
    assert.equal(m.machine?.states.length, 2);
    assert.equal(m.machine?.byName.get('A')?.type, 'Pass');
    assert.equal(m.statesByName.get('A')?.length, 2);
  });

  test('non-object roots, bodies and branches are tolerated', () => {
    assert.equal(model('[1, 2]', 'json').machine, undefined);
    assert.equal(model('just text', 'yaml').machine, undefined);
    const m = model(
      '{ "States": { "A": 42, "P": { "Type": "Parallel", "Branches": [1, null, {}] } } }',
      'json',
    );
    assert.deepEqual(
      m.states.map((s) => [s.name, s.node === undefined]),
      [
        ['A', true],
        ['P', false],
      ],
    );
    assert.equal(m.machine?.byName.get('P')?.children.length, 1);
  });

  test('a state with a non-string Type has no type', () => {
    const m = model('States:\n  A:\n    Type: [Pass]\n', 'yaml');
    assert.equal(m.states[0]?.type, undefined);
  });

  test('YAML states brought in by an alias are states of their scope', () => {
    const m = model('StartAt: A\nStates:\n  A: &p { Type: Pass, Next: B }\n  B: *p\n', 'yaml');
    assert.deepEqual(
      m.states.map((s) => [s.name, s.type]),
      [
        ['A', 'Pass'],
        ['B', 'Pass'],
      ],
    );
  });
});

describe('a 5,000-state machine', () => {
  test('builds a model with every state reachable by name', () => {
    const states = Array.from({ length: 5000 }, (_, i) => `"S${i}": { "Type": "Pass", "Next": "S${i + 1}" }`);
    states.push('"S5000": { "Type": "Succeed" }');
    const m = model(`{ "StartAt": "S0", "States": { ${states.join(', ')} } }`, 'json');
    assert.equal(m.states.length, 5001);
    assert.equal(m.machine?.byName.get('S4321')?.type, 'Pass');
  });
});
