import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { cli } from '../../support/cli';
import { graphOf } from './helpers';

const FIXTURE = 'test/unit/graph/fixtures/parallel-in-map.asl.json';

describe('stepwise graph', () => {
  test('--format json prints the graph model the preview gets', async () => {
    const { code, out, err } = await cli('graph', FIXTURE, '--format', 'json');
    assert.equal(code, 0, err);
    assert.deepEqual(JSON.parse(out), graphOf('parallel-in-map.asl.json'));
  });

  test('svg is the default: a styled picture with every state', async () => {
    const { code, out } = await cli('graph', FIXTURE);
    assert.equal(code, 0);
    assert.match(out, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="stepwise-graph"/);
    assert.match(out, /<style>/);
    for (const name of [
      'EachOrder',
      'Prepare',
      'Checks',
      'CheckStock',
      'InStock?',
      'Restock',
      'Reserved',
      'Charge',
      'Notify',
    ]) {
      assert.ok(out.includes(`data-state="${name}"`), name);
    }
  });

  test('--format dot --direction LR prints Graphviz input', async () => {
    const { code, out } = await cli('graph', FIXTURE, '--format=dot', '--direction', 'LR');
    assert.equal(code, 0);
    assert.match(out, /^digraph "state machine" \{\n {2}rankdir=LR;/);
    assert.match(out, /subgraph "cluster_c:EachOrder#p\/Checks#b0" \{/);
  });

  test('-o writes the file and prints nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stepwise-graph-'));
    try {
      const target = path.join(dir, 'flow.svg');
      const { code, out } = await cli('graph', FIXTURE, '-o', target);
      assert.equal(code, 0);
      assert.equal(out, '');
      assert.match(fs.readFileSync(target, 'utf8'), /^<svg [^]*<\/svg>\n$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a document with errors is still drawn, with a note on stderr', async () => {
    const { code, out, err } = await cli(
      'graph',
      'test/unit/graph/fixtures/catch-and-retry.asl.json',
      '--format',
      'json',
    );
    assert.equal(code, 0);
    assert.match(err, /1 error; the graph shows what is there/);
    const parsed: unknown = JSON.parse(out);
    assert.ok(
      typeof parsed === 'object' && parsed !== null && 'nodes' in parsed && Array.isArray(parsed.nodes),
    );
    assert.ok(parsed.nodes.length > 0);
  });

  test('usage errors exit with 2, a file without a state machine with 1', async () => {
    assert.equal((await cli('graph')).code, 2);
    assert.equal((await cli('graph', FIXTURE, '--format', 'png')).code, 2);
    assert.match((await cli('graph', FIXTURE, '--format', 'png')).err, /must be one of: svg, json, dot/);
    assert.equal((await cli('graph', 'test/unit/graph/fixtures/no-such.asl.json')).code, 2);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stepwise-graph-'));
    try {
      const empty = path.join(dir, 'empty.asl.json');
      fs.writeFileSync(empty, '[]');
      const { code, err } = await cli('graph', empty);
      assert.equal(code, 1);
      assert.match(err, /no state machine object to draw/);
      assert.equal((await cli('graph', FIXTURE, '-o', path.join(dir, 'missing', 'dir', 'x.svg'))).code, 2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the command list and its help mention graph', async () => {
    assert.match((await cli('--help')).out, /graph +draw the state graph/);
    assert.match((await cli('graph', '--help')).out, /Usage: stepwise graph FILE/);
  });
});
