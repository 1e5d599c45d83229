import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkIntrinsicCall, parseIntrinsic } from '../../../server/src/asl/intrinsics';

function problems(text: string): { offset: number; length: number; message: string }[] {
  const result = parseIntrinsic(text);
  if (!result.ok) assert.fail(result.problem.message);
  return checkIntrinsicCall(result.call);
}

describe('intrinsic literal checks', () => {
  const valid = [
    "States.Format('Hello {}, welcome to {}!', $name, $place)",
    "States.Format('\\{} is literal')",
    'States.Format($template, $.x)',
    "States.Hash($.data, 'SHA-256')",
    'States.MathAdd($.n, -1)',
    'States.MathAdd(1.5, 2)',
    'States.ArrayRange(0, 999, 1)',
    'States.JsonMerge($.a, $.b, false)',
    'States.MathRandom(1, 10, 7)',
    'States.UUID()',
    'States.Array()',
    "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))",
    'States.JsonMerge(States.StringToJson(\'{"a": 1}\'), $.b, false)',
  ];
  for (const text of valid) {
    test(`accepts ${text}`, () => assert.deepEqual(problems(text), []));
  }

  const invalid: [string, number, number, RegExp][] = [
    ['States.Foo(1)', 0, 10, /States.Foo is not an intrinsic function\.$/],
    ['States.format(1)', 0, 13, /did you mean States.Format\?/],
    ['States.MathAdd(1)', 0, 17, /takes 2 arguments, but 1 is given/],
    ['States.UUID(1)', 0, 14, /takes 0 arguments/],
    ['States.MathRandom(1)', 0, 20, /2 to 3 arguments/],
    ['States.Format()', 0, 15, /at least 1 argument,/],
    [
      "States.MathAdd('a', 1)",
      15,
      3,
      /first \("value"\) argument of States.MathAdd must be a number, not a string/,
    ],
    ['States.ArrayGetItem($.a, 1.5)', 25, 3, /whole number, not the fraction 1.5/],
    ['States.ArrayLength(null)', 19, 4, /must be an array, not null/],
    ["States.MathAdd(States.Format('x'), 1)", 15, 18, /States.Format, which returns a string/],
    ["States.Hash($.x, 'SHA-3')", 17, 7, /not a hash algorithm/],
    ["States.Format('{} and {}', $.x)", 14, 11, /2 \{\} placeholders but 1 value follows/],
    ["States.Format('none', $.x)", 14, 6, /0 \{\} placeholders but 1 value follows/],
    ['States.JsonMerge($.a, $.b, true)', 27, 4, /shallow merge/],
    ['States.ArrayRange(1, 2, 0)', 24, 1, /cannot be 0/],
    ['States.ArrayRange(0, 1000, 1)', 0, 29, /1001 numbers/],
    ['States.ArrayPartition($.a, 0)', 27, 1, /greater than 0/],
    ['States.ArrayGetItem($.a, -1)', 25, 2, /cannot be negative/],
    [`States.Base64Encode('${'x'.repeat(10_001)}')`, 20, 10_003, /at most 10000 characters/],
  ];
  for (const [text, offset, length, message] of invalid) {
    test(`refuses ${text.slice(0, 60)}`, () => {
      const found = problems(text);
      assert.equal(found.length, 1, JSON.stringify(found));
      const [problem] = found;
      assert.ok(problem !== undefined);
      assert.match(problem.message, message);
      assert.deepEqual([problem.offset, problem.length], [offset, length]);
    });
  }

  test('problems in nested calls are found too', () => {
    const found = problems("States.Array(States.Nope(), States.MathAdd('x', 1))");
    assert.deepEqual(
      found.map((problem) => problem.offset),
      [13, 43],
    );
  });
});
