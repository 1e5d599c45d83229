import * as fs from 'node:fs';
import * as path from 'node:path';
import ELK from 'elkjs/lib/elk.bundled.js';
import { buildModel, formatOf, parseDocument, validate } from '../../../server/src/asl';
import {
  buildGraph,
  layoutGraph,
  type GraphDirection,
  type GraphLayout,
  type GraphModel,
} from '../../../server/src/asl/graph';

export const FIXTURES = path.join(import.meta.dirname, 'fixtures');

const elk = new ELK();

export function graphOfText(text: string, file = 'inline.asl.json'): GraphModel {
  const parsed = parseDocument(text, formatOf(file));
  return buildGraph(buildModel(parsed), parsed.lines, validate(parsed));
}

export function graphOf(fixture: string): GraphModel {
  return graphOfText(fs.readFileSync(path.join(FIXTURES, fixture), 'utf8'), fixture);
}

export function layoutOf(graph: GraphModel, direction: GraphDirection = 'TB'): Promise<GraphLayout> {
  return layoutGraph(graph, direction, elk);
}
