/**
 * npm run bench:graph — the graph preview's speed on a 1,000-state machine (test/bench/generate):
 *   - in Node: building the graph model, the ELK layout (what `stepwise graph` pays: no
 *     cache), and the layout again after a one-transition edit with the cache the preview's
 *     worker keeps (only the chunks the edit touched are laid out again);
 *   - in Chromium, through the real preview page (dist/webview.js and its layout worker):
 *     layout in the worker and message-to-picture time, first (cold) and warm; then the
 *     re-render after a one-state edit, both a text edit (Comment and Resource of one state:
 *     the geometry holds, the layout is reused) and a structural one (one Next retargeted:
 *     the worker lays out again the chunk it is in, the page patches that section).
 * Targets (issue 8): layout ≤ 1,000 ms, re-render after a one-state edit ≤ 200 ms.
 * A script, not a test: numbers for the record.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { buildModel, parseDocument, validate } from '../../server/src/asl';
import { LayoutCache, buildGraph, layoutGraph, type GraphModel } from '../../server/src/asl/graph';
import { launchChromium } from '../support/browser';
import { graphResultOfText, openPreview } from '../webview/page';
import { asJson, generateWorkflow } from './generate';
import { median, timeAsync, timeSync } from './timing';

const STATES = 1000;
const RUNS = 5;

async function main(): Promise<void> {
  const workflow = generateWorkflow(STATES);
  const text = asJson(workflow);
  const parsed = parseDocument(text, 'json');
  const model = buildModel(parsed);
  const diagnostics = validate(parsed);
  let graph = buildGraph(model, parsed.lines, diagnostics);
  const buildMs = median(
    Array.from({ length: RUNS }, () =>
      timeSync(() => (graph = buildGraph(model, parsed.lines, diagnostics))),
    ),
  );
  const states = graph.nodes.filter((n) => n.kind === 'state').length;
  console.log(
    `${STATES}-state workflow: ${states} states, ${graph.nodes.length} nodes, ${graph.edges.length} edges, ${graph.clusters.length} clusters`,
  );
  console.log(`node    buildGraph (median of ${RUNS})           ${buildMs.toFixed(1)} ms`);
  const elk = new ELK();
  const nodeCold = await timeAsync(() => layoutGraph(graph, 'TB', elk));
  const nodeWarm = median(await sequence(RUNS, () => timeAsync(() => layoutGraph(graph, 'TB', elk))));
  console.log(
    `node    ELK layout cold / warm median        ${nodeCold.toFixed(0)} / ${nodeWarm.toFixed(0)} ms`,
  );
  const cache = new LayoutCache();
  await layoutGraph(graph, 'TB', elk, cache);
  const nodeEdits: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const edited = graphOf(retarget(text, i));
    nodeEdits.push(await timeAsync(() => layoutGraph(edited, 'TB', elk, cache)));
  }
  console.log(
    `node    layout after a one-transition edit   ${median(nodeEdits).toFixed(0)} ms (median; cached chunks)`,
  );

  const browser = await launchChromium();
  try {
    const preview = await openPreview(browser, { width: 1200, height: 900 });
    const timings = async () => {
      // Waits for the frame that shows the graph just handled.
      await preview.page.waitForFunction(
        () => Number(document.body.dataset['painted'] ?? 0) >= Number(document.body.dataset['handled'] ?? 1),
      );
      return preview.page.evaluate(() => ({
        layout: Number(document.body.dataset['layoutMs'] ?? 0),
        render: Number(document.body.dataset['renderMs']),
        paint: Number(document.body.dataset['paintMs']),
      }));
    };
    const result = graphResultOfText(text);
    await preview.sendGraph('file:///w/big.asl.json', result, 'TB');
    const cold = await timings();
    // Alternate the direction so that every run lays out again (the same key would reuse the layout).
    const warm: { layout: number; render: number; paint: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      await preview.sendGraph('file:///w/big.asl.json', result, i % 2 === 0 ? 'LR' : 'TB');
      warm.push(await timings());
    }
    await preview.sendGraph('file:///w/big.asl.json', result, 'TB');
    console.log(
      `browser layout in the worker, cold / warm     ${cold.layout.toFixed(0)} / ${median(warm.map((w) => w.layout)).toFixed(0)} ms`,
    );
    console.log(
      `browser message → picture, cold / warm       ${cold.render.toFixed(0)} / ${median(warm.map((w) => w.render)).toFixed(0)} ms (script; to the painted frame ${cold.paint.toFixed(0)} / ${median(warm.map((w) => w.paint)).toFixed(0)} ms)`,
    );

    const textEdits: number[] = [];
    const textPaints: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const edited = text
        .replace('"Comment": "Step number 5"', `"Comment": "Step number 5, edit ${i}"`)
        .replace('function:F8"', `function:F8x${i}"`);
      await preview.sendGraph('file:///w/big.asl.json', graphResultOfText(edited), 'TB');
      const { render, paint } = await timings();
      textEdits.push(render);
      textPaints.push(paint);
    }
    const structuralEdits: number[] = [];
    const structuralLayouts: number[] = [];
    const structuralPaints: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await preview.sendGraph('file:///w/big.asl.json', graphResultOfText(retarget(text, i)), 'TB');
      const { layout, render, paint } = await timings();
      structuralEdits.push(render);
      structuralPaints.push(paint);
      structuralLayouts.push(layout);
    }
    console.log(
      `browser re-render, one state's text edited   ${median(textEdits).toFixed(0)} ms (median; painted ${median(textPaints).toFixed(0)} ms; layout reused)`,
    );
    console.log(
      `browser re-render, one transition changed    ${median(structuralEdits).toFixed(0)} ms (median; painted ${median(structuralPaints).toFixed(0)} ms; worker ${median(structuralLayouts).toFixed(0)} ms)`,
    );
    if (preview.pageErrors.length > 0) console.log(`page errors: ${preview.pageErrors.join('; ')}`);
  } finally {
    await browser.close();
  }
}

/** The workflow with one Next changed (Step6 goes on to Step9, then to Step8, instead of Step7). */
function retarget(text: string, run: number): string {
  return text.replace('"Next": "Step7"', run % 2 === 0 ? '"Next": "Step9"' : '"Next": "Step8"');
}

function graphOf(text: string): GraphModel {
  const parsed = parseDocument(text, 'json');
  return buildGraph(buildModel(parsed), parsed.lines, validate(parsed));
}

async function sequence<T>(count: number, fn: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < count; i++) results.push(await fn());
  return results;
}

void main();
