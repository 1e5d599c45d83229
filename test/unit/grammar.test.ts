// Tokenizes ASL documents with the extension's TextMate grammars (syntaxes/*.tmLanguage.json) through
// vscode-textmate, the engine VS Code itself uses, and checks the scopes they produce.
//
// The two ASL grammars only include VS Code's built-in grammars (source.json and source.yaml); those ship
// with VS Code, not on npm, so they are not available offline. The tests load small stand-ins of our own
// from test/unit/fixtures/grammar/ under the same scope names. They produce the scopes that the injection
// grammar hooks onto in the real ones (string.quoted.double.json for values, support.type.property-name.json
// for keys, string.quoted.double/single.yaml, string.unquoted.plain.out.yaml and string.unquoted.block.yaml
// for YAML values, entity.name.tag.yaml for YAML keys) and open their strings the same way (a begin rule
// whose match ends right before the contents), which is what the injection's \G anchors rely on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import type { IGrammar, IRawGrammar } from 'vscode-textmate';
import { assertGolden } from '../support/golden';
import { isRecord } from '../../server/src/guards';

const root = path.join(__dirname, '..', '..');
const fixtures = path.join(__dirname, 'fixtures', 'grammar');

const INJECTION = 'asl.expressions.injection';
const STAND_INS: Record<string, string> = {
  'source.json': path.join(fixtures, 'json-base.tmLanguage.json'),
  'source.yaml': path.join(fixtures, 'yaml-base.tmLanguage.json'),
};

interface GrammarContribution {
  scopeName: string;
  path: string;
  injectTo: string[];
}

interface Token {
  line: number; // 1-based
  start: number; // 0-based, inclusive
  end: number; // 0-based, exclusive
  text: string;
  scopes: string[];
}

// ------------------------------------------------------------------------------------------------ loading

/** The grammars package.json contributes, so that the test loads exactly what VS Code would. */
function contributedGrammars(): GrammarContribution[] {
  const pkg: unknown = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const contributes = isRecord(pkg) ? pkg['contributes'] : undefined;
  const grammars = isRecord(contributes) ? contributes['grammars'] : undefined;
  assert.ok(Array.isArray(grammars), 'package.json contributes.grammars');
  return grammars.map((entry: unknown) => {
    assert.ok(isRecord(entry));
    const { scopeName, path: grammarPath, injectTo } = entry;
    assert.equal(typeof scopeName, 'string');
    assert.equal(typeof grammarPath, 'string');
    const targets = Array.isArray(injectTo) ? injectTo.filter((t): t is string => typeof t === 'string') : [];
    return { scopeName: String(scopeName), path: path.join(root, String(grammarPath)), injectTo: targets };
  });
}

let registryPromise: Promise<vsctm.Registry> | undefined;

function registry(): Promise<vsctm.Registry> {
  registryPromise ??= (async () => {
    const wasm = fs.readFileSync(path.join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM({ data: wasm });
    const contributions = contributedGrammars();
    const files = new Map<string, string>(Object.entries(STAND_INS));
    for (const c of contributions) files.set(c.scopeName, c.path);
    return new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName: string): Promise<IRawGrammar | null> => {
        const file = files.get(scopeName);
        if (file === undefined) return null;
        return vsctm.parseRawGrammar(await fs.promises.readFile(file, 'utf8'), file);
      },
      // What VS Code does with `injectTo`.
      getInjections: (scopeName: string): string[] | undefined => {
        const injections = contributions
          .filter((c) => c.injectTo.includes(scopeName))
          .map((c) => c.scopeName);
        return injections.length > 0 ? injections : undefined;
      },
    });
  })();
  return registryPromise;
}

async function grammarFor(scopeName: string): Promise<IGrammar> {
  const grammar = await (await registry()).loadGrammar(scopeName);
  assert.ok(grammar, `grammar ${scopeName}`);
  return grammar;
}

function tokenize(grammar: IGrammar, source: string): Token[] {
  const tokens: Token[] = [];
  let state = vsctm.INITIAL;
  source.split('\n').forEach((lineText, index) => {
    const result = grammar.tokenizeLine(lineText, state);
    state = result.ruleStack;
    for (const t of result.tokens) {
      const end = Math.min(t.endIndex, lineText.length);
      if (end <= t.startIndex) continue;
      tokens.push({
        line: index + 1,
        start: t.startIndex,
        end,
        text: lineText.slice(t.startIndex, end),
        scopes: t.scopes,
      });
    }
  });
  return tokens;
}

// ------------------------------------------------------------------------------------------------ rendering

/**
 * One token a line: `line:first-last "text" scopes`, columns 1-based and inclusive. Tokens inside strings
 * (or inside our expressions) show every scope from the string's scope inwards; others only their innermost
 * scope, and blank tokens outside strings are left out.
 */
function render(tokens: Token[], rootScope: string): string {
  const lines: string[] = [];
  for (const token of tokens) {
    const scopes = token.scopes.filter((s) => s !== rootScope);
    const first = scopes.findIndex((s) => s.startsWith('string.') || s.endsWith('.asl'));
    if (first < 0 && token.text.trim() === '') continue;
    const shown = first < 0 ? scopes.slice(-1) : scopes.slice(first);
    lines.push(
      `${token.line}:${token.start + 1}-${token.end} ${JSON.stringify(token.text)} ${shown.join(' ')}`,
    );
  }
  return lines.join('\n') + '\n';
}

// ------------------------------------------------------------------------------------------------ helpers

/** The n-th (0-based) token whose text is exactly `text`. */
function tokenOf(tokens: Token[], text: string, n = 0): Token {
  const found = tokens.filter((t) => t.text === text)[n];
  assert.ok(found, `no token ${JSON.stringify(text)} (#${n}) in:\n${render(tokens, '')}`);
  return found;
}

function hasScope(token: Token, scope: string): boolean {
  return token.scopes.some((s) => s === scope || s.startsWith(`${scope}.`));
}

function assertScope(token: Token, scope: string): void {
  assert.ok(
    hasScope(token, scope),
    `${JSON.stringify(token.text)} should have ${scope}: ${token.scopes.join(' ')}`,
  );
}

function assertNoAslScope(tokens: Token[], line: number, rootScope: string): void {
  for (const t of tokens.filter((tk) => tk.line === line)) {
    const ours = t.scopes.filter((s) => s !== rootScope && s.endsWith('.asl'));
    assert.deepEqual(
      ours,
      [],
      `line ${line} ${JSON.stringify(t.text)} should not be coloured as an expression`,
    );
  }
}

// ------------------------------------------------------------------------------------------------ tests

const goldenCases: Array<{ fixture: string; scope: string }> = [
  { fixture: 'paths.asl.json', scope: 'source.asl.json' },
  { fixture: 'intrinsics.asl.json', scope: 'source.asl.json' },
  { fixture: 'jsonata.asl.json', scope: 'source.asl.json' },
  { fixture: 'jsonata.asl.yaml', scope: 'source.asl.yaml' },
  { fixture: 'workflow.asl.yaml', scope: 'source.asl.yaml' },
];

for (const { fixture, scope } of goldenCases) {
  test(`grammar: tokens of ${fixture} match the golden file`, async () => {
    const grammar = await grammarFor(scope);
    const source = fs.readFileSync(path.join(fixtures, fixture), 'utf8');
    assertGolden(path.join(fixtures, `${fixture}.golden.txt`), render(tokenize(grammar, source), scope));
  });
}

test('grammar: package.json contributes the three grammars and the files exist', () => {
  const byScope = new Map(contributedGrammars().map((c) => [c.scopeName, c]));
  for (const scopeName of ['source.asl.json', 'source.asl.yaml', INJECTION]) {
    const c = byScope.get(scopeName);
    assert.ok(c, `grammar ${scopeName} is contributed`);
    const raw: unknown = JSON.parse(fs.readFileSync(c.path, 'utf8'));
    assert.ok(isRecord(raw));
    assert.equal(raw['scopeName'], scopeName, `${c.path} declares its scopeName`);
  }
  assert.deepEqual(byScope.get(INJECTION)?.injectTo, ['source.asl.json', 'source.asl.yaml']);
});

test('grammar: JSON paths, context object and variables', async () => {
  const grammar = await grammarFor('source.asl.json');
  const tokens = tokenize(
    grammar,
    [
      '{',
      '  "InputPath": "$.order.items[0]",',
      '  "a.$": "$$.Execution.Id",',
      '  "b.$": "$myVar.field",',
      '  "c.$": "$..deep[*]",',
      '  "StartAt": "Load order",',
      '  "Comment": "Costs $5, or $.x if you ask",',
      '  "$.key": "Task"',
      '}',
    ].join('\n'),
  );
  assertScope(tokenOf(tokens, '$'), 'variable.language.jsonpath.asl');
  assertScope(tokenOf(tokens, '$'), 'meta.embedded.expression.path.asl');
  assertScope(tokenOf(tokens, 'order'), 'variable.other.property.jsonpath.asl');
  assertScope(tokenOf(tokens, '.'), 'punctuation.accessor.jsonpath.asl');
  assertScope(tokenOf(tokens, '['), 'punctuation.section.brackets.begin.jsonpath.asl');
  assertScope(tokenOf(tokens, '0'), 'constant.numeric.jsonpath.asl');
  assertScope(tokenOf(tokens, '$$'), 'variable.language.context.asl');
  assertScope(tokenOf(tokens, 'Execution'), 'variable.other.property.jsonpath.asl');
  assertScope(tokenOf(tokens, '$myVar'), 'variable.other.asl');
  assertScope(tokenOf(tokens, '..'), 'punctuation.accessor.descendant.jsonpath.asl');
  assertScope(tokenOf(tokens, '*'), 'constant.language.wildcard.jsonpath.asl');
  // The host scope is still there underneath.
  assertScope(tokenOf(tokens, '$$'), 'string.quoted.double.json');
  // A state name, a sentence that merely contains paths, a key and a plain value stay plain strings.
  assertNoAslScope(tokens, 6, 'source.asl.json');
  assertNoAslScope(tokens, 7, 'source.asl.json');
  assertNoAslScope(tokens, 8, 'source.asl.json');
});

test('grammar: JSON intrinsic functions', async () => {
  const grammar = await grammarFor('source.asl.json');
  const tokens = tokenize(
    grammar,
    [
      '{',
      `  "a.$": "States.Format('it\\\\'s {}', States.ArrayLength($.list), 42)",`,
      `  "b.$": "States.Format('$.x {}', $.y)",`,
      '  "ErrorEquals": ["States.ALL", "States.TaskFailed"],',
      '  "Comment": "States.Format is documented elsewhere"',
      '}',
    ].join('\n'),
  );
  assertScope(tokenOf(tokens, 'States.Format'), 'support.function.intrinsic.asl');
  assertScope(tokenOf(tokens, 'States.Format'), 'meta.embedded.expression.intrinsic.asl');
  assertScope(tokenOf(tokens, 'States.ArrayLength'), 'support.function.intrinsic.asl');
  assertScope(tokenOf(tokens, '('), 'punctuation.section.arguments.begin.intrinsic.asl');
  assertScope(tokenOf(tokens, ','), 'punctuation.separator.arguments.intrinsic.asl');
  assertScope(tokenOf(tokens, "'"), 'punctuation.definition.string.begin.intrinsic.asl');
  assertScope(tokenOf(tokens, "\\\\'"), 'constant.character.escape.intrinsic.asl');
  assertScope(tokenOf(tokens, '{}'), 'constant.other.placeholder.intrinsic.asl');
  assertScope(tokenOf(tokens, '$'), 'variable.language.jsonpath.asl');
  assertScope(tokenOf(tokens, '42'), 'constant.numeric.intrinsic.asl');
  assertScope(tokenOf(tokens, ')', 1), 'punctuation.section.arguments.end.intrinsic.asl');
  // A path-like intrinsic string argument stays a string: the injection does not re-enter its own scopes.
  const literal = tokenOf(tokens, '$.x ');
  assertScope(literal, 'string.quoted.single.intrinsic.asl');
  assert.ok(
    !hasScope(literal, 'meta.embedded.expression.path'),
    'no path inside an intrinsic string literal',
  );
  assertNoAslScope(tokens, 4, 'source.asl.json');
  assertNoAslScope(tokens, 5, 'source.asl.json');
});

test('grammar: JSON JSONata blocks', async () => {
  const grammar = await grammarFor('source.asl.json');
  const tokens = tokenize(
    grammar,
    [
      '{',
      '  "Output": "{% $sum($states.input.items) & \\"%}\\" & $x ? true : null %}",',
      '  "Open": "{% $states.input',
      '  "Next": "Done",',
      '  "Comment": "Spend {% wisely %}"',
      '}',
    ].join('\n'),
  );
  const begin = tokenOf(tokens, '{%');
  assertScope(begin, 'punctuation.section.embedded.begin.jsonata.asl');
  assertScope(begin, 'meta.embedded.expression.jsonata.asl');
  // The %} inside the JSONata string literal does not close the block: it closes at the end of the host string.
  assertScope(tokenOf(tokens, '%}', 0), 'string.quoted.double.jsonata.asl');
  const end = tokenOf(tokens, '%}', 1);
  assertScope(end, 'punctuation.section.embedded.end.jsonata.asl');
  assert.equal(end.line, 2);
  assert.equal(end.end, tokens.find((t) => t.line === 2 && t.start === end.end)?.start);
  assert.equal(tokens.find((t) => t.line === 2 && t.start === end.end)?.text, '"');
  assertScope(tokenOf(tokens, '$sum'), 'support.function.builtin.jsonata.asl');
  assertScope(tokenOf(tokens, '$states'), 'variable.language.states.jsonata.asl');
  assertScope(tokenOf(tokens, 'input'), 'variable.language.property.jsonata.asl');
  assertScope(tokenOf(tokens, '$x'), 'variable.other.jsonata.asl');
  assertScope(tokenOf(tokens, '&'), 'keyword.operator.concatenation.jsonata.asl');
  assertScope(tokenOf(tokens, '?'), 'keyword.operator.conditional.jsonata.asl');
  assertScope(tokenOf(tokens, 'true'), 'constant.language.jsonata.asl');
  assertScope(tokenOf(tokens, '\\"'), 'punctuation.definition.string.begin.jsonata.asl');
  // An unclosed block is coloured up to the end of its string, and the next line is not affected.
  assertScope(tokenOf(tokens, '$states', 1), 'variable.language.states.jsonata.asl');
  assertNoAslScope(tokens, 4, 'source.asl.json');
  const done = tokenOf(tokens, 'Done');
  assert.ok(!hasScope(done, 'meta.embedded'), 'Done is a plain string');
  // {% in the middle of a sentence is not JSONata.
  assertNoAslScope(tokens, 5, 'source.asl.json');
});

test('grammar: YAML plain, double- and single-quoted scalars, keys and block scalars', async () => {
  const grammar = await grammarFor('source.asl.yaml');
  const tokens = tokenize(
    grammar,
    [
      'InputPath: $.order # comment',
      'a.$: "$$.Execution.Id"',
      "b.$: 'States.Format(''{}'', $.x)'",
      'c.$: States.Array($.a, 1)',
      "d: '{% $states.input.n & ''!'' %}'",
      '"$.key": $.value',
      'StartAt: Load order',
      'e: |',
      '  {% $sum(',
      '     $states.input.n) %}',
      'Next: Done',
    ].join('\n'),
  );
  assertScope(tokenOf(tokens, '$'), 'variable.language.jsonpath.asl');
  assertScope(tokenOf(tokens, '$'), 'string.unquoted.plain.out.yaml');
  assert.ok(
    !hasScope(tokenOf(tokens, ' '), 'meta.embedded'),
    'the blank before the comment is not part of the path',
  );
  assertScope(tokenOf(tokens, '$$'), 'variable.language.context.asl');
  assertScope(tokenOf(tokens, 'States.Format'), 'support.function.intrinsic.asl');
  assertScope(tokenOf(tokens, "''", 0), 'punctuation.definition.string.begin.intrinsic.asl');
  assertScope(tokenOf(tokens, 'States.Array'), 'support.function.intrinsic.asl');
  assertScope(tokenOf(tokens, '{%'), 'punctuation.section.embedded.begin.jsonata.asl');
  assertScope(tokenOf(tokens, '$states'), 'variable.language.states.jsonata.asl');
  // A quoted key that looks like a path is a key, its value a path.
  const keyLine = tokens.filter((t) => t.line === 6);
  assert.ok(
    keyLine.filter((t) => hasScope(t, 'entity.name.tag')).every((t) => !hasScope(t, 'meta.embedded')),
  );
  assert.ok(keyLine.some((t) => t.text === 'value' && hasScope(t, 'variable.other.property.jsonpath.asl')));
  assertNoAslScope(tokens, 7, 'source.asl.yaml');
  // JSONata across the lines of a block scalar.
  assertScope(tokenOf(tokens, '{%', 1), 'punctuation.section.embedded.begin.jsonata.asl');
  assertScope(tokenOf(tokens, '$states', 1), 'variable.language.states.jsonata.asl');
  assertScope(tokenOf(tokens, '%}', 1), 'punctuation.section.embedded.end.jsonata.asl');
  assertNoAslScope(tokens, 11, 'source.asl.yaml');
});

// ------------------------------------------------------------------------------------------------ configurations

function readConfiguration(file: string): Record<string, unknown> {
  const raw: unknown = JSON.parse(
    fs.readFileSync(path.join(root, 'client', 'language-configuration', file), 'utf8'),
  );
  assert.ok(isRecord(raw), file);
  return raw;
}

function pattern(config: Record<string, unknown>, ...keys: string[]): RegExp {
  let value: unknown = config;
  for (const key of keys) value = isRecord(value) ? value[key] : undefined;
  assert.equal(typeof value, 'string', keys.join('.'));
  return new RegExp(String(value));
}

test('language configurations: brackets, comments and YAML indentation', () => {
  const json = readConfiguration('asl-json.json');
  const yaml = readConfiguration('asl-yaml.json');
  assert.equal(json['comments'], undefined, 'ASL JSON has no comments (AWS rejects them)');
  assert.deepEqual(yaml['comments'], { lineComment: '#' });
  for (const config of [json, yaml]) {
    assert.ok(Array.isArray(config['brackets']));
    assert.ok(Array.isArray(config['autoClosingPairs']));
    assert.ok(Array.isArray(config['surroundingPairs']));
  }

  const increase = pattern(yaml, 'indentationRules', 'increaseIndentPattern');
  for (const line of [
    'States:',
    '  Parameters:  # note',
    '  - Catch:',
    '    Comment: |',
    '  - ',
    'Items: [',
  ]) {
    assert.match(line, increase);
  }
  for (const line of ['Type: Task', 'Comment: "a: b"', 'Next: Done # ends:', '# Parameters:']) {
    assert.doesNotMatch(line, increase);
  }
  const onEnter: unknown = yaml['onEnterRules'];
  assert.ok(Array.isArray(onEnter));
  const rules: unknown[] = onEnter;
  const afterColon = rules.find((rule) => {
    if (!isRecord(rule) || typeof rule['beforeText'] !== 'string') return false;
    return new RegExp(rule['beforeText']).test('  Parameters:');
  });
  assert.ok(isRecord(afterColon), 'an onEnter rule for a line ending with a colon');
  assert.deepEqual(isRecord(afterColon['action']) ? afterColon['action']['indent'] : undefined, 'indent');

  const jsonIncrease = pattern(json, 'indentationRules', 'increaseIndentPattern');
  assert.match('  "States": {', jsonIncrease);
  assert.doesNotMatch('  "Type": "Task",', jsonIncrease);
  assert.match('  },', pattern(json, 'indentationRules', 'decreaseIndentPattern'));
});
