import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inState, isPredefinedError, statesError, StatesFailure } from '../../../../server/src/engine/errors';
import type { JsonValue } from '../../../../server/src/engine/json';
import type { PayloadServices } from '../../../../server/src/engine/payload';
import { applyPayload, compilePayload } from '../../../../server/src/engine/payload';

const services: PayloadServices = { random: { next: () => 0 }, ids: { uuid: () => 'fixed-uuid' } };

function evaluate(
  template: JsonValue,
  input: JsonValue,
  context: JsonValue = {},
  variables: Record<string, JsonValue> = {},
): JsonValue {
  return applyPayload(compilePayload(template), { input, context, variables }, services);
}

function failure(template: JsonValue, input: JsonValue): { error: string; cause: string } {
  try {
    evaluate(template, input);
  } catch (error) {
    if (error instanceof StatesFailure) return error.statesError;
    throw error;
  }
  return assert.fail('did not fail');
}

describe('payload templates', () => {
  test('keys ending in .$ are evaluated and lose the suffix; other values stay as written', () => {
    const template: JsonValue = {
      flagged: true,
      'first.$': '$.vals[0]',
      'last3.$': '$.vals[3:]',
      nested: { 'id.$': '$$.Execution.Id', plain: '$.not.evaluated' },
      list: [{ 'who.$': '$who.name' }, 'States.UUID()', 3],
      'uuid.$': 'States.UUID()',
    };
    const output = evaluate(
      template,
      { flagged: 7, vals: [0, 10, 20, 30, 40, 50] },
      { Execution: { Id: 'exec' } },
      { who: { name: 'Ana' } },
    );
    assert.deepEqual(output, {
      flagged: true,
      first: 0,
      last3: [30, 40, 50],
      nested: { id: 'exec', plain: '$.not.evaluated' },
      list: [{ who: 'Ana' }, 'States.UUID()', 3],
      uuid: 'fixed-uuid',
    });
  });

  test('the recorded intrinsic results over variables', () => {
    // From the conformance case assign__test_reference_assign_BASE_REFERENCE_IN_INTRINSIC_FUNCTION_.
    const variables: Record<string, JsonValue> = {
      rawString: 'Hello World',
      encodedString: 'SGVsbG8gV29ybGQ=',
      inputString: 'Hash this string',
      json1: { a: 1, b: 2 },
      json2: { c: 3, d: 4 },
      jsonString: '{"key":"value"}',
      jsonObject: { test: 'object' },
      value1: 5,
      value2: 3,
      csvString: 'a,b,c,d,e',
      name: 'John',
      place: 'LocalStack',
    };
    const template: JsonValue = {
      encodingOps: {
        'encoded.$': 'States.Base64Encode($rawString)',
        'decoded.$': 'States.Base64Decode($encodedString)',
      },
      hashOps: { 'hashValue.$': "States.Hash($inputString, 'SHA-256')" },
      jsonOps: {
        'mergedJson.$': 'States.JsonMerge($json1, $json2, false)',
        'parsedJson.$': 'States.StringToJson($jsonString)',
        'stringifiedJson.$': 'States.JsonToString($jsonObject)',
      },
      mathOps: { 'sum.$': 'States.MathAdd($value1, $value2)' },
      stringOps: {
        'splitString.$': "States.StringSplit($csvString, ',')",
        'formattedString.$': "States.Format('Hello {}, welcome to {}!', $name, $place)",
      },
    };
    assert.deepEqual(evaluate(template, {}, {}, variables), {
      encodingOps: { decoded: 'Hello World', encoded: 'SGVsbG8gV29ybGQ=' },
      hashOps: { hashValue: '1cac63f39fd68d8c531f27b807610fb3d50f0fc3f186995767fb6316e7200a3e' },
      jsonOps: {
        parsedJson: { key: 'value' },
        mergedJson: { a: 1, b: 2, c: 3, d: 4 },
        stringifiedJson: '{"test":"object"}',
      },
      mathOps: { sum: 8 },
      stringOps: {
        formattedString: 'Hello John, welcome to LocalStack!',
        splitString: ['a', 'b', 'c', 'd', 'e'],
      },
    });
  });

  test('an indefinite path with no match gives an empty list, not an error', () => {
    assert.deepEqual(evaluate({ 'xs.$': '$.items[*].id' }, { items: [] }), { xs: [] });
  });

  test('a template without expressions is returned as it is', () => {
    const template: JsonValue = { a: [1, { b: 'c' }] };
    assert.equal(evaluate(template, {}), template);
    assert.equal(compilePayload(template).kind, 'literal');
  });

  test('a compiled template can be applied many times', () => {
    const compiled = compilePayload({ 'n.$': '$.n' });
    for (const n of [1, 2, 3]) {
      assert.deepEqual(applyPayload(compiled, { input: { n }, context: {}, variables: {} }, services), { n });
    }
  });
});

describe('payload failures, with the causes AWS gives', () => {
  test('a definite path that finds nothing', () => {
    // Recorded cause (the input was recorded as a placeholder): "The JSONPath '$.no_such_jsonpath'
    // specified for the field 'value.$' could not be found in the input '<json-input:1>'".
    assert.deepEqual(failure({ 'value.$': '$.no_such_jsonpath' }, { 'int-literal': 0 }), {
      error: 'States.Runtime',
      cause: `The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{"int-literal":0}'`,
    });
  });

  test('a context path that finds nothing', () => {
    const raised = failure({ 'value.$': '$$.Execution.Input.no_such_jsonpath' }, {});
    assert.equal(raised.error, 'States.Runtime');
    assert.match(
      raised.cause,
      /^The JSONPath '\$\$\.Execution\.Input\.no_such_jsonpath' specified for the field 'value\.\$' could not be found in the input/,
    );
  });

  test('a path argument of an intrinsic that finds nothing names the field', () => {
    const raised = failure({ 'greeting.$': "States.Format('hi {}', $.who)" }, {});
    assert.equal(raised.error, 'States.Runtime');
    assert.equal(
      raised.cause,
      "The JSONPath '$.who' specified for the field 'greeting.$' could not be found in the input '{}'",
    );
  });

  test('expressions that cannot be read fail when applied, not when compiled', () => {
    const compiled = compilePayload({ 'a.$': '$.a b', 'b.$': 7, 'c.$': 'States.Array(' });
    assert.equal(compiled.kind, 'object');
    for (const template of [
      { 'a.$': '$.a b' },
      { 'b.$': 7 },
      { 'c.$': 'States.Array(' },
      { 'd.$': 'plain text' },
    ]) {
      const raised = failure(template, {});
      assert.equal(raised.error, 'States.Runtime', JSON.stringify(template));
    }
  });
});

test('with the state prefix the interpreter adds, the cause reads as AWS recorded it', () => {
  const raised = failure({ 'value.$': '$.no_such_jsonpath' }, { 'int-literal': 0 });
  const cause = inState(statesError(raised.error, raised.cause), 'pass', 2).cause;
  assert.equal(
    cause,
    `An error occurred while executing the state 'pass' (entered at the event id #2). The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{"int-literal":0}'`,
  );
  assert.ok(isPredefinedError('States.ResultPathMatchFailure'));
  assert.ok(!isPredefinedError('States.Custom'));
});
