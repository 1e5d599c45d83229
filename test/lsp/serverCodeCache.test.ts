/**
 * The installed language server (dist/server.js) runs its bundle (dist/serverMain.js) through
 * V8's code cache, written as the process exits when it has not been written before. A copy
 * of the two files in a scratch folder is started twice: the second start uses the cache, and
 * answers the same.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { isRecord } from '../../server/src/guards';
import { encodeFrame, FrameDecoder } from '../support/framing';

const root = path.join(__dirname, '..', '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'stepwise-server-cache-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const DOCUMENT = '{\n  "StartAt": "Missing",\n  "States": { "A": { "Type": "Succeed" } }\n}\n';

interface Session {
  readonly exitCode: number | null;
  readonly diagnostics: unknown;
  /** What the launcher said it did ("none", "written <file>", "accepted <file>"). */
  readonly cache: readonly string[];
}

/** Starts the server, opens DOCUMENT, waits for its diagnostics, then shuts the server down. */
function session(server: string, tmp: string): Promise<Session> {
  const child = spawn(process.execPath, [server, '--stdio'], {
    env: { PATH: process.env['PATH'], TMPDIR: tmp, STEPWISE_CODE_CACHE_DEBUG: '1' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const send = (message: unknown) => child.stdin.write(encodeFrame(message));
  const decoder = new FrameDecoder();
  let diagnostics: unknown;
  const timer = setTimeout(() => child.kill(), 20_000);
  child.stdout.on('data', (chunk: Buffer) => {
    for (const message of decoder.push(chunk)) {
      if (!isRecord(message)) continue;
      if (message['id'] === 1) {
        send({ jsonrpc: '2.0', method: 'initialized', params: {} });
        send({
          jsonrpc: '2.0',
          method: 'textDocument/didOpen',
          params: {
            textDocument: { uri: 'file:///w.asl.json', languageId: 'asl', version: 1, text: DOCUMENT },
          },
        });
      } else if (message['method'] === 'textDocument/publishDiagnostics' && diagnostics === undefined) {
        diagnostics = message['params'];
        send({ jsonrpc: '2.0', id: 2, method: 'shutdown', params: null });
      } else if (message['id'] === 2) {
        send({ jsonrpc: '2.0', method: 'exit', params: null });
      }
    }
  });
  send({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { processId: null, rootUri: null, capabilities: {} },
  });
  return new Promise((resolve) =>
    child.on('exit', (exitCode) => {
      clearTimeout(timer);
      const cache = stderr
        .split('\n')
        .filter((line) => line.startsWith('code cache: '))
        .map((line) => line.slice('code cache: '.length));
      resolve({ exitCode, diagnostics, cache });
    }),
  );
}

describe('the language server launcher and the code cache', () => {
  test('the first session writes the cache as it exits; the next one starts from it and answers the same', async () => {
    const dist = path.join(scratch, 'dist');
    const tmp = path.join(scratch, 'tmp');
    mkdirSync(dist, { recursive: true });
    mkdirSync(tmp);
    for (const file of ['server.js', 'serverMain.js'])
      copyFileSync(path.join(root, 'dist', file), path.join(dist, file));
    const hash = createHash('sha256')
      .update(readFileSync(path.join(dist, 'serverMain.js')))
      .digest('hex');
    const cache = path.join(dist, `serverMain.js.${hash.slice(0, 16)}.cache`);

    const first = await session(path.join(dist, 'server.js'), tmp);
    assert.equal(first.exitCode, 0);
    assert.deepEqual(first.cache, ['none', `written ${cache}`]);
    assert.ok(existsSync(cache));
    assert.ok(isRecord(first.diagnostics) && Array.isArray(first.diagnostics['diagnostics']));
    assert.equal(first.diagnostics['diagnostics'].length > 0, true, 'the document has a problem to report');

    const second = await session(path.join(dist, 'server.js'), tmp);
    assert.equal(second.exitCode, 0);
    assert.deepEqual(second.cache, [`accepted ${cache}`]);
    assert.deepEqual(second.diagnostics, first.diagnostics);
  });
});
