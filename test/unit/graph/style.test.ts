import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import {
  renderGraph,
  toSvgText,
  THEME_PALETTE,
  graphStyle,
  LIGHT_PALETTE,
} from '../../../server/src/asl/graph';
import { mapPalette } from '../../../server/src/asl/graph/style';
import { assertGolden } from '../../support/golden';
import { REPOSITORY_ROOT } from '../../support/cli';
import { graphOf, layoutOf } from './helpers';

const GRAPH_CSS = path.join(REPOSITORY_ROOT, 'client', 'src', 'preview', 'webview', 'graph.css');

test("the preview's graph.css is graphStyle over the theme's variables (UPDATE_GOLDEN=1 rewrites it)", () => {
  assertGolden(GRAPH_CSS, graphStyle(THEME_PALETTE));
});

test('the theme palette reads only VS Code variables, each with a concrete fallback', () => {
  const values: string[] = [];
  mapPalette(THEME_PALETTE, (value) => {
    values.push(value);
    return value;
  });
  assert.equal(values.length, 17);
  for (const value of values) {
    assert.match(value, /^var\(--vscode-[\w-]+, .+\)$/);
    assert.doesNotMatch(value, /var\(--vscode-[\w-]+\)/, `${value} has a variable without a fallback`);
  }
});

test('every class the renderer draws has a rule in the stylesheet', async () => {
  const graph = graphOf('catch-and-retry.asl.json');
  const svg = toSvgText(renderGraph(graph, await layoutOf(graph)));
  const css =
    graphStyle(LIGHT_PALETTE) + fs.readFileSync(path.join(path.dirname(GRAPH_CSS), 'page.css'), 'utf8');
  const classes = new Set([...svg.matchAll(/class="([^"]+)"/g)].flatMap((m) => (m[1] ?? '').split(' ')));
  // Structural classes that only group or tag elements for the page's script.
  const structural = new Set([
    'graph',
    'section',
    'compounds',
    'edges',
    'nodes',
    'jumps',
    'node',
    'edge',
    'marker',
    'cluster',
    'badge',
  ]);
  const unstyled = [...classes].filter(
    (name) =>
      !structural.has(name) &&
      !name.startsWith('kind-') &&
      !name.startsWith('type-') &&
      !name.startsWith('cluster-') &&
      !name.startsWith('marker-') &&
      !css.includes(`.${name}`),
  );
  assert.deepEqual(unstyled, []);
});
