import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseDocument, validate, type DocumentFormat } from '../../../server/src/asl';
import { RULE_FAILED } from '../../../server/src/asl/rules/runRules';
import { stringify } from 'yaml';
import { conformanceEntries, exampleEntries } from './corpus';

/** Valid definitions to mutate: a slice of the corpus keeps the run short. */
const SEEDS: unknown[] = [...exampleEntries(), ...conformanceEntries().filter((_, i) => i % 16 === 0)]
  .filter((entry) => entry.fileName.endsWith('.json'))
  .map((entry) => JSON.parse(entry.text) as unknown);

function checkDocument(text: string, format: DocumentFormat): void {
  const diagnostics = validate(parseDocument(text, format));
  for (const d of diagnostics) {
    assert.notEqual(d.code, RULE_FAILED, d.message);
    assert.ok(d.offset >= 0 && d.length >= 0 && d.offset + d.length <= text.length, `${d.code} out of range`);
    for (const r of d.related ?? []) assert.ok(r.offset >= 0 && r.offset + r.length <= text.length);
  }
}

/** A JSON value with ASL's words in it, so mutations hit the rules rather than only the parser. */
const WORDS = [
  'Type',
  'Next',
  'End',
  'StartAt',
  'States',
  'Choices',
  'Variable',
  'Default',
  'Catch',
  'Retry',
  'ErrorEquals',
  'Parameters',
  'ResultPath',
  'Assign',
  'Arguments',
  'Output',
  'Branches',
  'ItemProcessor',
  'Iterator',
  'QueryLanguage',
  'Seconds',
  'x.$',
  'Pass',
  'Task',
  'Choice',
  'Map',
  'Parallel',
  'Wait',
  'Succeed',
  'Fail',
  'JSONata',
  'JSONPath',
  '$.a',
  '$x',
  '$$.Map',
  'States.ALL',
  "States.Format('{}', $.a)",
  '{% $states.input %}',
  '{% $a + %}',
  'States.MathAdd(1',
  '$.a[',
  'A',
  'B',
];
const word = fc.constantFrom(...WORDS);
const leaf = fc.oneof(word, fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
const aslLike = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(word, tie('value'), { maxKeys: 6 }),
  ),
})).value;

type Mutation = (value: unknown, random: () => number) => unknown;

/** Deletes, renames or replaces one property somewhere in the tree. */
const mutate: Mutation = (value, random) => {
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    if (items.length === 0) return items;
    const i = Math.floor(random() * items.length);
    return items.map((item, j): unknown => (j === i ? mutate(item, random) : item));
  }
  if (typeof value !== 'object' || value === null) return WORDS[Math.floor(random() * WORDS.length)];
  const entries = Object.entries(value);
  if (entries.length === 0) return value;
  const i = Math.floor(random() * entries.length);
  const choice = random();
  const out: Record<string, unknown> = {};
  entries.forEach(([key, v], j) => {
    if (j !== i) out[key] = v;
    else if (choice < 0.25)
      return; // delete
    else if (choice < 0.5)
      out[WORDS[Math.floor(random() * WORDS.length)] ?? key] = v; // rename
    else if (choice < 0.75)
      out[key] = WORDS[Math.floor(random() * WORDS.length)]; // swap the value
    else out[key] = mutate(v, random); // go deeper
  });
  return out;
};

test('random ASL-like documents never make validate throw, and ranges stay inside', () => {
  fc.assert(
    fc.property(aslLike, fc.boolean(), (value, asYaml) => {
      const text = asYaml ? stringify(value) : JSON.stringify(value, null, 1);
      checkDocument(text, asYaml ? 'yaml' : 'json');
    }),
    { numRuns: 300, seed: 20240 },
  );
});

test('mutated and truncated corpus documents never make validate throw', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: SEEDS.length - 1 }),
      fc.array(fc.double({ min: 0, max: 0.999999, noNaN: true }), { minLength: 8, maxLength: 8 }),
      fc.integer({ min: 1, max: 4 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.boolean(),
      (seedIndex, randoms, rounds, cut, asYaml) => {
        let k = 0;
        const random = () => randoms[k++ % randoms.length] ?? 0.5;
        let value = SEEDS[seedIndex];
        for (let r = 0; r < rounds; r++) value = mutate(value, random);
        const text = asYaml ? stringify(value) : JSON.stringify(value, null, 2);
        checkDocument(text, asYaml ? 'yaml' : 'json');
        checkDocument(text.slice(0, Math.floor(text.length * cut)), asYaml ? 'yaml' : 'json');
      },
    ),
    { numRuns: 400, seed: 4242 },
  );
});
