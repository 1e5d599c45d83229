import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { cli } from '../../support/cli';
import { assertGolden } from '../../support/golden';

const root = path.join(__dirname, '..', '..', '..');
const example = 'examples/account-processing/account-processing';
const fixture = (name: string) => path.relative(root, path.join(__dirname, 'fixtures', name));

describe('stepwise CLI', () => {
  test('--help lists the commands; no arguments is help too', async () => {
    const help = await cli('--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /Usage: stepwise <command>/);
    assert.match(help.out, /validate/);
    assert.deepEqual(await cli(), help);
  });

  test('--version prints the version', async () => {
    assert.deepEqual(await cli('--version'), { code: 0, out: '9.9.9', err: '' });
  });

  test('a command --help prints its usage', async () => {
    const r = await cli('validate', '--help');
    assert.equal(r.code, 0);
    assert.match(r.out, /Usage: stepwise validate FILE/);
  });

  test('an unknown command is a usage error (exit 2)', async () => {
    const r = await cli('frobnicate');
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown command 'frobnicate'/);
  });

  test('usage errors name the problem', async () => {
    assert.match((await cli('validate')).err, /at least one FILE/);
    assert.match((await cli('validate', '--format', 'xml', 'a.json')).err, /must be one of: text, json/);
    assert.match((await cli('validate', '--colour', 'a.json')).err, /unknown option '--colour'/);
    assert.match((await cli('validate', '--format')).err, /needs a value/);
    const missing = await cli('validate', 'no/such/file.asl.json');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read 'no\/such\/file.asl.json' \(ENOENT\)/);
  });

  test('validate: the banking example in JSON and YAML has no problems', async () => {
    const r = await cli('validate', `${example}.asl.json`, `${example}.asl.yaml`);
    assert.deepEqual(r, { code: 0, out: '2 files checked: 0 errors, 0 warnings.', err: '' });
  });

  test('validate: broken files print file:line:col: severity code: message and exit 1', async () => {
    const r = await cli('validate', fixture('trailing-comma.asl.json'), fixture('duplicate.asl.yaml'));
    assert.equal(r.code, 1);
    assertGolden(path.join(__dirname, 'fixtures', 'validate-text.golden.txt'), r.out + '\n');
  });

  test('validate --format json gives ranges and codes for machines', async () => {
    const r = await cli('validate', '--format=json', fixture('trailing-comma.asl.json'));
    assert.equal(r.code, 1);
    const report = JSON.parse(r.out) as {
      errorCount: number;
      files: {
        file: string;
        diagnostics: { code: string; range: { start: { line: number; character: number } } }[];
      }[];
    };
    assert.equal(report.errorCount, 1);
    assert.equal(report.files[0]?.diagnostics[0]?.code, 'ASL-SYNTAX-TRAILING-COMMA');
    assert.deepEqual(report.files[0]?.diagnostics[0]?.range.start, { line: 3, character: 40 });
  });

  test('outline prints the states of the banking example as a tree', async () => {
    const json = await cli('outline', `${example}.asl.json`);
    assert.equal(json.code, 0);
    assertGolden(path.join(__dirname, 'fixtures', 'outline-account-processing.golden.txt'), json.out + '\n');
    const yaml = await cli('outline', `${example}.asl.yaml`);
    assert.equal(yaml.out.split('\n').slice(1).join('\n'), json.out.split('\n').slice(1).join('\n'));
  });

  test('the bundled CLI exits with the codes it reports', () => {
    const cliJs = path.join(root, 'dist', 'cli.js');
    const ok = spawnSync(process.execPath, [cliJs, 'validate', `${example}.asl.json`], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(ok.status, 0, ok.stderr);
    const bad = spawnSync(process.execPath, [cliJs, 'validate', fixture('duplicate.asl.yaml')], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /duplicate\.asl\.yaml:6:3: error ASL-DUPLICATE-KEY/);
    const version = spawnSync(process.execPath, [cliJs, '--version'], { encoding: 'utf8' });
    assert.match(version.stdout.trim(), /^\d+\.\d+\.\d+$/);
  });
});
