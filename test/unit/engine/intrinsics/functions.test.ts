import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { StatesFailure } from '../../../../server/src/engine/errors';
import type { IntrinsicEnvironment } from '../../../../server/src/engine/intrinsics';
import { evaluateIntrinsicText, hashText, seededInt } from '../../../../server/src/engine/intrinsics';
import type { JsonValue } from '../../../../server/src/engine/json';
import { rootsOf } from '../../../../server/src/engine/jsonpath';

function environment(
  input: JsonValue,
  options: { random?: number[]; context?: JsonValue; variables?: Record<string, JsonValue> } = {},
): IntrinsicEnvironment {
  const numbers = [...(options.random ?? [0.5])];
  let ids = 0;
  return {
    roots: rootsOf(input, options.context ?? {}, options.variables ?? {}),
    random: { next: () => numbers.shift() ?? 0 },
    ids: { uuid: () => `uuid-${++ids}` },
  };
}

/** Evaluates `fn($.fst, $.snd, ...)` the way the recorded cases call it: arguments come from the input. */
function run(text: string, input: JsonValue = {}): JsonValue {
  return evaluateIntrinsicText(text, environment(input));
}

function failure(text: string, input: JsonValue = {}): { error: string; cause: string } {
  try {
    run(text, input);
  } catch (error) {
    if (error instanceof StatesFailure) return error.statesError;
    throw error;
  }
  return assert.fail(`${text} did not fail`);
}

// Each table row is a fact recorded against AWS in ../shared/conformance/cases/intrinsic_functions__*.json.
describe('values AWS recorded', () => {
  test('States.MathAdd rounds each operand half up, then adds', () => {
    const rows: [number, number, number][] = [
      [-9, 3, -6],
      [1.49, 1.5, 3],
      [1.5, 1.51, 4],
      [-1.49, -1.5, -2],
      [-1.5, -1.51, -3],
      [1.49, 0, 1],
      [1.49, -1.49, 0],
      [1.5, 0, 2],
      [1.51, 0, 2],
      [-1.49, 0, -1],
      [-1.5, 0, -1],
      [-1.51, 0, -2],
      [0.5, 0, 1],
      [2.5, 0, 3],
      [3.5, 0, 4],
      [-0.5, 0.5, 1],
      [-0.5, 0, 0],
      [-2.5, 0, -2],
      [-3.5, 0, -3],
    ];
    for (const [fst, snd, sum] of rows) {
      assert.equal(run('States.MathAdd($.fst, $.snd)', { fst, snd }), sum, `${fst} + ${snd}`);
    }
  });

  test('States.StringSplit splits at any delimiter character and drops empty pieces', () => {
    const rows: [string, string, string[]][] = [
      [' ', ',', [' ']],
      [' , ', ',', [' ', ' ']],
      [', , ,', ',', [' ', ' ']],
      [',,,,', ',', []],
      ['1,2,3,4,5', ',', ['1', '2', '3', '4', '5']],
      ['This.is+a,test=string', '.+,=', ['This', 'is', 'a', 'test', 'string']],
      ['split on T and \nnew line', 'T\n', ['split on ', ' and ', 'new line']],
    ];
    for (const [fst, snd, pieces] of rows) {
      assert.deepEqual(run('States.StringSplit($.fst, $.snd)', { fst, snd }), pieces, JSON.stringify(fst));
    }
  });

  test('States.ArrayPartition cuts consecutive chunks', () => {
    const rows: [number[], number, number[][]][] = [
      [[0], 1, [[0]]],
      [[0], 5, [[0]]],
      [[0, 1], 1, [[0], [1]]],
      [[0, 1, 2], 2, [[0, 1], [2]]],
      [[0, 1, 2], 3, [[0, 1, 2]]],
      [[0, 1, 2, 3], 3, [[0, 1, 2], [3]]],
      [
        [0, 1, 2, 3],
        2,
        [
          [0, 1],
          [2, 3],
        ],
      ],
      [[0, 1, 2, 3], 5, [[0, 1, 2, 3]]],
    ];
    for (const [fst, snd, chunks] of rows) {
      assert.deepEqual(run('States.ArrayPartition($.fst, $.snd)', { fst, snd }), chunks);
    }
  });

  test('States.ArrayRange counts to the end inclusive when the step lands on it', () => {
    const rows: [number, number, number, number[]][] = [
      [0, 9, 3, [0, 3, 6, 9]],
      [0, 10, 3, [0, 3, 6, 9]],
      [1, 9, 9, [1]],
      [1, 9, 2, [1, 3, 5, 7, 9]],
    ];
    for (const [fst, snd, trd, range] of rows) {
      assert.deepEqual(run('States.ArrayRange($.fst, $.snd, $.trd)', { fst, snd, trd }), range);
    }
  });

  test('States.JsonToString writes compact JSON', () => {
    const rows: [JsonValue, string][] = [
      [null, 'null'],
      [0, '0'],
      [1.1, '1.1'],
      [true, 'true'],
      ['HelloWorld', '"HelloWorld"'],
      [[1, 2, 'HelloWorld'], '[1,2,"HelloWorld"]'],
      [{ Arg1: 1, Arg2: [] }, '{"Arg1":1,"Arg2":[]}'],
    ];
    for (const [value, text] of rows) assert.equal(run('States.JsonToString($.v)', { v: value }), text);
  });

  test('States.StringToJson reads JSON text; blank text is null; -0 is 0', () => {
    const rows: [string, JsonValue][] = [
      ['', null],
      [' ', null],
      ['null', null],
      ['-0', 0],
      ['1.1', 1.1],
      ['true', true],
      ['"HelloWorld"', 'HelloWorld'],
      ['[1, 2, "HelloWorld"]', [1, 2, 'HelloWorld']],
      ['{"Arg1": 1, "Arg2": []}', { Arg1: 1, Arg2: [] }],
    ];
    for (const [text, value] of rows)
      assert.deepEqual(run('States.StringToJson($.v)', { v: text }), value, text);
    assert.ok(Object.is(run('States.StringToJson($.v)', { v: '-0' }), 0));
  });

  test('States.Format puts values in place of {} as Java prints them', () => {
    const rows: [JsonValue, string][] = [
      ['', 'Formatting argument .'],
      [' ', 'Formatting argument  .'],
      ['HelloWorld', 'Formatting argument HelloWorld.'],
      [null, 'Formatting argument null.'],
      [1, 'Formatting argument 1.'],
      [1.1, 'Formatting argument 1.1.'],
      ['{"Arg1": 1, "Arg2": []}', 'Formatting argument {"Arg1": 1, "Arg2": []}.'],
    ];
    for (const [value, text] of rows) {
      assert.equal(run("States.Format('Formatting argument {}.', $.v)", { v: value }), text);
    }
    const context = { StateMachine: { Id: 'arn:aws:states:us-east-1:1:stateMachine:M', Name: 'M' } };
    const rendered = evaluateIntrinsicText(
      "States.Format('snd={}.', $$.StateMachine)",
      environment({}, { context }),
    );
    assert.equal(rendered, 'snd={Id=arn:aws:states:us-east-1:1:stateMachine:M, Name=M}.');
  });

  test('States.Array, ArrayContains, ArrayGetItem, ArrayLength', () => {
    assert.deepEqual(run('States.Array()'), []);
    assert.deepEqual(run('States.Array($.a, $.b)', { a: null, b: { x: [] } }), [null, { x: [] }]);
    const contains: [JsonValue[], JsonValue, boolean][] = [
      [[], null, false],
      [[], [], false],
      [[[1, 2, 3], 2], null, false],
      [[[1, 2, 3], 2], [1, 2, 3], true],
      [[{ 1: 2, 2: [] }], [], false],
      [[{ 1: 2, 2: [] }], { 2: [], 1: 2 }, true],
      [[true, false], false, true],
    ];
    for (const [array, value, found] of contains) {
      assert.equal(
        run('States.ArrayContains($.a, $.v)', { a: array, v: value }),
        found,
        JSON.stringify(value),
      );
    }
    assert.equal(run('States.ArrayGetItem($.a, $.i)', { a: [1, 2, 3, 4, 5, 6, 7, 8, 9], i: 5 }), 6);
    assert.equal(run('States.ArrayLength($.a)', { a: [1, 2, 3, 4, 5, 6, 7, 8, 9] }), 9);
  });

  test('States.JsonMerge is shallow: the second object wins whole members', () => {
    const merged = run('States.JsonMerge($.fst, $.snd, false)', {
      fst: { a: { a1: 1, a2: 2 }, b: 2, d: 3 },
      snd: { a: { a3: 1, a4: 2 }, c: 3, d: 4 },
    });
    assert.deepEqual(merged, { a: { a3: 1, a4: 2 }, b: 2, c: 3, d: 4 });
    const literal = evaluateIntrinsicText(
      'States.JsonMerge(States.StringToJson(\'{"constant_in_literal": "false"}\'), $$.Execution.Input.input_field, false)',
      environment(
        {},
        { context: { Execution: { Input: { input_field: { constant_input_field: 'constant_value' } } } } },
      ),
    );
    assert.deepEqual(literal, { constant_input_field: 'constant_value', constant_in_literal: 'false' });
  });

  test('Base64 both ways, and SHA-256 of a recorded string', () => {
    assert.equal(run('States.Base64Encode($.v)', { v: 'Data to encode' }), 'RGF0YSB0byBlbmNvZGU=');
    assert.equal(run('States.Base64Encode($.v)', { v: '' }), '');
    assert.equal(run('States.Base64Decode($.v)', { v: 'RGF0YSB0byBlbmNvZGU=' }), 'Data to encode');
    assert.equal(run('States.Base64Decode($.v)', { v: '' }), '');
    assert.equal(
      evaluateIntrinsicText(
        "States.Hash($inputString, 'SHA-256')",
        environment({}, { variables: { inputString: 'Hash this string' } }),
      ),
      '1cac63f39fd68d8c531f27b807610fb3d50f0fc3f186995767fb6316e7200a3e',
    );
  });

  test('nested calls: the last piece of a dashed name', () => {
    const context = { StateMachine: { Name: 'alpha-beta-gamma' } };
    const text =
      "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))";
    assert.equal(evaluateIntrinsicText(text, environment({}, { context })), 'gamma');
  });
});

describe('our own facts', () => {
  test('Base64 round-trips any text, including non-ASCII', () => {
    for (const text of ['a', 'ab', 'abc', 'héllo wörld', '😀 emoji', 'x'.repeat(999)]) {
      const encoded = run('States.Base64Encode($.v)', { v: text });
      assert.equal(encoded, Buffer.from(text, 'utf8').toString('base64'));
      assert.equal(run('States.Base64Decode($.v)', { v: encoded }), text);
    }
  });

  test('every hash algorithm matches node:crypto', () => {
    const algorithms = [
      ['MD5', 'md5'],
      ['SHA-1', 'sha1'],
      ['SHA-256', 'sha256'],
      ['SHA-384', 'sha384'],
      ['SHA-512', 'sha512'],
    ] as const;
    for (const text of [
      '',
      'abc',
      'a'.repeat(55),
      'a'.repeat(56),
      'a'.repeat(112),
      'héllo 😀',
      'z'.repeat(10_000),
    ]) {
      for (const [ours, node] of algorithms) {
        assert.equal(
          hashText(text, ours),
          createHash(node).update(text, 'utf8').digest('hex'),
          `${ours} of ${text.length}`,
        );
      }
    }
  });

  test('ArrayUnique keeps the first of equal values', () => {
    const input = { a: [1, 1, { a: 1, b: 2 }, { b: 2, a: 1 }, [null], [null], 'x', 2, 'x'] };
    assert.deepEqual(run('States.ArrayUnique($.a)', input), [1, { a: 1, b: 2 }, [null], 'x', 2]);
  });

  test('escaped braces in a Format template are literal', () => {
    assert.equal(run("States.Format('\\{\\} {}', $.v)", { v: 7 }), '{} 7');
  });

  test('MathRandom draws from the random port in [start, end)', () => {
    const draw = (value: number): JsonValue =>
      evaluateIntrinsicText('States.MathRandom(10, 20)', environment({}, { random: [value] }));
    assert.equal(draw(0), 10);
    assert.equal(draw(0.55), 15);
    assert.equal(draw(0.9999999), 19);
  });

  test('a seeded MathRandom is the same on every run and needs no port', () => {
    const first = evaluateIntrinsicText('States.MathRandom(0, 999, 3)', environment({}, { random: [] }));
    const second = evaluateIntrinsicText('States.MathRandom(0, 999, 3)', environment({}, { random: [0.99] }));
    assert.equal(first, second);
    assert.ok(typeof first === 'number' && first >= 0 && first < 999);
    // Values printed by java.util.Random (new Random(seed).nextInt(bound)) on a JDK.
    const java: [number, number, number][] = [
      [42, 10, 0],
      [42, 100, 30],
      [3, 999, 239],
      [-7, 64, 17],
      [123456789012, 1000, 462],
    ];
    for (const [seed, bound, value] of java) assert.equal(seededInt(seed, bound), value, `${seed} ${bound}`);
    assert.equal(first, 239);
  });

  test('UUID comes from the id port', () => {
    assert.equal(run('States.UUID()'), 'uuid-1');
  });
});

describe('failures', () => {
  const cases: [string, JsonValue, string, RegExp][] = [
    [
      'States.MathAdd($.a, 1)',
      { a: 'x' },
      'States.IntrinsicFailure',
      /States.MathAdd: the first argument must be a number/,
    ],
    ['States.ArrayGetItem($.a, 3)', { a: [1] }, 'States.IntrinsicFailure', /index 3 is outside the array/],
    ['States.ArrayRange(0, 1000, 1)', {}, 'States.IntrinsicFailure', /1001 numbers/],
    ['States.ArrayRange(0, 10, 0)', {}, 'States.IntrinsicFailure', /step cannot be 0/],
    ['States.ArrayPartition($.a, 0)', { a: [1] }, 'States.IntrinsicFailure', /greater than 0/],
    ['States.JsonMerge($.a, $.a, true)', { a: {} }, 'States.IntrinsicFailure', /shallow merge/],
    ["States.Hash('x', 'SHA-3')", {}, 'States.IntrinsicFailure', /not a supported algorithm/],
    ['States.StringToJson($.a)', { a: '{nope' }, 'States.IntrinsicFailure', /not valid JSON/],
    [
      'States.StringToJson($.a)',
      { a: `${'['.repeat(5000)}${']'.repeat(5000)}` },
      'States.IntrinsicFailure',
      /States.StringToJson: the argument nests more than 1,000 levels deep/,
    ],
    ['States.Base64Decode($.a)', { a: 'abc' }, 'States.IntrinsicFailure', /not valid Base64/],
    ['States.Base64Encode($.a)', { a: 'x'.repeat(10_001) }, 'States.IntrinsicFailure', /at most 10000/],
    ["States.Format('{} {}', $.a)", { a: 1 }, 'States.IntrinsicFailure', /more \{\} placeholders/],
    [
      "States.Format('{}', $.a, $.a)",
      { a: 1 },
      'States.IntrinsicFailure',
      /1 \{\} placeholders but 2 values/,
    ],
    ['States.Nope()', {}, 'States.IntrinsicFailure', /not an intrinsic function/],
    ['States.UUID(1)', {}, 'States.IntrinsicFailure', /takes 0 arguments/],
    ['States.Array(', {}, 'States.IntrinsicFailure', /cannot be read/],
    ['States.MathRandom(5, 5)', {}, 'States.IntrinsicFailure', /less than the end/],
    [
      'States.Array($.missing)',
      { a: 1 },
      'States.Runtime',
      /^The JSONPath '\$\.missing' could not be found in the input '\{"a":1\}'$/,
    ],
  ];
  for (const [text, input, error, cause] of cases) {
    test(text.slice(0, 50), () => {
      const raised = failure(text, input);
      assert.equal(raised.error, error);
      assert.match(raised.cause, cause);
    });
  }
});
