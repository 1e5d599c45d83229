import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { isRecord } from '../../../server/src/guards';
import { cli } from '../../support/cli';

/** The workflow, its items and everything the run writes live in a scratch folder, never in the repository. */
const scratch = mkdtempSync(path.join(tmpdir(), 'stepwise-result-writer-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const workflow = {
  StartAt: 'Square',
  States: {
    Square: {
      Type: 'Map',
      ItemReader: {
        Resource: 'arn:aws:states:::s3:getObject',
        ReaderConfig: { InputType: 'JSON' },
        Parameters: { Bucket: '', Key: 'items.json' },
      },
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        StartAt: 'Times',
        States: {
          Times: { Type: 'Pass', Parameters: { 'square.$': 'States.MathAdd($.n, $.n)' }, End: true },
        },
      },
      ResultWriter: {
        Resource: 'arn:aws:states:::s3:putObject',
        Parameters: { Bucket: '', Prefix: 'results' },
        WriterConfig: { Transformation: 'COMPACT', OutputType: 'JSON' },
      },
      End: true,
    },
  },
};

test('stepwise run writes a distributed Map’s results beside the workflow', async () => {
  const file = path.join(scratch, 'square.asl.json');
  writeFileSync(file, JSON.stringify(workflow));
  writeFileSync(path.join(scratch, 'items.json'), JSON.stringify([{ n: 1 }, { n: 2 }, { n: 3 }]));

  const r = await cli('run', file, '--json', '--store', path.join(scratch, 'store'));
  assert.equal(r.code, 0, r.err + r.out);
  const report = JSON.parse(r.out) as unknown;
  assert.ok(isRecord(report) && isRecord(report['output']));
  const details = report['output']['ResultWriterDetails'];
  assert.ok(isRecord(details));
  assert.equal(details['Bucket'], '');
  const key = details['Key'];
  assert.ok(typeof key === 'string');
  assert.match(key, /^results\/[^/]+\/manifest\.json$/);

  const folder = path.join(scratch, path.dirname(key));
  const manifest = JSON.parse(readFileSync(path.join(scratch, key), 'utf8')) as unknown;
  assert.ok(isRecord(manifest));
  assert.equal(manifest['MapRunArn'], report['output']['MapRunArn']);
  const succeeded = readFileSync(path.join(folder, 'SUCCEEDED_0.json'), 'utf8');
  assert.equal(succeeded, '[{"square":2},{"square":4},{"square":6}]');
  assert.deepEqual(manifest['ResultFiles'], {
    FAILED: [],
    PENDING: [],
    SUCCEEDED: [{ Key: `${path.dirname(key)}/SUCCEEDED_0.json`, Size: succeeded.length }],
  });
});
