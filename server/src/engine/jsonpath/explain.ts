/**
 * Why a definite path found nothing, worded the way Step Functions words it (it reports the
 * path in bracket form, e.g. `$['a']['b']`): a missing member in the middle of the path is
 * "Missing property in path $['a']", a missing last step is "No results for path: $['a']['b']".
 * The engine puts this after "Invalid path '<path>' : " for InputPath, OutputPath and the
 * other path fields.
 */
import type { JsonPath, Selector } from '../../asl/paths/ast';
import type { JsonValue } from '../json';
import type { PathRoots } from './evaluate';
import { isJsonObject } from '../json';
import { child, rootValue } from './evaluate';

/** The bracket form AWS prints in causes: `$['a'][0]` for `$.a[0]`, the first `upTo` segments only. */
export function normalizedPath(path: JsonPath, upTo = Infinity): string {
  let text = rootText(path);
  let count = 0;
  for (const segment of path.segments) {
    if (count++ >= upTo) break;
    if (segment.descendant) text += '..';
    text += selectorText(segment.selector);
  }
  return text;
}

function selectorText(selector: Selector): string {
  switch (selector.kind) {
    case 'name':
      return `['${selector.name}']`;
    case 'index':
      return `[${selector.index}]`;
    case 'wildcard':
      return '[*]';
    case 'slice':
      return `[${selector.start ?? ''}:${selector.end ?? ''}${selector.step === undefined ? '' : `:${selector.step}`}]`;
    case 'union':
      return `[${selector.members.map((member) => selectorText(member).slice(1, -1)).join(',')}]`;
    case 'filter':
      return '[?]';
  }
}

function rootText(path: JsonPath): string {
  switch (path.root.kind) {
    case 'input':
      return '$';
    case 'context':
      return '$$';
    case 'variable':
      return `$${path.root.name}`;
    case 'current':
      return '@';
  }
}

/** Why `path` (definite) selects nothing in `roots`; meaningful only when it does select nothing. */
export function explainMissing(path: JsonPath, roots: PathRoots): string {
  const steps = path.steps ?? [];
  let node: JsonValue | undefined = rootValue(path.root, roots);
  if (node === undefined) return `The variable '${rootText(path).slice(1)}' is not defined`;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (step === undefined) break;
    const next = child(node, step);
    if (next === undefined) {
      const last = i === steps.length - 1;
      if (typeof step === 'string' && !isJsonObject(node)) {
        return `Expected to find an object with property ['${step}'] in path ${normalizedPath(path, i)} but found '${kindName(node)}'`;
      }
      if (last || typeof step === 'number') return `No results for path: ${normalizedPath(path)}`;
      return `Missing property in path ${normalizedPath(path, i + 1)}`;
    }
    node = next;
  }
  return `No results for path: ${normalizedPath(path)}`;
}

function kindName(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
