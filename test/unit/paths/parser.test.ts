import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { JsonPath } from '../../../server/src/asl/paths';
import { parseJsonPath } from '../../../server/src/asl/paths';

function parsed(text: string, base = 0): JsonPath {
  const result = parseJsonPath(text, base);
  if (!result.ok) assert.fail(`${text}: ${result.problem.message}`);
  return result.path;
}

describe('JSONPath parser: paths Step Functions accepts', () => {
  const definite: [string, string, (string | number)[]][] = [
    ['$', 'input', []],
    ['$$', 'context', []],
    ['$.a.b', 'input', ['a', 'b']],
    ['$.detail-type', 'input', ['detail-type']],
    ["$['a b']", 'input', ['a b']],
    ['$["x"]', 'input', ['x']],
    ["$['it\\'s']", 'input', ["it's"]],
    ['$["say \\"hi\\""]', 'input', ['say "hi"']],
    ["$['back\\\\slash']", 'input', ['back\\slash']],
    // A backslash before anything but the quote or a backslash stays (AWS, recorded).
    ['$[\'Test\\""Name"\']', 'input', ['Test\\""Name"']],
    ["$['a\\b']", 'input', ['a\\b']],
    ['$[0]', 'input', [0]],
    ['$.items[-1]', 'input', ['items', -1]],
    ["$.abc.['def ghi']", 'input', ['abc', 'def ghi']],
    ['$$.Execution.Input.id', 'context', ['Execution', 'Input', 'id']],
    ['$$.Map.Item.Value', 'context', ['Map', 'Item', 'Value']],
    ['$order.lines[2].sku', 'variable', ['lines', 2, 'sku']],
  ];
  for (const [text, root, steps] of definite) {
    test(`${text} is definite with steps ${JSON.stringify(steps)}`, () => {
      const path = parsed(text);
      assert.equal(path.root.kind, root);
      assert.equal(path.definite, true);
      assert.deepEqual(path.steps, steps);
      assert.equal(path.text, text);
    });
  }

  const indefinite: [string, string[]][] = [
    ['$[*]', ['wildcard']],
    ['$.*', ['wildcard']],
    ['$.a.*.b', ['name', 'wildcard', 'name']],
    ['$..price', ['name']],
    ['$..*', ['wildcard']],
    ['$..[0]', ['index']],
    ['$[1:3]', ['slice']],
    ['$[::2]', ['slice']],
    ['$[-2:]', ['slice']],
    ["$['a','b']", ['union']],
    ['$[0, 2]', ['union']],
    ['$.book[?(@.price < 10)]', ['name', 'filter']],
  ];
  for (const [text, kinds] of indefinite) {
    test(`${text} is indefinite`, () => {
      const path = parsed(text);
      assert.equal(path.definite, false);
      assert.equal(path.steps, undefined);
      assert.deepEqual(
        path.segments.map((segment) => segment.selector.kind),
        kinds,
      );
    });
  }

  test('a variable path keeps the variable name on its root', () => {
    const path = parsed('$myVar.x');
    assert.deepEqual(path.root, { kind: 'variable', name: 'myVar', offset: 0, length: 6 });
  });

  test('descendant segments are marked', () => {
    const path = parsed('$.a..b');
    assert.deepEqual(
      path.segments.map((segment) => segment.descendant),
      [false, true],
    );
  });

  test('slice bounds and steps are read, each optional', () => {
    const slice = parsed('$[1:-1:2]').segments[0]?.selector;
    assert.deepEqual(slice, { kind: 'slice', start: 1, end: -1, step: 2, offset: 1, length: 8 });
    const open = parsed('$[:3]').segments[0]?.selector;
    assert.equal(open?.kind, 'slice');
    if (open?.kind === 'slice')
      assert.deepEqual([open.start, open.end, open.step], [undefined, 3, undefined]);
  });

  test('every node carries its offset, shifted by the base offset', () => {
    const path = parsed("$.a['b'][3]", 10);
    assert.deepEqual(
      path.segments.map((segment) => [segment.offset, segment.length]),
      [
        [11, 2],
        [13, 5],
        [18, 3],
      ],
    );
    const name = path.segments[0]?.selector;
    assert.deepEqual(name, { kind: 'name', name: 'a', notation: 'dot', offset: 12, length: 1 });
    assert.equal(path.offset, 10);
  });
});

describe('JSONPath parser: filters', () => {
  test('precedence: ! before && before ||', () => {
    const selector = parsed('$.a[?(@.x == 1 || !@.y && @.z != "q")]').segments[1]?.selector;
    assert.equal(selector?.kind, 'filter');
    if (selector?.kind !== 'filter') return;
    const top = selector.expression;
    assert.equal(top.kind, 'or');
    if (top.kind !== 'or') return;
    assert.equal(top.left.kind, 'compare');
    assert.equal(top.right.kind, 'and');
    if (top.right.kind !== 'and') return;
    assert.equal(top.right.left.kind, 'not');
    assert.equal(top.right.right.kind, 'compare');
  });

  test('literals of every kind and both path roots', () => {
    const literals: [string, unknown][] = [
      ['10', 10],
      ['-2.5e1', -25],
      ["'text'", 'text'],
      ['"text"', 'text'],
      ['true', true],
      ['false', false],
      ['null', null],
    ];
    for (const [literal, value] of literals) {
      const selector = parsed(`$[?(@.v == ${literal})]`).segments[0]?.selector;
      assert.ok(selector?.kind === 'filter' && selector.expression.kind === 'compare');
      const right = selector.expression.right;
      assert.equal(right.kind, 'literal');
      if (right.kind === 'literal') assert.equal(right.value, value, literal);
    }
    const rooted = parsed('$.items[?(@.price < $.limit)]').segments[1]?.selector;
    assert.ok(rooted?.kind === 'filter' && rooted.expression.kind === 'compare');
    const right = rooted.expression.right;
    assert.ok(right.kind === 'path' && right.path.root.kind === 'input');
  });

  test('parentheses group', () => {
    const selector = parsed('$[?((@.a || @.b) && @.c)]').segments[0]?.selector;
    assert.ok(selector?.kind === 'filter');
    assert.equal(selector.expression.kind, 'and');
  });

  test('a bare path is an existence test', () => {
    const selector = parsed('$.books[?(@.isbn)]').segments[1]?.selector;
    assert.ok(selector?.kind === 'filter');
    assert.equal(selector.expression.kind, 'test');
  });
});

describe('JSONPath parser: errors point at the offending characters', () => {
  const errors: [string, number, number, RegExp][] = [
    ['', 0, 1, /empty/],
    ['a.b', 0, 1, /starts with "\$"/],
    ['$.a b', 3, 1, /bracket notation/],
    ['$.a.', 3, 2, /expected after "\."/],
    ['$.a[', 3, 1, /never closed/],
    ["$['a", 2, 1, /never closed/],
    ['$.a.length()', 4, 7, /length\(\)/],
    ['$.a[?(@.x =~ /a/)]', 10, 2, /=~/],
    ['$.a[?(@.x in [1])]', 10, 2, /"in"/],
    ['$.a[?(@.x = 1)]', 10, 1, /==/],
    ['$.a[?(@.x == 1 & @.y)]', 15, 1, /&&/],
    ['$.a[?(@.x == 1]', 14, 1, /close the filter/],
    ['$.a[?(@.x == )]', 13, 1, /was expected/],
    ['$.a[(@.length-1)]', 4, 1, /Script expressions/],
    ['$.a[0:1:0]', 8, 1, /cannot be 0/],
    ['$$x', 2, 1, /Unexpected "x"/],
    ['$.a]', 3, 1, /Unexpected "\]"/],
    ['$[abc]', 2, 1, /cannot start a bracket/],
    ['@.a', 0, 1, /only allowed inside a filter/],
    ['$[0', 1, 1, /never closed/],
  ];
  for (const [text, offset, length, message] of errors) {
    test(JSON.stringify(text), () => {
      const result = parseJsonPath(text, 0);
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.match(result.problem.message, message);
      assert.deepEqual([result.problem.offset, result.problem.length], [offset, length]);
    });
  }

  test('error offsets are shifted by the base offset', () => {
    const result = parseJsonPath('$.a b', 100);
    assert.ok(!result.ok);
    assert.equal(result.problem.offset, 103);
  });

  test('never throws on arbitrary text', () => {
    const alphabet = [
      '$',
      '.',
      '[',
      ']',
      '(',
      ')',
      '?',
      '@',
      "'",
      '"',
      '*',
      ':',
      ',',
      '-',
      '1',
      'a',
      ' ',
      '=',
      '<',
      '!',
      '&',
      '|',
    ];
    let seed = 7;
    for (let i = 0; i < 3000; i++) {
      let text = '$';
      const length = i % 14;
      for (let j = 0; j < length; j++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += alphabet[seed % alphabet.length];
      }
      const result = parseJsonPath(text);
      if (!result.ok) {
        assert.ok(result.problem.offset >= 0 && result.problem.offset <= text.length, text);
        assert.ok(result.problem.length >= 1, text);
      }
    }
  });
});
