import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { functionNameOf, lambdaPayload, resourceKindOf } from '../../../server/src/engine/tasks/resource';
import { stateMachineName } from '../../../server/src/engine/tasks/stateMachineName';

describe('Task resources', () => {
  test('Lambda integrations, legacy function ARNs and other services are told apart', () => {
    assert.deepEqual(resourceKindOf('arn:aws:states:::lambda:invoke'), { kind: 'lambdaInvoke' });
    assert.deepEqual(resourceKindOf('arn:aws-cn:states:::lambda:invoke.waitForTaskToken'), {
      kind: 'lambdaInvokeWaitForTaskToken',
    });
    assert.deepEqual(resourceKindOf('arn:aws:lambda:us-east-1:123456789012:function:CheckName'), {
      kind: 'lambdaFunction',
      functionName: 'CheckName',
    });
    assert.deepEqual(resourceKindOf('arn:aws:lambda:us-east-1:123456789012:function:CheckName:prod'), {
      kind: 'lambdaFunction',
      functionName: 'CheckName',
    });
    assert.deepEqual(resourceKindOf('arn:aws:states:::dynamodb:putItem'), { kind: 'other' });
    assert.deepEqual(resourceKindOf('arn:aws:states:::lambda:invoke.sync'), { kind: 'other' });
  });

  test('a FunctionName in any accepted form gives the bare name', () => {
    assert.equal(functionNameOf('CheckName'), 'CheckName');
    assert.equal(functionNameOf('CheckName:prod'), 'CheckName');
    assert.equal(functionNameOf('123456789012:function:CheckName'), 'CheckName');
    assert.equal(
      functionNameOf('arn:aws:lambda:us-east-1:123456789012:function:CheckName:$LATEST'),
      'CheckName',
    );
  });

  test('the Lambda event is Payload as given, and {} when the parameters have none', () => {
    assert.deepEqual(lambdaPayload({ FunctionName: 'f', Payload: { a: 1 } }), { a: 1 });
    assert.equal(lambdaPayload({ FunctionName: 'f', Payload: null }), null);
    assert.equal(lambdaPayload({ FunctionName: 'f', Payload: false }), false);
    assert.deepEqual(lambdaPayload({ FunctionName: 'f' }), {});
  });
});

describe('state machine name', () => {
  test('is the file name without .asl.json, .asl.yaml, .json or .yaml', () => {
    assert.equal(
      stateMachineName('examples/account-processing/account-processing.asl.json'),
      'account-processing',
    );
    assert.equal(stateMachineName('flows\\Orders.asl.yaml'), 'Orders');
    assert.equal(stateMachineName('/tmp/orders.json'), 'orders');
    assert.equal(stateMachineName('orders.yaml'), 'orders');
    assert.equal(stateMachineName('orders.asl.yml'), 'orders');
    assert.equal(stateMachineName('orders.v2.asl.json'), 'orders.v2');
    assert.equal(stateMachineName('orders'), 'orders');
  });

  test('a given name wins', () => {
    assert.equal(stateMachineName('a/orders.asl.json', 'LambdaSQSIntegration'), 'LambdaSQSIntegration');
  });
});
