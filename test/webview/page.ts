import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { previewHtml } from '../../client/src/preview/previewHtml';
import { buildModel, formatOf, parseDocument, validate } from '../../server/src/asl';
import { buildGraph } from '../../server/src/asl/graph';
import type { GraphResult } from '../../server/src/protocol';

/**
 * The preview's webview page as the panel builds it (same HTML, same CSP, the built dist/
 * files) in headless Chromium, with a stand-in for VS Code's webview API that records what
 * the page posts. The origin plays the part of webview.cspSource.
 */
export const ORIGIN = 'https://webview.stepwise.test';
const NONCE = 'dGVzdC1ub25jZS0xMjM0NQ==';
const ROOT = path.join(__dirname, '..', '..');

export const DARK_THEME: Record<string, string> = {
  '--vscode-foreground': '#cccccc',
  '--vscode-editor-foreground': '#d4d4d4',
  '--vscode-editor-background': '#1e1e1e',
  '--vscode-font-family': 'sans-serif',
  '--vscode-font-size': '13px',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-editorWidget-background': '#252526',
  '--vscode-editorWidget-border': '#454545',
  '--vscode-sideBar-background': '#1b1b1c',
  '--vscode-tree-indentGuidesStroke': '#585858',
  '--vscode-editorLineNumber-foreground': '#858585',
  '--vscode-focusBorder': '#007fd4',
  '--vscode-list-inactiveSelectionBackground': '#37373d',
  '--vscode-testing-iconPassed': '#73c991',
  '--vscode-editorError-foreground': '#f14c4c',
  '--vscode-editorWarning-foreground': '#cca700',
  '--vscode-textLink-foreground': '#3794ff',
  '--vscode-badge-foreground': '#ffffff',
  '--vscode-inputValidation-errorBackground': '#5a1d1d',
  '--vscode-button-secondaryBackground': '#3a3d41',
  '--vscode-button-secondaryForeground': '#ffffff',
};

export const LIGHT_THEME: Record<string, string> = {
  '--vscode-foreground': '#616161',
  '--vscode-editor-foreground': '#1f1f1f',
  '--vscode-editor-background': '#ffffff',
  '--vscode-font-family': 'sans-serif',
  '--vscode-font-size': '13px',
  '--vscode-descriptionForeground': '#717171',
  '--vscode-editorWidget-background': '#f8f8f8',
  '--vscode-editorWidget-border': '#c8c8c8',
  '--vscode-focusBorder': '#0090f1',
  '--vscode-button-secondaryBackground': '#e5e5e5',
};

export interface PreviewPage {
  readonly page: Page;
  readonly cspViolations: string[];
  readonly pageErrors: string[];
  posted(): Promise<unknown[]>;
  send(message: unknown): Promise<void>;
  /** Sends a graph and waits until the page has dealt with it. */
  sendGraph(uri: string, result: GraphResult, direction?: 'TB' | 'LR'): Promise<void>;
  setTheme(theme: Record<string, string>): Promise<void>;
}

export async function openPreview(
  browser: Browser,
  size = { width: 900, height: 700 },
): Promise<PreviewPage> {
  const page = await browser.newPage({ viewport: size });
  const dist = (name: string) => fs.readFileSync(path.join(ROOT, 'dist', name), 'utf8');
  const files: Record<string, [string, string]> = {
    '/dist/webview.js': ['text/javascript', dist('webview.js')],
    '/dist/webview.css': ['text/css', dist('webview.css')],
    '/dist/layoutWorker.js': ['text/javascript', dist('layoutWorker.js')],
  };
  const html = previewHtml({
    cspSource: ORIGIN,
    scriptUri: `${ORIGIN}/dist/webview.js`,
    styleUri: `${ORIGIN}/dist/webview.css`,
    workerUri: `${ORIGIN}/dist/layoutWorker.js`,
    nonce: NONCE,
  });
  await page.route(`${ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/index.html') return route.fulfill({ contentType: 'text/html', body: html });
    const file = files[url.pathname];
    if (file !== undefined) return route.fulfill({ contentType: file[0], body: file[1] });
    return route.fulfill({ status: 404, body: '' });
  });
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];
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
      for (const [name, value] of Object.entries(${JSON.stringify(LIGHT_THEME)})) document.documentElement.style.setProperty(name, value);
    });
  `);
  await page.goto(`${ORIGIN}/index.html`);
  let sent = 0;
  const preview: PreviewPage = {
    page,
    cspViolations,
    pageErrors,
    posted: () => page.evaluate(() => (window as unknown as { posted: unknown[] }).posted.splice(0)),
    send: (message) => page.evaluate((m) => window.postMessage(m, '*'), message),
    async sendGraph(uri, result, direction = 'TB') {
      sent += 1;
      await preview.send({ kind: 'graph', uri, result, direction });
      await page.waitForFunction((n) => Number(document.body.dataset['handled'] ?? 0) >= n, sent);
    },
    setTheme: (theme) =>
      page.evaluate((t) => {
        for (const [name, value] of Object.entries(t))
          document.documentElement.style.setProperty(name, value);
      }, theme),
  };
  return preview;
}

export function graphResultOf(file: string): GraphResult {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return graphResultOfText(text, file);
}

export function graphResultOfText(text: string, file = 'flow.asl.json'): GraphResult {
  const parsed = parseDocument(text, formatOf(file));
  const diagnostics = validate(parsed);
  const model = buildModel(parsed);
  return {
    version: 1,
    graph: model.machine === undefined ? null : buildGraph(model, parsed.lines, diagnostics),
    errorCount: diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: diagnostics.filter((d) => d.severity === 'warning').length,
    syntaxErrorCount: parsed.errors.filter((d) => d.severity === 'error').length,
  };
}
