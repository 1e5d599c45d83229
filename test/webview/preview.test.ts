import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshotPath } from '../support/browser';
import { DARK_THEME, graphResultOf, graphResultOfText, openPreview, type PreviewPage } from './page';

const URI = 'file:///w/account-processing.asl.json';
const EXAMPLE = 'examples/account-processing/account-processing.asl.json';
const NESTED = 'test/unit/graph/fixtures/parallel-in-map.asl.json';
const README_IMAGES = path.join(__dirname, '..', '..', 'docs', 'images');

/** The two screenshots the README shows are refreshed with the goldens (UPDATE_GOLDEN=1). */
function keepForReadme(file: string, name: string): void {
  if (process.env['UPDATE_GOLDEN'] !== '1') return;
  fs.mkdirSync(README_IMAGES, { recursive: true });
  fs.copyFileSync(file, path.join(README_IMAGES, name));
}

describe('graph preview webview in Chromium', () => {
  let browser: Browser;
  let preview: PreviewPage;

  before(async () => {
    browser = await launchChromium();
    preview = await openPreview(browser);
  });

  after(async () => {
    await browser.close();
  });

  const count = (selector: string) => preview.page.locator(selector).count();
  const viewBox = () => preview.page.getAttribute('#viewport > svg', 'viewBox');

  test('the page says it is ready once its script runs under the CSP', async () => {
    await preview.page.waitForFunction(() => (window as unknown as { posted: unknown[] }).posted.length > 0);
    assert.deepEqual(await preview.posted(), [{ kind: 'ready' }]);
  });

  test('a graph message draws every state, edge and cluster, laid out by the worker', async () => {
    const result = graphResultOf(EXAMPLE);
    const graph = result.graph;
    assert.ok(graph !== null);
    await preview.sendGraph(URI, result);
    const states = await preview.page.$$eval('#viewport g.state', (els) =>
      els.map((el) => el.getAttribute('data-state')),
    );
    assert.deepEqual(states.sort(), graph.nodes.flatMap((n) => (n.kind === 'state' ? [n.name] : [])).sort());
    assert.equal(await count('#viewport g.edge'), graph.edges.length);
    assert.equal(await count('#viewport g.cluster'), 2);
    assert.equal(await count('#viewport g.state.compound.type-parallel'), 1);
    assert.equal(
      await count('#viewport g.edge.kind-catch'),
      graph.edges.filter((e) => e.kind === 'catch').length,
    );
    assert.equal(await count('#viewport g.edge.kind-retry'), 3);
    assert.deepEqual(
      await preview.page.evaluate(
        () => (window as unknown as { savedState: { uri: string } }).savedState.uri,
      ),
      URI,
    );
    assert.ok(Number(await preview.page.getAttribute('body', 'data-layout-ms')) > 0);
    await preview.page.screenshot({ path: screenshotPath('graph-preview-light.png') });
  });

  test('clicking a state asks the editor to reveal its name; Enter on a focused state too', async () => {
    await preview.page.click('#viewport g.state[data-state="OpenNewAccount"] .node-box');
    const [reveal] = await preview.posted();
    const node = graphResultOf(EXAMPLE).graph?.nodes.find(
      (n) => n.kind === 'state' && n.name === 'OpenNewAccount',
    );
    assert.ok(node?.kind === 'state');
    assert.deepEqual(reveal, { kind: 'reveal', range: node.selectionRange });
    await preview.page.focus('#viewport g.state[data-state="AccountNotOpened"]');
    await preview.page.keyboard.press('Enter');
    const [second] = await preview.posted();
    assert.ok(typeof second === 'object' && second !== null && 'kind' in second && second.kind === 'reveal');
  });

  test('a highlight message marks the state under the editor cursor', async () => {
    await preview.send({ kind: 'highlight', nodeId: 's:CheckApplicant#b1/CheckAddress' });
    await preview.page.waitForSelector('g.state.highlighted[data-state="CheckAddress"]');
    await preview.send({ kind: 'highlight', nodeId: null });
    await preview.page.waitForSelector('g.highlighted', { state: 'detached' });
  });

  test('keyboard and wheel pan and zoom; 0 fits; a re-render keeps the view', async () => {
    await preview.page.focus('#viewport');
    const fitted = await viewBox();
    await preview.page.keyboard.press('+');
    const zoomed = await viewBox();
    assert.notEqual(zoomed, fitted);
    const width = (box: string | null) => Number(box?.split(' ')[2]);
    assert.ok(width(zoomed) < width(fitted), 'zooming in shows less of the graph');
    await preview.page.keyboard.press('ArrowRight');
    assert.ok(Number((await viewBox())?.split(' ')[0]) > Number(zoomed?.split(' ')[0]));
    await preview.page.mouse.move(300, 300);
    await preview.page.mouse.wheel(0, 120);
    const panned = await viewBox();
    await preview.sendGraph(URI, graphResultOf(EXAMPLE));
    assert.equal(await viewBox(), panned, 'a new graph keeps the view');
    await preview.page.keyboard.press('0');
    assert.equal(await viewBox(), fitted);
  });

  test('execution events mark states, taken edges, the running state and cluster progress', async () => {
    const base = { executionId: 'run-1', uri: URI };
    const events = [
      { ...base, kind: 'started' },
      {
        ...base,
        kind: 'state',
        path: [{ state: 'CheckApplicant' }],
        status: 'running',
        progress: { done: 1, total: 2 },
      },
      {
        ...base,
        kind: 'state',
        path: [{ state: 'CheckApplicant' }, { state: 'CheckName' }],
        status: 'succeeded',
      },
      {
        ...base,
        kind: 'state',
        path: [{ state: 'CheckApplicant', branch: 1 }, { state: 'CheckAddress' }],
        status: 'retrying',
      },
    ];
    for (const event of events) await preview.send({ kind: 'execution', event });
    await preview.page.waitForSelector('g.state.status-retried[data-state="CheckAddress"]');
    assert.equal(await count('g.state.status-succeeded[data-state="CheckName"]'), 1);
    assert.equal(await count('g.state.status-running.compound[data-state="CheckApplicant"]'), 1);
    assert.equal(await count('g.state.current[data-state="CheckAddress"]'), 1);
    assert.equal(
      await preview.page.textContent('g.compound[data-state="CheckApplicant"] > .progress'),
      '1/2',
    );
    assert.equal(await count('g.edge.kind-retry.taken'), 1);
    assert.equal(await preview.page.textContent('#run'), 'Running: CheckAddress');

    for (const event of [
      {
        ...base,
        kind: 'state',
        path: [{ state: 'CheckApplicant', branch: 1 }, { state: 'CheckAddress' }],
        status: 'succeeded',
      },
      {
        ...base,
        kind: 'state',
        path: [{ state: 'CheckApplicant' }],
        status: 'succeeded',
        next: 'OpenNewAccount',
        progress: { done: 2, total: 2 },
      },
      {
        ...base,
        kind: 'state',
        path: [{ state: 'OpenNewAccount' }],
        status: 'caught',
        next: 'AccountNotOpened',
      },
      { ...base, kind: 'state', path: [{ state: 'AccountNotOpened' }], status: 'failed' },
      { ...base, kind: 'ended', status: 'FAILED' },
    ]) {
      await preview.send({ kind: 'execution', event });
    }
    await preview.page.waitForSelector('#run.ended-failed');
    assert.equal(await count('g.edge.taken[data-from="s:CheckApplicant"][data-to="s:OpenNewAccount"]'), 1);
    assert.equal(await count('g.edge.kind-catch.taken[data-to="s:AccountNotOpened"]'), 1);
    assert.equal(await count('g.state.status-caught[data-state="OpenNewAccount"]'), 1);
    assert.equal(await count('g.state.status-failed[data-state="AccountNotOpened"]'), 1);
    assert.equal(await count('g.state.status-not-reached[data-state="ApplicationRejected"]'), 1);
    assert.equal(await count('g.current'), 0);
    assert.equal(
      await preview.page.textContent('g.compound[data-state="CheckApplicant"] > .progress'),
      '2/2',
    );
    // The overlay survives a re-render of the same graph.
    await preview.sendGraph(URI, graphResultOf(EXAMPLE));
    assert.equal(await count('g.state.status-failed[data-state="AccountNotOpened"]'), 1);
  });

  test('while the document does not parse, the last good graph stays under a banner', async () => {
    const broken = graphResultOfText(
      '{ "StartAt": "A", "States": { "A": { "Type": "Pass", ',
      'flow.asl.json',
    );
    assert.ok(broken.syntaxErrorCount > 0);
    await preview.sendGraph(URI, broken);
    assert.equal(await preview.page.isVisible('#banner'), true);
    assert.match(
      (await preview.page.textContent('#banner')) ?? '',
      /syntax error.*showing the last graph that parsed/,
    );
    assert.equal(await count('#viewport g[data-state="OpenNewAccount"]'), 1);
  });

  test('semantic errors draw the new graph with badges on the states', async () => {
    const text = fs
      .readFileSync(path.join(__dirname, '..', '..', EXAMPLE), 'utf8')
      .replace('"Next": "OpenNewAccount"', '"Next": "OpenAccount"');
    await preview.sendGraph(URI, graphResultOfText(text));
    assert.match(
      (await preview.page.textContent('#banner')) ?? '',
      /^\d+ errors?, 0 warnings: marked on their states/,
    );
    assert.equal(await count('g.state.has-errors[data-state="CheckApplicant"] .badge-error'), 1);
    assert.equal(await count('g.marker-missing[data-state="OpenAccount"]'), 1);
  });

  test('Export: SVG text with the theme written in, and a PNG', async () => {
    await preview.posted();
    await preview.send({ kind: 'export', format: 'svg' });
    await preview.page.waitForFunction(() => (window as unknown as { posted: unknown[] }).posted.length > 0);
    const [svg] = await preview.posted();
    assert.ok(typeof svg === 'object' && svg !== null && 'data' in svg && typeof svg.data === 'string');
    assert.match(svg.data, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg.data, /<style>[^<]*\.node-box \{[^}]*#f8f8f8/, 'theme colours resolved');
    assert.ok(!svg.data.includes('var(--vscode'));
    await preview.send({ kind: 'export', format: 'png' });
    await preview.page.waitForFunction(() => (window as unknown as { posted: unknown[] }).posted.length > 0);
    const [png] = await preview.posted();
    assert.ok(typeof png === 'object' && png !== null && 'data' in png && typeof png.data === 'string');
    assert.match(png.data, /^data:image\/png;base64,iVBOR/);
  });

  test('nested Parallel in Map, dark theme, a run in progress (the README screenshot)', async () => {
    await preview.setTheme(DARK_THEME);
    const uri = 'file:///w/orders.asl.json';
    await preview.sendGraph(uri, graphResultOf(NESTED));
    assert.equal(await count('#viewport g.cluster'), 3);
    const base = { executionId: 'run-2', uri };
    for (const event of [
      { ...base, kind: 'started' },
      {
        ...base,
        kind: 'state',
        path: [{ state: 'EachOrder' }],
        status: 'running',
        progress: { done: 17, total: 100 },
      },
      {
        ...base,
        kind: 'state',
        path: [{ state: 'EachOrder', iteration: 17 }, { state: 'Prepare' }],
        status: 'succeeded',
        next: 'Checks',
      },
      {
        ...base,
        kind: 'state',
        path: [{ state: 'EachOrder', iteration: 17 }, { state: 'Checks' }],
        status: 'running',
      },
      {
        ...base,
        kind: 'state',
        path: [{ state: 'EachOrder', iteration: 17 }, { state: 'Checks' }, { state: 'CheckStock' }],
        status: 'succeeded',
        next: 'InStock?',
      },
      {
        ...base,
        kind: 'state',
        path: [{ state: 'EachOrder', iteration: 17 }, { state: 'Checks' }, { state: 'InStock?' }],
        status: 'succeeded',
        next: 'Restock',
      },
      {
        ...base,
        kind: 'state',
        path: [{ state: 'EachOrder', iteration: 17 }, { state: 'Checks' }, { state: 'Restock' }],
        status: 'running',
      },
      {
        ...base,
        kind: 'state',
        path: [{ state: 'EachOrder', iteration: 17 }, { state: 'Checks', branch: 1 }, { state: 'Charge' }],
        status: 'succeeded',
      },
    ]) {
      await preview.send({ kind: 'execution', event });
    }
    await preview.page.waitForSelector('g.state.current[data-state="Restock"]');
    assert.equal(await preview.page.textContent('g.compound[data-state="EachOrder"] > .progress'), '17/100');
    assert.equal(await count('g.edge.taken'), 3);
    const file = screenshotPath('graph-preview-execution-dark.png');
    await preview.page.screenshot({ path: file, animations: 'disabled' });
    keepForReadme(file, 'graph-execution-dark.png');
  });

  test('a big machine gets a minimap; clicking it moves the view', async () => {
    const { generateWorkflow, asJson } = await import('../bench/generate');
    await preview.sendGraph('file:///w/big.asl.json', graphResultOfText(asJson(generateWorkflow(120))));
    assert.equal(await preview.page.isVisible('#minimap'), true);
    const beforeClick = await viewBox();
    const box = await preview.page.locator('#minimap').boundingBox();
    assert.ok(box !== null);
    await preview.page.mouse.click(box.x + box.width / 2, box.y + box.height - 5);
    assert.notEqual(await viewBox(), beforeClick);
    await preview.page.mouse.up();
    await preview.sendGraph(URI, graphResultOf(EXAMPLE));
    assert.equal(await preview.page.isVisible('#minimap'), false);
  });

  test('an edit to one transition of a big machine redraws its section and keeps the rest of the DOM', async () => {
    const { generateWorkflow, asJson } = await import('../bench/generate');
    const uri = 'file:///w/sections.asl.json';
    const text = asJson(generateWorkflow(400));
    await preview.sendGraph(uri, graphResultOfText(text));
    assert.ok((await count('#viewport g.section')) >= 3);
    const far = '#viewport g[data-node="s:Step200"]';
    await preview.page.$eval(far, (element) => element.setAttribute('data-kept', 'yes'));
    await preview.sendGraph(uri, graphResultOfText(text.replace('"Next": "Step7"', '"Next": "Step9"')));
    assert.equal(await count('#viewport g.edge[data-from="s:Step6"][data-to="s:Step9"]'), 1);
    assert.equal(await count('#viewport g.edge[data-from="s:Step6"][data-to="s:Step7"]'), 0);
    assert.equal(
      await preview.page.getAttribute(far, 'data-kept'),
      'yes',
      'a state far from the edit is the same element',
    );
    assert.deepEqual(preview.pageErrors, []);
    await preview.sendGraph(URI, graphResultOf(EXAMPLE));
  });

  test('malformed messages are ignored and text is never parsed as HTML', async () => {
    const states = await count('#viewport g.state');
    await preview.send({ kind: 'graph', uri: URI, result: { graph: { nodes: 'nope' } }, direction: 'TB' });
    await preview.send({
      kind: 'graph',
      uri: URI,
      result: {
        ...graphResultOf(EXAMPLE),
        graph: {
          nodes: [],
          edges: [{ id: 'e', kind: 'next', from: 'x', to: 'y', parent: null, label: null }],
          clusters: [],
        },
      },
      direction: 'TB',
    });
    await preview.send({ kind: 'highlight', nodeId: 42 });
    await preview.send({ kind: 'execution', event: { kind: 'state', path: [] } });
    await preview.send('<img src=x onerror=alert(1)>');
    assert.equal(await count('#viewport g.state'), states);
    const hostile = JSON.stringify({
      StartAt: '<img src=x onerror="window.pwned=1">',
      States: {
        '<img src=x onerror="window.pwned=1">': {
          Type: 'Pass',
          Comment: '<script>window.pwned=2</script>',
          End: true,
        },
      },
    });
    await preview.sendGraph('file:///w/hostile.asl.json', graphResultOfText(hostile));
    assert.equal(await count('#viewport g.state'), 1);
    assert.equal(await preview.page.locator('img, script:not([src])').count(), 0);
    assert.equal(
      await preview.page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
      undefined,
    );
    assert.deepEqual(preview.cspViolations, []);
    assert.deepEqual(preview.pageErrors, []);
  });
});

describe('graph preview screenshot for the README (light theme)', () => {
  test('the example workflow, a state highlighted', async () => {
    const browser = await launchChromium();
    try {
      const preview = await openPreview(browser, { width: 760, height: 720 });
      await preview.sendGraph(URI, graphResultOf(EXAMPLE));
      await preview.send({ kind: 'highlight', nodeId: 's:OpenNewAccount' });
      await preview.page.waitForSelector('g.highlighted');
      const file = screenshotPath('graph-preview-light-highlight.png');
      await preview.page.screenshot({ path: file });
      keepForReadme(file, 'graph-preview.png');
      assert.deepEqual(preview.pageErrors, []);
    } finally {
      await browser.close();
    }
  });
});
