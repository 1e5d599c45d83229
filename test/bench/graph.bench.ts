/**
 * npm run bench:graph — the graph preview's speed on a 1,000-state machine (test/bench/generate):
 *   - in Node: building the graph model, and the ELK layout (what `stepwise graph` pays);
 *   - in Chromium, through the real preview page (dist/webview.js and its layout worker):
 *     layout in the worker and message-to-picture time, first (cold) and warm; then the
 *     re-render after a one-state edit, both a text edit (Comment and Resource of one state:
 *     the geometry holds, the layout is reused) and a structural one (one Next retargeted:
 *     the graph is laid out again).
 * Targets (issue 8): layout ≤ 1,000 ms, re-render after a one-state edit ≤ 200 ms.
 * A script, not a test: numbers for the record.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { buildModel, parseDocument, validate } from '../../server/src/asl';
import { buildGraph, layoutGraph } from '../../server/src/asl/graph';
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

  const browser = await launchChromium();
  try {
    const preview = await openPreview(browser, { width: 1200, height: 900 });
    const timings = () =>
      preview.page.evaluate(() => ({
        layout: Number(document.body.dataset['layoutMs']),
        render: Number(document.body.dataset['renderMs']),
      }));
    const result = graphResultOfText(text);
    await preview.sendGraph('file:///w/big.asl.json', result, 'TB');
    const cold = await timings();
    // Alternate the direction so that every run lays out again (the same key would reuse the layout).
    const warm: { layout: number; render: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      await preview.sendGraph('file:///w/big.asl.json', result, i % 2 === 0 ? 'LR' : 'TB');
      warm.push(await timings());
    }
    await preview.sendGraph('file:///w/big.asl.json', result, 'TB');
    console.log(
      `browser layout in the worker, cold / warm     ${cold.layout.toFixed(0)} / ${median(warm.map((w) => w.layout)).toFixed(0)} ms`,
    );
    console.log(
      `browser message → picture, cold / warm       ${cold.render.toFixed(0)} / ${median(warm.map((w) => w.render)).toFixed(0)} ms`,
    );

    const textEdits: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const edited = text
        .replace('"Comment": "Step number 5"', `"Comment": "Step number 5, edit ${i}"`)
        .replace('function:F8"', `function:F8x${i}"`);
      await preview.sendGraph('file:///w/big.asl.json', graphResultOfText(edited), 'TB');
      textEdits.push((await timings()).render);
    }
    const structuralEdits: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const edited = text.replace('"Next": "Step7"', i % 2 === 0 ? '"Next": "Step9"' : '"Next": "Step8"');
      await preview.sendGraph('file:///w/big.asl.json', graphResultOfText(edited), 'TB');
      structuralEdits.push((await timings()).render);
    }
    console.log(
      `browser re-render, one state's text edited   ${median(textEdits).toFixed(0)} ms (median; layout reused)`,
    );
    console.log(
      `browser re-render, one transition changed    ${median(structuralEdits).toFixed(0)} ms (median; laid out again)`,
    );
    if (preview.pageErrors.length > 0) console.log(`page errors: ${preview.pageErrors.join('; ')}`);
  } finally {
    await browser.close();
  }
}

async function sequence<T>(count: number, fn: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < count; i++) results.push(await fn());
  return results;
}

void main();
