import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { prepare, RESULTS_DIR, ROOT } from '../prepare';
import { launchWorkbenchBrowser, startCodeServer, type CodeServer } from '../runner/codeServerProcess';
import { UI_TIMEOUT_MS, Workbench } from './workbench';

const BANKING = 'account-processing.asl.json';
const EXAMPLE_DIR = path.join(ROOT, 'examples', 'account-processing');
const DOCS_IMAGES = path.join(ROOT, 'docs', 'images');

/** The screenshots the README shows, by the name the suite saves them under (docs/images/vscode-*). */
const README_PICTURES: Readonly<Record<string, string>> = {
  'diagnostics.png': 'vscode-editor-diagnostics.png',
  'graph-preview.png': 'vscode-graph-preview.png',
  'debug-stopped.png': 'vscode-debug-session.png',
};

/** 1-based line and column of the first `text` in the banking example, plus `shift` columns. */
function where(text: string, shift = 0): { line: number; column: number } {
  const source = fs.readFileSync(path.join(EXAMPLE_DIR, BANKING), 'utf8');
  const at = source.indexOf(text);
  assert.ok(at >= 0, `"${text}" is in ${BANKING}`);
  const before = source.slice(0, at + shift).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

function makeWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stepwise-e2e-ui-'));
  fs.cpSync(EXAMPLE_DIR, dir, { recursive: true });
  fs.cpSync(path.join(__dirname, '..', 'fixtures', 'ui'), dir, { recursive: true });
  return dir;
}

/**
 * The packaged extension in the code-server workbench, used as a user would: the banking
 * example, a typo and its problem, the graph beside the editor, a click on a node, a debug
 * session from the code lens that stops at a gutter breakpoint and runs to the end on the graph.
 * The steps build on each other: after the first failure the rest report that step instead.
 */
export function registerUiSuite(): void {
  describe('UI: the packaged .vsix in the code-server workbench', { timeout: 300_000 }, () => {
    let server: CodeServer | undefined;
    let browser: BrowserContext | undefined;
    let workspace: string | undefined;
    let wb: Workbench;
    let failed: string | undefined;
    const pageErrors: string[] = [];

    function step(name: string, body: () => Promise<void>): void {
      test(name, { timeout: 120_000 }, async () => {
        if (failed !== undefined) assert.fail(`not run: the step "${failed}" failed before it`);
        try {
          await body();
        } catch (error) {
          failed = name;
          await wb.screenshot(path.join(RESULTS_DIR, 'ui-failure.png')).catch(() => undefined);
          const tail = server?.logTail(15) ?? '';
          throw new Error(
            `${error instanceof Error ? error.message : String(error)}\nPage errors: ${pageErrors.join(' | ') || 'none'}\ncode-server log:\n${tail}`,
            { cause: error },
          );
        }
      });
    }

    before(async () => {
      const prepared = prepare();
      workspace = makeWorkspace();
      server = await startCodeServer({
        ...prepared,
        install: [prepared.vsix],
        // Debugging opens the Run and Debug view on a stop; the Debug Console shows the run.
        settings: {
          'debug.openDebug': 'openOnDebugBreak',
          // A typo typed and undone never reaches the disk, where the debugger reads the workflow.
          'files.autoSave': 'off',
          // The Debug Console opens when the last step asks for it, not over the editor and graph.
          'debug.internalConsoleOptions': 'neverOpen',
          'editor.codeLens': true,
          'workbench.secondarySideBar.defaultVisibility': 'hidden',
        },
      });
      browser = await launchWorkbenchBrowser(server);
      const page = browser.pages()[0] ?? (await browser.newPage());
      page.setDefaultTimeout(UI_TIMEOUT_MS);
      page.on('pageerror', (error) => pageErrors.push(error.message.split('\n')[0] ?? ''));
      wb = new Workbench(page);
      await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
      await wb.waitUntilLoaded();
    });

    after(async () => {
      await browser?.close().catch(() => undefined);
      await server?.stop();
      if (workspace !== undefined) fs.rmSync(workspace, { recursive: true, force: true });
      if (failed === undefined && process.env['UPDATE_GOLDEN'] === '1') {
        fs.mkdirSync(DOCS_IMAGES, { recursive: true });
        for (const [saved, shown] of Object.entries(README_PICTURES)) {
          fs.copyFileSync(path.join(RESULTS_DIR, saved), path.join(DOCS_IMAGES, shown));
        }
      }
    });

    step('opens the banking example as ASL', async () => {
      await wb.openFile(BANKING);
      // The language mode in the status bar is the language's first alias.
      await wb.page
        .locator('.statusbar-item', { hasText: /^Amazon States Language \(JSON\)$/ })
        .first()
        .waitFor();
    });

    step('shows a typo in a Next in the Problems panel, and its fix clears it', async () => {
      const next = where('"Next": "OpenNewAccount"', '"Next": "OpenNew'.length);
      await wb.goTo(next.line, next.column);
      await wb.page.keyboard.type('X');
      await wb.page.keyboard.press('Control+Shift+M');
      const problems = wb.page.locator('.markers-panel');
      const problem = problems.locator('.monaco-list-row', { hasText: 'OpenNewXAccount' });
      await problem.first().waitFor();
      assert.match(await problem.first().innerText(), /ASL-NEXT-UNKNOWN/);
      await wb.editor().locator('.squiggly-error').first().waitFor();
      await wb.screenshot(path.join(RESULTS_DIR, 'diagnostics.png'));
      // Undo back to the saved text: the debugger reads the file from disk.
      await wb.page.keyboard.press('Control+1'); // the editor, not the panel, takes the undo
      await wb.page.keyboard.press('Control+Z');
      await problems
        .locator('.monaco-list-row', { hasText: 'OpenNewXAccount' })
        .waitFor({ state: 'detached' });
      await wb.activeTab(BANKING).and(wb.page.locator('.tab.dirty')).waitFor({ state: 'detached' });
      const onDisk = fs.readFileSync(path.join(workspace ?? '', BANKING), 'utf8');
      assert.equal(
        onDisk,
        fs.readFileSync(path.join(EXAMPLE_DIR, BANKING), 'utf8'),
        'the typo was never saved',
      );
      await wb.runCommand('View: Hide Panel');
      await problems.waitFor({ state: 'hidden' });
    });

    step('opens the graph preview beside the editor and draws every state', async () => {
      await wb.runCommand('Stepwise: Open Graph Preview to the Side');
      const graph = wb.webview();
      const states = graph.locator('g.state[data-state]');
      await states.first().waitFor();
      const names = await states.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-state') ?? ''));
      assert.deepEqual([...names].sort(), [
        'AccountNotOpened',
        'ApplicationRejected',
        'CheckAddress',
        'CheckApplicant',
        'CheckName',
        'OpenNewAccount',
      ]);
      // The stylesheet ships in the .vsix and the page's CSP lets it in: without it the boxes
      // are drawn in SVG's default black fill.
      const fill = await graph
        .locator('g.state[data-state="CheckName"] rect.node-box')
        .evaluate((box) => getComputedStyle(box).fill);
      assert.notEqual(fill, 'rgb(0, 0, 0)', 'the preview page has its stylesheet');
      const toolbar = await graph.locator('#toolbar').evaluate((bar) => getComputedStyle(bar).position);
      assert.equal(toolbar, 'absolute', 'the preview page has its stylesheet');
      await wb.screenshot(path.join(RESULTS_DIR, 'graph-preview.png'));
    });

    step('moves the cursor to the state clicked in the graph', async () => {
      const target = where('"CheckAddress": {');
      await wb.webview().locator('g.state[data-state="CheckAddress"]').click();
      // The reveal selects the state's name, quotes included, and leaves the cursor after it.
      const name = '"CheckAddress"';
      const status = await wb.statusSelection(new RegExp(`^Ln ${target.line}, Col`));
      assert.equal(status, `Ln ${target.line}, Col ${target.column + name.length} (${name.length} selected)`);
    });

    step('sets a breakpoint by clicking the gutter at CheckAddress', async () => {
      const { line } = where('"CheckAddress": {');
      await wb.clickGutter(line);
      await wb
        .editor()
        .locator('.codicon-debug-breakpoint, .codicon-debug-breakpoint-unverified')
        .first()
        .waitFor();
    });

    step(
      'starts debugging from the code lens and stops at the breakpoint, with the Variables view',
      async () => {
        await wb.page.keyboard.press('Control+Home');
        const lens = wb.editor().locator('.codelens-decoration a', { hasText: /^Debug$/ });
        const toolbar = wb.page.locator('.debug-toolbar');
        await lens.first().click();
        // Scrolling to the top re-renders the lenses; a click on one being replaced is lost
        // (VS Code's doing, seen once in about ten runs), so click once more if nothing started.
        const started = await toolbar.waitFor({ timeout: 10_000 }).then(
          () => true,
          () => false,
        );
        if (!started) {
          console.log('# the Debug lens click started no session within 10 s: clicking it again');
          await lens.first().click();
        }
        await toolbar.waitFor();
        // The stopped frame is CheckAddress in the second branch, shown in the editor and the call stack.
        const stack = wb.page.locator('.debug-call-stack .monaco-list-row');
        await stack.filter({ hasText: 'Branch 2 › CheckAddress' }).first().waitFor();
        // VS Code asks for the rest of the stack after the top frame, then redraws the Variables view.
        await stack.filter({ hasText: 'CheckApplicant' }).first().waitFor();
        await wb.editor().locator('.debug-top-stack-frame-line').first().waitFor();
        const variables = wb.page.locator('.debug-variables');
        const scope = (name: string) =>
          variables.locator('.monaco-list-row[aria-level="1"]', { hasText: name });
        for (const name of ['State Input', 'Effective Input', 'Context Object']) await scope(name).waitFor();
        await scope('State Input').click();
        await scope('State Input').and(variables.locator('[aria-expanded="true"]')).waitFor();
        await variables.locator('.monaco-list-row[aria-level="2"]', { hasText: 'applicant' }).waitFor();
        const graph = wb.webview();
        await graph.locator('g.state[data-state="CheckAddress"].current').waitFor();
        await graph.locator('g.state[data-state="CheckName"].status-succeeded').waitFor();
        await wb.screenshot(path.join(RESULTS_DIR, 'debug-stopped.png'));
        assert.equal(
          await scope('State Input').getAttribute('aria-expanded'),
          'true',
          'State Input stayed open',
        );
      },
    );

    step('continues to a successful end, drawn on the graph and written to the Debug Console', async () => {
      await wb.page.locator('.debug-toolbar .codicon-debug-continue').click();
      await wb.page.locator('.debug-toolbar').waitFor({ state: 'hidden' });
      const graph = wb.webview();
      for (const state of ['CheckApplicant', 'CheckName', 'CheckAddress', 'OpenNewAccount']) {
        await graph.locator(`g.state[data-state="${state}"].status-succeeded`).waitFor();
      }
      for (const state of ['ApplicationRejected', 'AccountNotOpened']) {
        const classes = await graph.locator(`g.state[data-state="${state}"]`).getAttribute('class');
        assert.doesNotMatch(classes ?? '', /status-(succeeded|failed|running)/, `${state} did not run`);
      }
      await graph.locator('#run.ended-succeeded').waitFor();
      await wb.page.keyboard.press('Control+Shift+Y');
      // The console keeps its last lines in view: the end of the output the run printed.
      await wb.page.locator('.repl .monaco-list-row', { hasText: '"status": "OPEN"' }).first().waitFor();
      // The run was stored in the workspace: the Stepwise Executions view lists it.
      const executions = wb.page.locator('.pane', {
        has: wb.page.locator('.pane-header', { hasText: 'Stepwise Executions' }),
      });
      await executions.locator('.pane-header').click();
      await executions.locator('.monaco-list-row', { hasText: /account-processing.*SUCCEEDED/ }).waitFor();
      await wb.screenshot(path.join(RESULTS_DIR, 'debug-ended.png'));
    });
  });
}
