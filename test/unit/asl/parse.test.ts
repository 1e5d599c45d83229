import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import {
  formatOf,
  parseDocument,
  toValue,
  type ParseDiagnosticCode,
  type ValueNode,
} from '../../../server/src/asl';
import { assertGolden } from '../../support/golden';
import { renderDiagnostics } from './render';

const fixtures = path.join(__dirname, 'fixtures', 'syntax');

/** The codes each syntax fixture must produce (the golden holds the full messages and ranges). */
const EXPECTED: Readonly<Record<string, readonly ParseDiagnosticCode[]>> = {
  'comment-line.asl.json': ['ASL-SYNTAX-COMMENT'],
  'comment-block.asl.json': ['ASL-SYNTAX-COMMENT'],
  'comment-unterminated.asl.json': ['ASL-SYNTAX-COMMENT', 'ASL-SYNTAX'],
  'trailing-comma-object.asl.json': ['ASL-SYNTAX-TRAILING-COMMA'],
  'trailing-comma-array.asl.json': ['ASL-SYNTAX-TRAILING-COMMA'],
  'missing-comma.asl.json': ['ASL-SYNTAX'],
  'missing-colon.asl.json': ['ASL-SYNTAX'],
  'unquoted-key.asl.json': ['ASL-SYNTAX'],
  'single-quotes.asl.json': ['ASL-SYNTAX'],
  'unterminated-string.asl.json': ['ASL-SYNTAX'],
  'invalid-escape.asl.json': ['ASL-SYNTAX'],
  'invalid-unicode.asl.json': ['ASL-SYNTAX'],
  'control-character.asl.json': ['ASL-SYNTAX'],
  'invalid-number.asl.json': ['ASL-SYNTAX'],
  'unclosed-object.asl.json': ['ASL-SYNTAX'],
  'unclosed-array.asl.json': ['ASL-SYNTAX'],
  'missing-value.asl.json': ['ASL-SYNTAX'],
  'text-after-root.asl.json': ['ASL-SYNTAX'],
  'stray-character.asl.json': ['ASL-SYNTAX'],
  'duplicate-keys.asl.json': ['ASL-DUPLICATE-KEY'],
  'empty.asl.json': ['ASL-SYNTAX-EMPTY'],
  'only-whitespace.asl.json': ['ASL-SYNTAX-EMPTY'],
  'bad-indentation.asl.yaml': ['ASL-SYNTAX'],
  'tab-indentation.asl.yaml': ['ASL-SYNTAX'],
  'unclosed-flow.asl.yaml': ['ASL-SYNTAX'],
  'unterminated-quote.asl.yaml': ['ASL-SYNTAX'],
  'unknown-alias.asl.yaml': ['ASL-YAML-ALIAS'],
  'recursive-alias.asl.yaml': ['ASL-YAML-ALIAS'],
  'complex-key.asl.yaml': ['ASL-YAML-KEY'],
  'null-key.asl.yaml': ['ASL-YAML-KEY'],
  'merge-not-map.asl.yaml': ['ASL-YAML-KEY'],
  'two-documents.asl.yaml': ['ASL-SYNTAX'],
  'duplicate-keys.asl.yaml': ['ASL-DUPLICATE-KEY'],
  'unknown-tag.asl.yaml': ['ASL-YAML-WARNING'],
  'empty.asl.yaml': ['ASL-SYNTAX-EMPTY'],
  'only-comments.asl.yaml': ['ASL-SYNTAX-EMPTY'],
};

describe('syntax errors', () => {
  const files = fs
    .readdirSync(fixtures)
    .filter((f) => /\.asl\.(json|yaml)$/.test(f))
    .sort();

  test('every fixture has expected codes and every expectation a fixture', () => {
    assert.deepEqual(files, Object.keys(EXPECTED).sort());
  });

  for (const format of ['json', 'yaml'] as const) {
    test(`${format} fixtures match the golden diagnostics`, () => {
      const sections = files
        .filter((file) => formatOf(file) === format)
        .map((file) => {
          const text = fs.readFileSync(path.join(fixtures, file), 'utf8');
          const parsed = parseDocument(text, format);
          const codes = [...new Set(parsed.errors.map((e) => e.code))];
          assert.deepEqual(codes, EXPECTED[file], `codes for ${file}`);
          for (const e of parsed.errors) {
            assert.ok(e.offset >= 0 && e.offset + e.length <= text.length, `${file}: range inside the text`);
          }
          return `== ${file}\n${renderDiagnostics(parsed.lines, parsed.errors)}\n`;
        });
      assertGolden(path.join(fixtures, `syntax-${format}.golden.txt`), sections.join('\n'));
    });
  }
});

describe('valid documents', () => {
  const json = `{
  "StartAt": "A",
  "States": {
    "A": { "Type": "Pass", "Result": { "n": 1.5, "ok": true, "none": null, "list": [1, "two"] }, "End": true }
  }
}`;
  const yaml = `StartAt: A
States:
  A:
    Type: Pass
    Result: { n: 1.5, ok: true, none: null, list: [1, "two"] }
    End: true
`;
  const expected = {
    StartAt: 'A',
    States: { A: { Type: 'Pass', Result: { n: 1.5, ok: true, none: null, list: [1, 'two'] }, End: true } },
  };

  test('JSON parses with no errors to the same value as JSON.parse', () => {
    const parsed = parseDocument(json, 'json');
    assert.deepEqual(parsed.errors, []);
    assert.ok(parsed.root);
    assert.deepEqual(toValue(parsed.root), JSON.parse(json));
  });

  test('a "__proto__" key is a field of the value, as JSON.parse makes it, not its prototype', () => {
    const text = '{"a": {"__proto__": {"x": 1}, "b": 2}}';
    const parsed = parseDocument(text, 'json');
    assert.ok(parsed.root);
    const value = toValue(parsed.root);
    assert.deepEqual(value, JSON.parse(text));
    assert.equal(JSON.stringify(value), JSON.stringify(JSON.parse(text)));
  });

  test('YAML parses to the same value as the JSON', () => {
    const parsed = parseDocument(yaml, 'yaml');
    assert.deepEqual(parsed.errors, []);
    assert.ok(parsed.root);
    assert.deepEqual(toValue(parsed.root), expected);
  });

  test('YAML 1.2 keeps yes/no/on/off as strings, as JSON would', () => {
    const parsed = parseDocument('a: yes\nb: off\nc: 012\n', 'yaml');
    assert.ok(parsed.root);
    assert.deepEqual(toValue(parsed.root), { a: 'yes', b: 'off', c: 12 });
  });

  test('nodes carry the ranges of their text, strings including their quotes', () => {
    const parsed = parseDocument(json, 'json');
    const root = parsed.root;
    assert.equal(root?.kind, 'object');
    const startAt = root.properties[0];
    assert.ok(startAt?.value);
    assert.equal(json.slice(startAt.key.offset, startAt.key.offset + startAt.key.length), '"StartAt"');
    assert.equal(json.slice(startAt.value.offset, startAt.value.offset + startAt.value.length), '"A"');
    assert.equal(json.slice(startAt.offset, startAt.offset + startAt.length), '"StartAt": "A"');
    assert.deepEqual(parsed.lines.positionAt(startAt.value.offset), { line: 1, character: 13 });
  });

  test('YAML ranges cover the scalar as written', () => {
    const parsed = parseDocument(yaml, 'yaml');
    const states = parsed.root?.kind === 'object' ? parsed.root.properties[1] : undefined;
    assert.equal(states?.key.value, 'States');
    assert.equal(yaml.slice(states.key.offset, states.key.offset + states.key.length), 'States');
    const a = states.value?.kind === 'object' ? states.value.properties[0] : undefined;
    const type = a?.value?.kind === 'object' ? a.value.properties[0] : undefined;
    assert.ok(type?.value);
    assert.equal(yaml.slice(type.value.offset, type.value.offset + type.value.length), 'Pass');
  });

  test('CRLF line endings give the same positions as LF', () => {
    const crlf = json.replace(/\n/g, '\r\n');
    const parsed = parseDocument(crlf, 'json');
    assert.deepEqual(parsed.errors, []);
    const startAt = parsed.root?.kind === 'object' ? parsed.root.properties[0]?.value : undefined;
    assert.ok(startAt);
    assert.deepEqual(parsed.lines.positionAt(startAt.offset), { line: 1, character: 13 });
  });
});

describe('YAML anchors, aliases and merge keys', () => {
  const text = `Comment: shared pieces
StartAt: First
States:
  First:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Retry: &retry
      - ErrorEquals: [States.TaskFailed]
        MaxAttempts: 2
    Next: Second
  Second:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Retry: *retry
    Next: Third
  Third: &pass
    Type: Pass
    Comment: base
    End: true
  Fourth:
    <<: *pass
    Comment: overridden
`;

  test('aliases resolve to the anchored value', () => {
    const parsed = parseDocument(text, 'yaml');
    assert.deepEqual(parsed.errors, []);
    assert.ok(parsed.root);
    const value = toValue(parsed.root) as { States: Record<string, { Retry?: unknown; Comment?: string }> };
    assert.deepEqual(value.States['Second']?.Retry, [{ ErrorEquals: ['States.TaskFailed'], MaxAttempts: 2 }]);
  });

  test('merge keys bring in the anchored mapping, explicit keys win', () => {
    const parsed = parseDocument(text, 'yaml');
    assert.ok(parsed.root);
    const value = toValue(parsed.root) as { States: Record<string, unknown> };
    assert.deepEqual(value.States['Fourth'], { Comment: 'overridden', Type: 'Pass', End: true });
  });

  test('an alias node spans the alias and remembers the anchored span', () => {
    const parsed = parseDocument(text, 'yaml');
    const states = parsed.root?.kind === 'object' ? parsed.root.properties[2]?.value : undefined;
    const second = states?.kind === 'object' ? states.properties[1]?.value : undefined;
    const retry = second?.kind === 'object' ? second.properties[2]?.value : undefined;
    assert.ok(retry?.aliasOf);
    assert.equal(text.slice(retry.offset, retry.offset + retry.length), '*retry');
    assert.ok(text.slice(retry.aliasOf.offset).startsWith('- ErrorEquals'));
  });

  test('an alias bomb is resolved without expanding it', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 30; i++)
      lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}]`);
    const parsed = parseDocument(lines.join('\n'), 'yaml');
    assert.ok(parsed.root?.kind === 'object');
    assert.equal(parsed.root.properties.length, 30);
  });
});

describe('robustness', () => {
  test('a 5 MB JSON definition parses without errors', () => {
    const text = bigDefinition(5 * 1024 * 1024);
    assert.ok(text.length >= 5 * 1024 * 1024);
    const parsed = parseDocument(text, 'json');
    assert.deepEqual(parsed.errors, []);
    const states = parsed.root?.kind === 'object' ? parsed.root.properties[1]?.value : undefined;
    assert.ok(states?.kind === 'object' && states.properties.length > 10_000);
  });

  test('a 5 MB YAML definition parses without errors', () => {
    const parsed = parseDocument(bigYamlDefinition(5 * 1024 * 1024), 'yaml');
    assert.deepEqual(parsed.errors, []);
    const states = parsed.root?.kind === 'object' ? parsed.root.properties[1]?.value : undefined;
    assert.ok(states?.kind === 'object' && states.properties.length > 10_000);
  });

  test('random bytes never throw, and every range stays inside the text', () => {
    const random = seededRandom(20261127);
    for (let round = 0; round < 400; round++) {
      const bytes = Buffer.alloc(Math.floor(random() * 300));
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
      const text = bytes.toString(round % 2 === 0 ? 'utf8' : 'latin1');
      for (const format of ['json', 'yaml'] as const) {
        const parsed = parseDocument(text, format);
        for (const e of parsed.errors) assert.ok(e.offset >= 0 && e.offset + e.length <= text.length);
        if (parsed.root) assertInside(parsed.root, text.length);
      }
    }
  });

  test('mutated definitions (cut, doubled, swapped characters) never throw', () => {
    const random = seededRandom(7);
    const base = bigDefinition(4000);
    const yamlBase = bigYamlDefinition(4000);
    for (let round = 0; round < 100; round++) {
      for (const [format, source] of [
        ['json', base],
        ['yaml', yamlBase],
      ] as const) {
        const at = Math.floor(random() * source.length);
        const mutated = [
          source.slice(0, at),
          source.slice(0, at) + source.slice(at + 1 + Math.floor(random() * 20)),
          source.slice(0, at) + source.charAt(Math.floor(random() * source.length)) + source.slice(at),
        ];
        for (const text of mutated) {
          const parsed = parseDocument(text, format);
          for (const e of parsed.errors) assert.ok(e.offset >= 0 && e.offset + e.length <= text.length);
        }
      }
    }
  });

  test('pathologically deep nesting gives an error, not a crash', () => {
    for (const format of ['json', 'yaml'] as const) {
      const text = '['.repeat(200_000) + ']'.repeat(200_000);
      const parsed = parseDocument(text, format);
      assert.ok(parsed.errors.some((e) => e.severity === 'error'));
    }
  });

  test('formatOf tells YAML from JSON by file name or language id', () => {
    assert.equal(formatOf('flow.asl.yaml'), 'yaml');
    assert.equal(formatOf('flow.asl.yml'), 'yaml');
    assert.equal(formatOf('asl-yaml'), 'yaml');
    assert.equal(formatOf('flow.asl.json'), 'json');
    assert.equal(formatOf('flow.asl'), 'json');
    assert.equal(formatOf('asl'), 'json');
  });
});

function assertInside(node: ValueNode, length: number): void {
  assert.ok(node.offset >= 0 && node.offset + node.length <= length);
  if (node.kind === 'object') {
    for (const p of node.properties) {
      assert.ok(p.key.offset >= 0 && p.key.offset + p.key.length <= length);
      if (p.value) assertInside(p.value, length);
    }
  } else if (node.kind === 'array') {
    node.items.forEach((item) => assertInside(item, length));
  }
}

/** A definition of Pass states chained by Next, padded to at least `size` characters. */
function bigDefinition(size: number): string {
  const states: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const state = `    "State${i}": { "Type": "Pass", "Comment": "state number ${i}", "Result": { "index": ${i}, "tags": ["a", "b"] }, "Next": "State${i + 1}" }`;
    states.push(state);
    length += state.length + 2;
  }
  states.push(`    "State${states.length}": { "Type": "Succeed" }`);
  return `{\n  "StartAt": "State0",\n  "States": {\n${states.join(',\n')}\n  }\n}\n`;
}

function bigYamlDefinition(size: number): string {
  const lines = ['StartAt: State0', 'States:'];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const state = `  State${i}:\n    Type: Pass\n    Comment: state number ${i}\n    Result: { index: ${i}, tags: [a, b] }\n    Next: State${i + 1}`;
    lines.push(state);
    length += state.length + 1;
  }
  lines.push(`  State${lines.length - 2}:\n    Type: Succeed`);
  return lines.join('\n') + '\n';
}

/** A small deterministic generator (mulberry32), so a failing round can be replayed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
