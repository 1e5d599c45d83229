import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { previewHtml } from '../../client/src/preview/previewHtml';
import type { StateTreeNode, StateTreeResult } from '../../server/src/protocol';
import { launchChromium, screenshotPath } from '../support/browser';

/**
 * The preview's webview page as the panel builds it (same HTML, same CSP, the built
 * dist/webview.js) in headless Chromium, with a stand-in for VS Code's webview API that
 * records what the page posts. The origin plays the part of webview.cspSource.
 */
const ORIGIN = 'https://webview.stepwise.test';
const NONCE = 'dGVzdC1ub25jZS0xMjM0NQ==';

function range(line: number, from: number, to: number) {
  return { start: { line, character: from }, end: { line, character: to } };
}

function state(
  name: string,
  type: string | null,
  line: number,
  scopes: StateTreeNode['scopes'] = [],
): StateTreeNode {
  return {
    name,
    type,
    range: range(line, 4, 40),
    selectionRange: range(line, 4, 4 + name.length + 2),
    scopes,
  };
}

const BANKING: StateTreeResult = {
  version: 1,
  startAt: 'CheckApplicant',
  errorCount: 0,
  warningCount: 0,
  states: [
    state('CheckApplicant', 'Parallel', 4, [
      { label: 'Branch 1', startAt: 'CheckName', states: [state('CheckName', 'Task', 11)] },
      { label: 'Branch 2', startAt: 'CheckAddress', states: [state('CheckAddress', 'Task', 29)] },
    ]),
    state('OpenNewAccount', 'Task', 56),
    state('ApplicationRejected', 'Fail', 86),
    state('AccountNotOpened', 'Fail', 91),
  ],
};

const THEME_VARIABLES: [string, string][] = [
  ['--vscode-foreground', '#cccccc'],
  ['--vscode-editor-background', '#1e1e1e'],
  ['--vscode-font-family', 'sans-serif'],
  ['--vscode-font-size', '13px'],
  ['--vscode-badge-foreground', '#ffffff'],
  ['--vscode-badge-background', '#4d4d4d'],
  ['--vscode-list-activeSelectionBackground', '#04395e'],
  ['--vscode-list-activeSelectionForeground', '#ffffff'],
  ['--vscode-list-hoverBackground', '#2a2d2e'],
  ['--vscode-descriptionForeground', '#9d9d9d'],
  ['--vscode-textLink-foreground', '#3794ff'],
  ['--vscode-editorError-foreground', '#f48771'],
  ['--vscode-inputValidation-errorBackground', '#5a1d1d'],
  ['--vscode-tree-indentGuidesStroke', '#585858'],
];

describe('preview webview in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];

  before(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 420, height: 360 } });
    const script = fs.readFileSync(path.join(__dirname, '..', '..', 'dist', 'webview.js'), 'utf8');
    const html = previewHtml({ cspSource: ORIGIN, scriptUri: `${ORIGIN}/dist/webview.js`, nonce: NONCE });
    await page.route(`${ORIGIN}/**`, (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/index.html') return route.fulfill({ contentType: 'text/html', body: html });
      if (url.pathname === '/dist/webview.js')
        return route.fulfill({ contentType: 'text/javascript', body: script });
      return route.fulfill({ status: 404, body: '' });
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    // A string, not a function: the test runner's transpiler would add helpers the page lacks.
    await page.addInitScript(`
      window.posted = [];
      window.acquireVsCodeApi = () => ({
        postMessage: (message) => window.posted.push(message),
        setState: (value) => { window.savedState = value; },
        getState: () => window.savedState,
      });
      // VS Code sets the theme's variables on <html>; through CSSOM, which the CSP allows.
      document.addEventListener('DOMContentLoaded', () => {
        for (const [name, value] of ${JSON.stringify(THEME_VARIABLES)}) document.documentElement.style.setProperty(name, value);
      });
    `);
    await page.goto(`${ORIGIN}/index.html`);
  });

  after(async () => {
    await browser.close();
  });

  const posted = () => page.evaluate(() => (window as unknown as { posted: unknown[] }).posted.splice(0));
  const send = (message: unknown) => page.evaluate((m) => window.postMessage(m, '*'), message);

  test('the page says it is ready once its script runs under the CSP', async () => {
    await page.waitForFunction(() => (window as unknown as { posted: unknown[] }).posted.length > 0);
    assert.deepEqual(await posted(), [{ kind: 'ready' }]);
  });

  test('a tree message renders every state, nested by branch, with the StartAt marked', async () => {
    await send({ kind: 'tree', uri: 'file:///w/flow.asl.json', result: BANKING, direction: 'TB' });
    await page.waitForSelector('.row[data-state="AccountNotOpened"]');
    const rows = await page.$$eval('.row', (els) =>
      els.map((el) => el.textContent?.replace(/\s+/g, ' ').trim()),
    );
    assert.deepEqual(rows, [
      'ParallelCheckApplicant◀ StartAt',
      'TaskCheckName◀ StartAt',
      'TaskCheckAddress◀ StartAt',
      'TaskOpenNewAccount',
      'FailApplicationRejected',
      'FailAccountNotOpened',
    ]);
    assert.deepEqual(await page.$$eval('.scope-label', (els) => els.map((el) => el.textContent)), [
      'Branch 1',
      'Branch 2',
    ]);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { savedState: unknown }).savedState), {
      uri: 'file:///w/flow.asl.json',
    });
  });

  test('clicking a state asks the editor to reveal its name', async () => {
    await page.click('.row[data-state="OpenNewAccount"]');
    assert.deepEqual(await posted(), [{ kind: 'reveal', range: range(56, 4, 20) }]);
  });

  test('Enter on a focused row reveals it too; arrows move between rows', async () => {
    await page.focus('.row[data-state="CheckName"]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    assert.deepEqual(await posted(), [{ kind: 'reveal', range: range(29, 4, 18) }]);
  });

  test('a highlight message marks the state under the editor cursor', async () => {
    await send({ kind: 'highlight', stateName: 'CheckAddress' });
    await page.waitForSelector('.row.highlighted[data-state="CheckAddress"]');
    await page.screenshot({ path: screenshotPath('preview-state-list.png') });
    await send({ kind: 'highlight', stateName: null });
    await page.waitForSelector('.row.highlighted', { state: 'detached' });
  });

  test('while the document is broken the last good states stay, under a banner', async () => {
    await send({
      kind: 'tree',
      uri: 'file:///w/flow.asl.json',
      result: { ...BANKING, states: [], startAt: null, errorCount: 2 },
      direction: 'TB',
    });
    await page.waitForSelector('#banner:not([hidden])');
    assert.equal(await page.textContent('#banner'), '2 errors: showing the last good states');
    assert.equal(await page.locator('.row').count(), 6);
  });

  test('malformed messages are ignored and text is never parsed as HTML', async () => {
    await send({ kind: 'tree', uri: 'file:///w/flow.asl.json', result: { states: 'nope' }, direction: 'TB' });
    await send({ kind: 'unknown' });
    await send('<img src=x onerror=alert(1)>');
    assert.equal(await page.locator('.row').count(), 6);
    const hostile = {
      ...BANKING,
      states: [state('<img src=x onerror="window.pwned=1">', 'Pass', 1)],
      startAt: null,
    };
    await send({ kind: 'tree', uri: 'file:///w/flow.asl.json', result: hostile, direction: 'TB' });
    await page.waitForSelector('.row >> nth=0');
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
    assert.deepEqual(cspViolations, []);
    assert.deepEqual(pageErrors, []);
  });
});
