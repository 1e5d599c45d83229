import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

// A second editor: Neovim's built-in LSP client, headless, starts `dist/server.js --stdio`
// (what the stepwise-language-server bin runs), opens a workflow, waits for diagnostics and
// asks for completion at an empty "Next" value. The Lua side is test/lsp/neovim/client.lua,
// which doubles as the recipe for Neovim users.

const here = path.join(import.meta.dirname, 'neovim');
const root = path.join(import.meta.dirname, '..', '..');

interface NeovimResults {
  readonly diagnostics: readonly { code: string; line: number; message: string }[];
  readonly completion: readonly string[];
  readonly errors: readonly string[];
}

function isResults(value: unknown): value is NeovimResults {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    Array.isArray(record['diagnostics']) &&
    Array.isArray(record['completion']) &&
    Array.isArray(record['errors'])
  );
}

test('Neovim gets diagnostics and completion from stepwise-language-server', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'stepwise-nvim-'));
  try {
    const out = path.join(scratch, 'results.json');
    const run = spawnSync(
      process.env['NVIM_PATH'] ?? 'nvim',
      ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(here, 'client.lua')}`],
      {
        env: {
          ...process.env,
          STEPWISE_SERVER: path.join(root, 'dist', 'server.js'),
          STEPWISE_FILE: path.join(here, 'workflow.asl.json'),
          STEPWISE_OUT: out,
          // Inside the empty string of Greet's "Next" (0-based line 3).
          STEPWISE_LINE: '3',
          STEPWISE_CHARACTER: '40',
        },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    assert.equal(run.status, 0, `nvim failed: ${run.stderr}`);
    const results: unknown = JSON.parse(readFileSync(out, 'utf8'));
    assert.ok(isResults(results), 'the Lua client wrote its results');
    assert.deepEqual(results.errors, []);
    assert.deepEqual(
      results.diagnostics.map((d) => [d.code, d.line]),
      [
        ['ASL-NEXT-UNKNOWN', 3],
        ['ASL-UNREACHABLE', 4],
        ['ASL-UNREACHABLE', 5],
      ],
    );
    assert.deepEqual([...results.completion].sort(), ['Done', 'Stop']);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
