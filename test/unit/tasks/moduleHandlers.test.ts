import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import {
  createHandlerRunner,
  functionExportNames,
  handlerConfigFromExports,
  importModule,
} from '../../../server/src/engine/tasks';
import { countingIds, taskRequest } from './request';

const fixtures = path.join(__dirname, 'fixtures');

describe('a handlers module given directly', () => {
  test('lists the function exports of ES and CommonJS modules', async () => {
    const esm = functionExportNames(await importModule(path.join(fixtures, 'greet.mjs')));
    assert.deepEqual(esm.sort(), [
      'callbackError',
      'circular',
      'counter',
      'describeContext',
      'handler',
      'mutates',
      'neverAnswers',
      'nothing',
      'rejects',
      'synchronous',
      'withCallback',
    ]);
    assert.deepEqual(functionExportNames(await importModule(path.join(fixtures, 'legacy.cjs'))), [
      'CheckName',
    ]);
  });

  test('each export answers the Tasks named after it: state, Resource or function name', async () => {
    const config = handlerConfigFromExports('./legacy.cjs', ['CheckName', 'default']);
    assert.deepEqual([...config.keys()], ['CheckName']);
    const runner = createHandlerRunner(config, { baseDirectory: fixtures, ids: countingIds(), now: () => 0 });
    const outcome = await runner.run(
      taskRequest({
        stateName: 'ValidateApplicant',
        resource: 'arn:aws:lambda:us-east-1:123456789012:function:CheckName',
        input: { name: 'Grace Hopper' },
      }),
    );
    assert.deepEqual(outcome, { kind: 'succeeded', output: { checked: 'Grace Hopper' } });
  });
});
