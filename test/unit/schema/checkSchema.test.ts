import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as fc from 'fast-check';
import { stringify } from 'yaml';
import { buildModel, parseDocument, type AslDiagnostic, type DocumentFormat } from '../../../server/src/asl';
import { checkSchema } from '../../../server/src/asl/schema/checkSchema';

function check(definition: unknown, format: DocumentFormat = 'json') {
  const text = format === 'json' ? JSON.stringify(definition, null, 2) : stringify(definition);
  const diagnostics = checkSchema(parseDocument(text, format));
  return { text, diagnostics, at: (d: AslDiagnostic) => text.slice(d.offset, d.offset + d.length) };
}

function machine(states: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { StartAt: Object.keys(states)[0] ?? 'A', States: states, ...extra };
}

describe('checkSchema', () => {
  test('an unknown field is reported at its key, with the closest known field', () => {
    const { diagnostics, at } = check(machine({ A: { Type: 'Pass', Nxt: 'B', End: true } }));
    assert.equal(diagnostics.length, 1);
    const [d] = diagnostics;
    assert.ok(d);
    assert.equal(d.code, 'ASL-SCHEMA-UNKNOWN-FIELD');
    assert.equal(at(d), '"Nxt"');
    assert.match(d.message, /Did you mean "Next"\?/);
  });

  test('a wrong value is reported at the value, in JSON and in YAML', () => {
    for (const format of ['json', 'yaml'] as const) {
      const { diagnostics, at } = check(machine({ A: { Type: 'Wait', Seconds: 'ten', End: true } }), format);
      assert.deepEqual(
        diagnostics.map((d) => [d.code, at(d)]),
        [['ASL-SCHEMA-TYPE', format === 'json' ? '"ten"' : 'ten']],
      );
    }
  });

  test("a missing field is reported at the state's name", () => {
    const { diagnostics, at } = check(machine({ Call: { Type: 'Task', End: true } }));
    assert.deepEqual(
      diagnostics.map((d) => [d.code, at(d)]),
      [['ASL-SCHEMA-MISSING-FIELD', '"Call"']],
    );
  });

  test("the machine's missing fields are reported once, at the first character of the document", () => {
    const { diagnostics } = check({ Comment: 'nothing else' });
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.offset, 0);
    assert.equal(diagnostics[0]?.length, 1);
    assert.match(diagnostics[0]?.message ?? '', /"StartAt" and "States"/);
  });

  test('one diagnostic per wrong value, even when it misses both the type and the enum', () => {
    const { diagnostics } = check(machine({ A: { Type: 5 } }));
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['ASL-SCHEMA-TYPE'],
    );
  });

  test('a state of unknown type is only judged on its Type', () => {
    const { diagnostics, at } = check(machine({ A: { Type: 'Tsk', Bogus: 1, Retry: 'x' } }));
    assert.deepEqual(
      diagnostics.map((d) => [d.code, at(d)]),
      [['ASL-SCHEMA-ENUM', '"Tsk"']],
    );
  });

  test('JSONata expressions are accepted where a number goes, plain strings are not', () => {
    const jsonata = check(
      machine({
        A: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          TimeoutSeconds: '{% $states.input.timeout %}',
          HeartbeatSeconds: 5,
          End: true,
        },
      }),
    );
    assert.deepEqual(jsonata.diagnostics, []);
    const plain = check(machine({ A: { Type: 'Wait', Seconds: '10', End: true } }));
    assert.deepEqual(
      plain.diagnostics.map((d) => d.code),
      ['ASL-SCHEMA-TYPE'],
    );
  });

  test('payloads are not looked into, but must be of the right JSON type', () => {
    const inside = check(
      machine({
        A: { Type: 'Pass', Parameters: { anything: { 'x.$': '$', deep: [1, { y: null }] } }, End: true },
      }),
    );
    assert.deepEqual(inside.diagnostics, []);
    const wrong = check(machine({ A: { Type: 'Pass', Parameters: [1, 2], End: true } }));
    assert.deepEqual(
      wrong.diagnostics.map((d) => [d.code, wrong.at(d)]),
      [['ASL-SCHEMA-TYPE', '[\n        1,\n        2\n      ]']],
    );
  });

  test('Choice operators take any value here (their kinds are semantic rules), unknown keys do not', () => {
    const { diagnostics, at } = check(
      machine({
        C: {
          Type: 'Choice',
          Choices: [
            { Variable: '$.n', NumericEquals: 'not a number', Next: 'D' },
            {
              And: [{ Variable: '$.s', StringEquals: 3 }, { Not: { Variable: '$.x', IsNul: true } }],
              Next: 'D',
            },
          ],
          Default: 'D',
        },
        D: { Type: 'Succeed' },
      }),
    );
    assert.deepEqual(
      diagnostics.map((d) => [d.code, at(d)]),
      [['ASL-SCHEMA-UNKNOWN-FIELD', '"IsNul"']],
    );
    assert.match(diagnostics[0]?.message ?? '', /Did you mean "IsNull"\?/);
  });

  test('a state nested in a branch or processor is checked once', () => {
    const { diagnostics, at } = check(
      machine({
        P: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'X', States: { X: { Type: 'Pass', Bogus: 1, End: true } } }],
          End: true,
        },
        M: {
          Type: 'Map',
          Iterator: { StartAt: 'Y', States: { Y: { Type: 'Succeed', Bogus: 2 } } },
          End: true,
        },
      }),
    );
    assert.deepEqual(
      diagnostics.map((d) => [d.code, at(d)]),
      [
        ['ASL-SCHEMA-UNKNOWN-FIELD', '"Bogus"'],
        ['ASL-SCHEMA-UNKNOWN-FIELD', '"Bogus"'],
      ],
    );
  });

  test('the Map processor is required under either name; having both is left to the semantic rules', () => {
    const processor = { StartAt: 'Y', States: { Y: { Type: 'Succeed' } } };
    assert.deepEqual(check(machine({ M: { Type: 'Map', Iterator: processor, End: true } })).diagnostics, []);
    assert.deepEqual(
      check(machine({ M: { Type: 'Map', Iterator: processor, ItemProcessor: processor, End: true } }))
        .diagnostics,
      [],
    );
  });

  test('Next and End on a Succeed, Fail or Choice state are unknown fields of that type', () => {
    const { diagnostics, at } = check(
      machine({
        S: { Type: 'Succeed', End: true },
        F: { Type: 'Fail', Next: 'S' },
        C: { Type: 'Choice', Choices: [{ Variable: '$.a', IsNull: true, Next: 'S' }], Next: 'S' },
      }),
    );
    assert.deepEqual(
      diagnostics.map((d) => [d.code, at(d)]),
      [
        ['ASL-SCHEMA-UNKNOWN-FIELD', '"End"'],
        ['ASL-SCHEMA-UNKNOWN-FIELD', '"Next"'],
        ['ASL-SCHEMA-UNKNOWN-FIELD', '"Next"'],
      ],
    );
  });

  test('a key named __proto__ is an unknown field like any other', () => {
    const text = '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "__proto__": { "End": true } } } }';
    const diagnostics = checkSchema(parseDocument(text, 'json'));
    assert.deepEqual(
      diagnostics.map((d) => [d.code, text.slice(d.offset, d.offset + d.length)]),
      [['ASL-SCHEMA-UNKNOWN-FIELD', '"__proto__"']],
    );
  });

  test('a key still waiting for its value is not reported as missing', () => {
    const text = '{ "StartAt": "A", "States": { "A": { "Type": "Task", "Resource": } } }';
    const document = parseDocument(text, 'json');
    assert.ok(document.errors.length > 0, 'the parser reports the missing value');
    assert.deepEqual(checkSchema(document), []);
  });

  test('a model built by the caller gives the same result', () => {
    const text = JSON.stringify(machine({ A: { Type: 'Pass', Nxt: 'B' } }));
    const document = parseDocument(text, 'json');
    assert.deepEqual(checkSchema(document, buildModel(document)), checkSchema(document));
  });

  test('an empty document has nothing for the schema to say', () => {
    assert.deepEqual(checkSchema(parseDocument('', 'json')), []);
    assert.deepEqual(checkSchema(parseDocument('# only a comment\n', 'yaml')), []);
  });

  test('any JSON value, and any mutation of a valid definition, is checked without throwing', () => {
    const states: Record<string, Record<string, unknown>> = {
      A: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Retry: [{ ErrorEquals: ['X'] }],
        Next: 'B',
      },
      B: {
        Type: 'Map',
        ItemProcessor: { StartAt: 'C', States: { C: { Type: 'Pass', End: true } } },
        End: true,
      },
    };
    const value = fc.jsonValue({ maxDepth: 6 });
    const mutated = fc
      .tuple(
        fc.constantFrom('A', 'B'),
        fc.constantFrom('Type', 'Retry', 'ItemProcessor', 'Next', 'Zz'),
        value,
      )
      .map(([state, field, replacement]) => {
        const copy = structuredClone(states);
        const body = copy[state];
        if (body !== undefined) body[field] = replacement;
        return machine(copy);
      });
    fc.assert(
      fc.property(
        fc.oneof(value, mutated),
        fc.constantFrom('json' as const, 'yaml' as const),
        (definition, format) => {
          const { text, diagnostics } = check(definition, format);
          for (const d of diagnostics) {
            assert.ok(d.offset >= 0 && d.length >= 0 && d.offset + d.length <= text.length);
            assert.ok(d.message.length > 0);
          }
        },
      ),
      { numRuns: 300, seed: 20240601 },
    );
  });
});
