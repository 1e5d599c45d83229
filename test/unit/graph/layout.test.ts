import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import {
  layoutKey,
  renderGraph,
  toDot,
  toSvgText,
  type Box,
  type GraphLayout,
  type PlacedBox,
} from '../../../server/src/asl/graph';
import { asJson, generateWorkflow } from '../../bench/generate';
import { assertGolden } from '../../support/golden';
import { FIXTURES, graphOf, graphOfText, layoutOf } from './helpers';

function boxOf(layout: GraphLayout, id: string): PlacedBox {
  const box = layout.nodes.find((b) => b.id === id) ?? layout.clusters.find((b) => b.id === id);
  assert.ok(box !== undefined, `no box for ${id}`);
  return box;
}

function inside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x - 0.5 &&
    inner.y >= outer.y - 0.5 &&
    inner.x + inner.width <= outer.x + outer.width + 0.5 &&
    inner.y + inner.height <= outer.y + outer.height + 0.5
  );
}

function near(point: { x: number; y: number }, box: Box): boolean {
  return inside(
    { x: point.x, y: point.y, width: 0, height: 0 },
    { x: box.x - 2, y: box.y - 2, width: box.width + 4, height: box.height + 4 },
  );
}

describe('layout', () => {
  test('every node gets a box; clusters sit in their owner, states in their cluster; no overlaps among siblings', async () => {
    const graph = graphOf('parallel-in-map.asl.json');
    const layout = await layoutOf(graph);
    for (const node of graph.nodes) {
      const box = boxOf(layout, node.id);
      if (node.parent !== null)
        assert.ok(inside(box, boxOf(layout, node.parent)), `${node.id} in ${node.parent}`);
    }
    for (const cluster of graph.clusters)
      assert.ok(inside(boxOf(layout, cluster.id), boxOf(layout, cluster.owner)), cluster.id);
    const siblings = graph.nodes
      .filter((n) => n.parent === 'c:EachOrder#p/Checks#b0')
      .map((n) => boxOf(layout, n.id));
    for (const [i, a] of siblings.entries()) {
      for (const b of siblings.slice(i + 1)) {
        const overlap =
          a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        assert.ok(!overlap, `${a.id} overlaps ${b.id}`);
      }
    }
    // A Parallel's branches lie side by side across a top-to-bottom flow.
    const [b0, b1] = [boxOf(layout, 'c:EachOrder#p/Checks#b0'), boxOf(layout, 'c:EachOrder#p/Checks#b1')];
    assert.ok(Math.abs(b0.y - b1.y) < 1 && b0.x !== b1.x);
  });

  test('edges run from their source box to their target box, in absolute coordinates', async () => {
    const graph = graphOf('parallel-in-map.asl.json');
    const layout = await layoutOf(graph);
    assert.equal(layout.edges.length, graph.edges.length);
    for (const edge of graph.edges) {
      const placed = layout.edges.find((e) => e.id === edge.id);
      assert.ok(placed !== undefined && placed.points.length >= 2, edge.id);
      const first = placed.points[0];
      const last = placed.points[placed.points.length - 1];
      assert.ok(
        first !== undefined && near(first, boxOf(layout, edge.from)),
        `${edge.id} starts at its source`,
      );
      assert.ok(last !== undefined && near(last, boxOf(layout, edge.to)), `${edge.id} ends at its target`);
    }
    const labelled = layout.edges.find((e) => e.id.startsWith('choice:'));
    assert.ok(labelled?.label !== null && labelled?.label !== undefined);
  });

  test('left to right puts the flow along x', async () => {
    const graph = graphOf('catch-and-retry.asl.json');
    const tb = await layoutOf(graph, 'TB');
    const lr = await layoutOf(graph, 'LR');
    const fetch = 's:Fetch';
    const wait = 's:More?';
    assert.ok(boxOf(tb, wait).y > boxOf(tb, fetch).y);
    assert.ok(boxOf(lr, wait).x > boxOf(lr, fetch).x);
  });

  test('the layout key ignores text that does not change the geometry, and sees structure', () => {
    const text = JSON.stringify(
      {
        StartAt: 'A',
        States: {
          A: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Comment: 'x', Next: 'B' },
          B: { Type: 'Succeed' },
        },
      },
      null,
      2,
    );
    const base = layoutKey(graphOfText(text), 'TB');
    assert.equal(
      layoutKey(
        graphOfText(text.replace('"x"', '"a longer comment"').replace('sns:publish', 'sqs:sendMessage')),
        'TB',
      ),
      base,
    );
    assert.notEqual(layoutKey(graphOfText(text.replace('"Next": "B"', '"End": true')), 'TB'), base);
    assert.notEqual(layoutKey(graphOfText(text), 'LR'), base);
  });

  test('in a big machine, long edges become jumps that name their target, within the budget', async () => {
    const graph = graphOfText(asJson(generateWorkflow(300)));
    const layout = await layoutOf(graph);
    assert.ok(layout.jumps.length > 0);
    for (const jump of layout.jumps) {
      const edge = graph.edges.find((e) => e.id === jump.edge);
      assert.ok(edge !== undefined);
      assert.equal(jump.target, edge.to);
      const placed = layout.edges.find((e) => e.id === edge.id);
      const last = placed?.points[placed.points.length - 1];
      assert.ok(last !== undefined && near(last, jump), `${edge.id} ends at its jump`);
    }
    assert.ok(layout.jumps.every((jump) => jump.label === 'Failed'));
  });

  test('a small machine draws every edge in full', async () => {
    assert.deepEqual((await layoutOf(graphOf('catch-and-retry.asl.json'))).jumps, []);
  });
});

describe('rendering', () => {
  test('SVG golden of a machine with Catch, Retry and a Choice loop', async () => {
    const graph = graphOf('catch-and-retry.asl.json');
    const svg = toSvgText(renderGraph(graph, await layoutOf(graph)));
    assertGolden(path.join(FIXTURES, 'catch-and-retry.svg.golden.svg'), `${svg}\n`);
  });

  test('the SVG has one element per state, edge and cluster, with data attributes for the preview', async () => {
    const graph = graphOf('parallel-in-map.asl.json');
    const svg = toSvgText(renderGraph(graph, await layoutOf(graph)));
    const count = (pattern: RegExp) => [...svg.matchAll(pattern)].length;
    assert.equal(
      count(/<g class="node state[^"]*" data-node=/g),
      graph.nodes.filter((n) => n.kind === 'state').length,
    );
    assert.equal(count(/<g class="edge kind-/g), graph.edges.length);
    assert.equal(count(/<g class="cluster cluster-/g), graph.clusters.length);
    assert.match(svg, /<text class="cluster-label"[^>]*>Branch 2<\/text>/);
    assert.match(svg, /<text class="edge-label"[^>]*>\$\.Item is absent<\/text>/);
  });

  test('names are text, escaped, never markup', async () => {
    const graph = graphOfText(
      JSON.stringify({
        StartAt: '<b>"&\'',
        States: { '<b>"&\'': { Type: 'Pass', Comment: '</title><script>', End: true } },
      }),
    );
    const svg = toSvgText(renderGraph(graph, await layoutOf(graph)));
    assert.ok(!svg.includes('<b>') && !svg.includes('<script>'));
    assert.ok(svg.includes('data-state="&lt;b&gt;&quot;&amp;&#39;"'));
    assert.ok(svg.includes('&lt;/title&gt;&lt;script&gt;'));
  });

  test('DOT golden: clusters nested, Catch dashed, labels quoted', () => {
    assertGolden(
      path.join(FIXTURES, 'parallel-in-map.dot.golden.dot'),
      toDot(graphOf('parallel-in-map.asl.json')),
    );
    assert.match(
      toDot(graphOf('catch-and-retry.asl.json')),
      /"s:More\?" -> "missing:Archive" \[label="not \$\.kind == \\"a\\\\\\"b\\""\]/,
    );
  });
});
