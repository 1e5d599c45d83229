import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseHandlerConfig } from '../../../server/src/engine/tasks/handlerConfig';
import { handlerKeys, selectHandler } from '../../../server/src/engine/tasks/selectHandler';
import { taskRequest } from './request';

describe('handlers file', () => {
  test('maps keys to a module and an export, "handler" by default', () => {
    const result = parseHandlerConfig(
      '{ "A": "./a.mjs", "B": "../lib/b.js#check", "C": "/abs/c.cjs#run$1" }',
    );
    assert.equal(result.kind, 'ok');
    assert.ok(result.kind === 'ok');
    assert.deepEqual(
      [...result.config.values()],
      [
        { key: 'A', module: './a.mjs', exportName: 'handler' },
        { key: 'B', module: '../lib/b.js', exportName: 'check' },
        { key: 'C', module: '/abs/c.cjs', exportName: 'run$1' },
      ],
    );
  });

  test('reports every problem, each naming its key', () => {
    const result = parseHandlerConfig('{ "A": 3, "B": "#h", "C": "./c.mjs#1x", "": "./d.mjs", "E": "  " }');
    assert.deepEqual(result, {
      kind: 'invalid',
      problems: [
        '"A" must map to a module path such as "./handlers.mjs#handler".',
        '"B" names no module before \'#\': write "./module.mjs#h".',
        '"C": \'1x\' is not an export name (letters, digits, _ and $, not starting with a digit).',
        'The handlers file has an empty key: use a state name, a Resource ARN or a function name.',
        '"E" must map to a module path such as "./handlers.mjs#handler".',
      ],
    });
  });

  test('rejects text that is not a JSON object', () => {
    const notJson = parseHandlerConfig('{ "A": ');
    assert.equal(notJson.kind, 'invalid');
    assert.match(
      notJson.kind === 'invalid' ? (notJson.problems[0] ?? '') : '',
      /^The handlers file is not valid JSON: /,
    );
    assert.deepEqual(parseHandlerConfig('["./a.mjs"]'), {
      kind: 'invalid',
      problems: [
        'The handlers file must be a JSON object mapping state names, Resource ARNs or function names to "./module.js#exportName".',
      ],
    });
  });

  test('a Task is matched by state name, then Resource, then function name', () => {
    const parsed = parseHandlerConfig(
      JSON.stringify({
        ChargeCard: './state.mjs',
        'arn:aws:lambda:us-east-1:1:function:Legacy': './resource.mjs',
        Legacy: './legacy-name.mjs',
        'arn:aws:lambda:eu-west-1:1:function:Charger': './full-arn.mjs',
        Charger: './bare-name.mjs',
      }),
    );
    assert.ok(parsed.kind === 'ok');
    const pick = (fields: Parameters<typeof taskRequest>[0]) =>
      selectHandler(parsed.config, taskRequest(fields))?.module;
    assert.equal(pick({ stateName: 'ChargeCard' }), './state.mjs');
    assert.equal(
      pick({ stateName: 'X', resource: 'arn:aws:lambda:us-east-1:1:function:Legacy' }),
      './resource.mjs',
    );
    assert.equal(
      pick({ stateName: 'X', resource: 'arn:aws:lambda:us-east-1:2:function:Legacy' }),
      './legacy-name.mjs',
    );
    assert.equal(
      pick({
        stateName: 'X',
        input: { FunctionName: 'arn:aws:lambda:eu-west-1:1:function:Charger', Payload: {} },
      }),
      './full-arn.mjs',
    );
    assert.equal(pick({ stateName: 'X', input: { FunctionName: 'Charger:live' } }), './bare-name.mjs');
    assert.equal(pick({ stateName: 'X', input: { FunctionName: 'Other' } }), undefined);
    assert.equal(
      pick({
        stateName: 'X',
        resource: 'arn:aws:states:::sqs:sendMessage',
        input: { FunctionName: 'Charger' },
      }),
      undefined,
    );
  });

  test('the keys tried are listed once each', () => {
    assert.deepEqual(handlerKeys(taskRequest({ stateName: 'S', input: { FunctionName: 'F' } })), [
      'S',
      'arn:aws:states:::lambda:invoke',
      'F',
    ]);
  });
});
