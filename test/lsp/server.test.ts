import * as assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LspClient } from '../support/lspClient';

describe('stepwise-language-server over stdio', () => {
  let client: LspClient;

  before(() => {
    client = new LspClient();
  });

  after(() => client.kill());

  test('answers initialize with its capabilities', async () => {
    const result = (await client.initialize()) as {
      capabilities?: { textDocumentSync?: unknown };
      serverInfo?: { name?: string };
    };
    assert.equal(result.serverInfo?.name, 'stepwise-language-server');
    assert.ok(result.capabilities?.textDocumentSync !== undefined);
  });

  test('publishes syntax diagnostics for broken JSON, with code and range', async () => {
    const uri = 'file:///work/broken.asl.json';
    client.open(uri, 'asl', '{\n  "StartAt": "A",\n  "States": { "A": { "Type": "Succeed" } },\n}\n');
    const published = await client.diagnostics(uri);
    assert.equal(published.diagnostics.length, 1);
    const [d] = published.diagnostics;
    assert.equal(d?.code, 'ASL-SYNTAX-TRAILING-COMMA');
    assert.equal(d?.severity, 1);
    assert.deepEqual(d?.range, { start: { line: 2, character: 42 }, end: { line: 2, character: 43 } });
  });

  test('publishes syntax diagnostics for broken YAML', async () => {
    const uri = 'file:///work/broken.asl.yaml';
    client.open(uri, 'asl-yaml', 'StartAt: A\nStates:\n  A:\n    Type: Succeed\n  A:\n    Type: Succeed\n');
    const published = await client.diagnostics(uri);
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]),
      [['ASL-DUPLICATE-KEY', 4, 2]],
    );
  });

  test('clears diagnostics when the document is fixed, and reports them again when broken', async () => {
    const uri = 'file:///work/edited.asl.json';
    client.open(uri, 'asl', '{ "StartAt": "A" ', 1);
    // Half-typed: the syntax error is there, with whatever the schema says about the missing States.
    assert.ok((await client.diagnostics(uri, 1)).diagnostics.some((d) => d.code === 'ASL-SYNTAX'));
    client.change(uri, '{ "StartAt": "A", "States": { "A": { "Type": "Succeed" } } }', 2);
    assert.deepEqual((await client.diagnostics(uri, 2)).diagnostics, []);
    client.change(uri, '{ "StartAt": "A", // no\n "States": { "A": { "Type": "Succeed" } } }', 3);
    assert.deepEqual(
      (await client.diagnostics(uri, 3)).diagnostics.map((d) => d.code),
      ['ASL-SYNTAX-COMMENT'],
    );
  });

  test('survives any text: random bytes give diagnostics, not a crash', async () => {
    const noise = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919 + 13) % 256)).toString(
      'latin1',
    );
    client.open('file:///work/noise.asl.json', 'asl', noise);
    assert.ok((await client.diagnostics('file:///work/noise.asl.json')).diagnostics.length > 0);
    client.open('file:///work/noise.asl.yaml', 'asl-yaml', `{ ${noise}`);
    assert.ok((await client.diagnostics('file:///work/noise.asl.yaml')).diagnostics.length > 0);
    client.change(
      'file:///work/edited.asl.json',
      '{ "StartAt": "A", "States": { "A": { "Type": "Succeed" } } }',
      4,
    );
    assert.deepEqual((await client.diagnostics('file:///work/edited.asl.json', 4)).diagnostics, []);
  });

  test('answers the stepwise/stateTree request with nested states and ranges', async () => {
    const uri = 'file:///work/tree.asl.json';
    client.open(
      uri,
      'asl',
      '{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}],"End":true}}}',
    );
    await client.diagnostics(uri);
    const tree = (await client.request('stepwise/stateTree', { uri })) as {
      startAt: string;
      states: {
        name: string;
        type: string;
        selectionRange: unknown;
        scopes: { label: string; states: { name: string }[] }[];
      }[];
      errorCount: number;
    };
    assert.equal(tree.startAt, 'P');
    assert.equal(tree.errorCount, 0);
    assert.deepEqual(
      tree.states.map((s) => [s.name, s.type, s.scopes.map((c) => [c.label, c.states.map((x) => x.name)])]),
      [['P', 'Parallel', [['Branch 1', ['B']]]]],
    );
    assert.deepEqual(tree.states[0]?.selectionRange, {
      start: { line: 0, character: 25 },
      end: { line: 0, character: 28 },
    });
  });

  test('stepwise.validation.enable = false clears diagnostics; true brings them back', async () => {
    const uri = 'file:///work/setting.asl.json';
    client.open(uri, 'asl', '{ "StartAt": "A", "States": { "A": { "Type": "Succeed" } }, }');
    assert.equal((await client.diagnostics(uri)).diagnostics.length, 1);
    client.notify('workspace/didChangeConfiguration', {
      settings: { stepwise: { validation: { enable: false } } },
    });
    assert.deepEqual((await client.diagnostics(uri)).diagnostics, []);
    client.notify('workspace/didChangeConfiguration', {
      settings: { stepwise: { validation: { enable: true } } },
    });
    assert.equal((await client.diagnostics(uri)).diagnostics[0]?.code, 'ASL-SYNTAX-TRAILING-COMMA');
  });

  test('shuts down cleanly on shutdown + exit', async () => {
    assert.equal(await client.shutdown(), 0);
  });
});
