import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { IntrinsicCall } from '../../../server/src/asl/intrinsics';
import { MAX_INTRINSIC_DEPTH, parseIntrinsic } from '../../../server/src/asl/intrinsics';

function call(text: string, base = 0): IntrinsicCall {
  const result = parseIntrinsic(text, base);
  if (!result.ok) assert.fail(`${text}: ${result.problem.message}`);
  return result.call;
}

describe('intrinsic parser', () => {
  test('arguments of every kind, with positions', () => {
    const parsed = call(
      "States.Array('a', 1.5, -2, true, false, null, $.x, $$.Execution.Id, $v, States.UUID())",
    );
    assert.equal(parsed.name, 'States.Array');
    assert.deepEqual(parsed.nameSpan, { offset: 0, length: 12 });
    assert.deepEqual(
      parsed.args.map((arg) => arg.kind),
      ['string', 'number', 'number', 'boolean', 'boolean', 'null', 'path', 'path', 'path', 'call'],
    );
    assert.deepEqual(
      parsed.args.map((arg) => [arg.offset, arg.length]),
      [
        [13, 3],
        [18, 3],
        [23, 2],
        [27, 4],
        [33, 5],
        [40, 4],
        [46, 3],
        [51, 15],
        [68, 2],
        [72, 13],
      ],
    );
    const [, number, negative, yes] = parsed.args;
    assert.ok(number?.kind === 'number' && number.value === 1.5);
    assert.ok(negative?.kind === 'number' && negative.value === -2);
    assert.ok(yes?.kind === 'boolean' && yes.value);
  });

  test("AWS's escapes in strings: \\' \\{ \\} \\\\", () => {
    const parsed = call("States.Format('it\\'s \\{\\} and {} \\\\ done', $.x)");
    const template = parsed.args[0];
    assert.ok(template?.kind === 'string');
    assert.equal(template.value, "it's {} and {} \\ done");
    assert.deepEqual(template.escapedBraces, [5, 6]);
  });

  test('path arguments run to the next comma outside brackets and quotes', () => {
    const parsed = call("States.Array($.a[?(@.b == 'x, y')], $['p,q'])");
    const [first, second] = parsed.args;
    assert.ok(first?.kind === 'path' && second?.kind === 'path');
    assert.equal(first.path.text, "$.a[?(@.b == 'x, y')]");
    assert.deepEqual(second.path.steps, ['p,q']);
  });

  test('nested calls record their depth; offsets shift by the base', () => {
    const parsed = call("States.ArrayGetItem(States.StringSplit($.s, '-'), 0)", 20);
    const inner = parsed.args[0];
    assert.ok(inner?.kind === 'call');
    assert.equal(parsed.depth, 1);
    assert.equal(inner.depth, 2);
    assert.equal(inner.offset, 40);
    assert.deepEqual(inner.nameSpan, { offset: 40, length: 18 });
  });

  test(`nesting ${MAX_INTRINSIC_DEPTH} levels is accepted, one more is refused at the deepest name`, () => {
    const nest = (levels: number): string => {
      let text = '1';
      for (let i = 0; i < levels; i++) text = `States.Array(${text})`;
      return text;
    };
    assert.ok(parseIntrinsic(nest(MAX_INTRINSIC_DEPTH)).ok);
    const result = parseIntrinsic(nest(MAX_INTRINSIC_DEPTH + 1));
    assert.ok(!result.ok);
    assert.equal(result.problem.offset, 'States.Array('.length * MAX_INTRINSIC_DEPTH);
    assert.match(result.problem.message, /at most 10 levels/);
  });

  const errors: [string, number, number, RegExp][] = [
    ['States.Array(', 12, 1, /never closed/],
    ['States.Array(1,)', 15, 1, /argument was expected/],
    ['States.Array(1 2)', 15, 1, /"," or "\)"/],
    ['States.Array("x")', 13, 1, /single quotes/],
    ['States.Array(abc)', 13, 3, /not an argument/],
    ["States.Format('abc)", 14, 1, /never closed/],
    ['States.Array(1) x', 16, 1, /after the end/],
    ['States.Array', 12, 1, /"\(" was expected/],
    ['(1)', 0, 1, /call .* was expected/],
    ['States.Array($.a b)', 17, 1, /"," or "\)"/],
    ['States.Array($.a.)', 16, 2, /expected after "\."/],
  ];
  for (const [text, offset, length, message] of errors) {
    test(`error: ${text}`, () => {
      const result = parseIntrinsic(text);
      assert.ok(!result.ok);
      assert.match(result.problem.message, message);
      assert.deepEqual([result.problem.offset, result.problem.length], [offset, length]);
    });
  }
});
