import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ElkNode } from 'elkjs/lib/elk-api';
import ELK from 'elkjs/lib/elk.bundled.js';
import {
  LayoutCache,
  layoutGraph,
  type Box,
  type GraphLayout,
  type GraphModel,
  type PlacedBox,
} from '../../../server/src/asl/graph';
import { fromElk, toElk, type FlatGraph, type FlatNode } from '../../../server/src/asl/graph/layoutElk';
import { layoutChain } from '../../../server/src/asl/graph/layoutSimple';
import { asJson, generateWorkflow } from '../../bench/generate';
import { graphOfText } from './helpers';

const elk = new ELK();

/** ELK, counting its calls. */
function countingEngine(): { engine: { layout(graph: ElkNode): Promise<ElkNode> }; calls: () => number } {
  let calls = 0;
  return {
    engine: {
      layout: (graph) => {
        calls++;
        return elk.layout(graph);
      },
    },
    calls: () => calls,
  };
}

function overlap(a: Box, b: Box): boolean {
  return (
    a.x < b.x + b.width - 0.5 &&
    b.x < a.x + a.width - 0.5 &&
    a.y < b.y + b.height - 0.5 &&
    b.y < a.y + a.height - 0.5
  );
}

function near(point: { x: number; y: number }, box: Box): boolean {
  return (
    point.x >= box.x - 2 &&
    point.y >= box.y - 2 &&
    point.x <= box.x + box.width + 2 &&
    point.y <= box.y + box.height + 2
  );
}

/** Node positions relative to their section, by id. */
function inSection(layout: GraphLayout): Map<string, string> {
  const result = new Map<string, string>();
  for (const box of layout.nodes) {
    const section = layout.sections[box.section];
    assert.ok(section !== undefined);
    result.set(box.id, `${section.id} ${box.x - section.x} ${box.y - section.y}`);
  }
  return result;
}

const big = asJson(generateWorkflow(400));
/** Step6 goes on to Step9, skipping two states: one transition edited near the top. */
const edited = big.replace('"Next": "Step7"', '"Next": "Step9"');

describe('layout in chunks', () => {
  for (const direction of ['TB', 'LR'] as const) {
    test(`a big machine is laid out in sections (${direction}); states do not overlap and every edge joins its ends`, async () => {
      const graph = graphOfText(big);
      const layout = await layoutGraph(graph, direction, elk);
      assert.ok(layout.sections.length >= 3, `${layout.sections.length} sections`);
      const top = graph.nodes.filter((node) => node.parent === null).map((node) => node.id);
      const boxes = new Map(layout.nodes.map((box) => [box.id, box]));
      const placed = top.map((id) => boxes.get(id)).filter((box): box is PlacedBox => box !== undefined);
      assert.equal(placed.length, top.length);
      for (const [i, a] of placed.entries()) {
        for (const b of placed.slice(i + 1)) assert.ok(!overlap(a, b), `${a.id} overlaps ${b.id}`);
      }
      // Sections follow each other along the flow.
      for (const [i, section] of layout.sections.entries()) {
        const next = layout.sections[i + 1];
        const along = (box: Box) => (direction === 'TB' ? box.y : box.x);
        if (next !== undefined)
          assert.ok(along(next) > along(section), `section ${i + 1} after section ${i}`);
      }
      const jumps = new Map(layout.jumps.map((jump) => [jump.edge, jump]));
      for (const edge of graph.edges) {
        const line = layout.edges.find((e) => e.id === edge.id);
        const first = line?.points[0];
        const last = line?.points[line.points.length - 1];
        const from = boxes.get(edge.from);
        const to = jumps.get(edge.id) ?? boxes.get(edge.to);
        assert.ok(
          first !== undefined && from !== undefined && near(first, from),
          `${edge.id} starts at its source`,
        );
        assert.ok(last !== undefined && to !== undefined && near(last, to), `${edge.id} ends at its target`);
      }
    });
  }

  test('a section seam is one straight edge: the joining edge ends on the next section’s first state', async () => {
    const layout = await layoutGraph(graphOfText(big), 'TB', elk);
    const boxes = new Map(layout.nodes.map((box) => [box.id, box]));
    for (const section of layout.sections.slice(1)) {
      const entry = boxes.get(section.id);
      assert.ok(entry !== undefined);
      const joining = layout.edges.filter((edge) => {
        const end = edge.points[edge.points.length - 1];
        return (
          end !== undefined &&
          Math.abs(end.y - entry.y) < 0.5 &&
          end.x > entry.x &&
          end.x < entry.x + entry.width
        );
      });
      assert.equal(joining.length, 1, `one edge enters ${section.id}`);
      assert.ok((joining[0]?.section ?? -1) < layout.sections.indexOf(section), 'from the section before');
    }
  });

  test('with a cache, a one-transition edit lays out one chunk again and the other sections keep their drawing', async () => {
    const { engine, calls } = countingEngine();
    const cache = new LayoutCache();
    const before = await layoutGraph(graphOfText(big), 'TB', engine, cache);
    const cold = calls();
    assert.equal(cold, before.sections.length);
    const after = await layoutGraph(graphOfText(edited), 'TB', engine, cache);
    assert.equal(calls() - cold, 1, 'one chunk laid out again');
    const was = inSection(before);
    const now = inSection(after);
    const changed = new Set<string>();
    for (const [id, place] of now) if (was.get(id) !== place) changed.add(place.split(' ')[0] ?? '');
    assert.equal(changed.size, 1, `drawings changed in sections ${[...changed].join(', ')}`);
    // The same graph again finds everything in the cache.
    await layoutGraph(graphOfText(edited), 'TB', engine, cache);
    assert.equal(calls() - cold, 1);
  });

  test('the cache gives what ELK gives: a cached layout equals a fresh one', async () => {
    const cache = new LayoutCache();
    const graph: GraphModel = graphOfText(edited);
    await layoutGraph(graphOfText(big), 'TB', elk, cache);
    assert.deepEqual(await layoutGraph(graph, 'TB', elk, cache), await layoutGraph(graph, 'TB', elk));
  });

  test('a chain is placed without ELK exactly where ELK places it, in both directions', async () => {
    const node = (id: string, width: number, height: number): FlatNode => ({
      id,
      x: 0,
      y: 0,
      width,
      height,
      constraint: null,
      jump: null,
    });
    const graph: FlatGraph = {
      nodes: [node('start', 22, 22), node('a', 200, 46), node('b', 424, 150), node('end', 22, 22)],
      edges: [
        { id: 'e1', from: 'start', to: 'a', label: null },
        { id: 'e2', from: 'a', to: 'b', label: null },
        { id: 'e3', from: 'b', to: 'end', label: null },
      ],
    };
    for (const direction of ['TB', 'LR'] as const) {
      const ours = layoutChain(graph, direction);
      const theirs = fromElk(await elk.layout(toElk(graph, direction)), graph);
      assert.ok(ours !== null);
      const round = (value: unknown) =>
        JSON.parse(
          JSON.stringify(value, (_, v: unknown) => (typeof v === 'number' ? Math.round(v) : v)),
        ) as unknown;
      assert.deepEqual(round(ours), round(theirs), direction);
    }
    const labelled = { ...graph, edges: graph.edges.map((edge) => ({ ...edge, label: 'x' })) };
    assert.equal(layoutChain(labelled, 'TB'), null, 'a labelled chain goes to ELK');
    assert.equal(layoutChain({ ...graph, edges: graph.edges.slice(1) }, 'TB'), null, 'two pieces go to ELK');
  });
});
