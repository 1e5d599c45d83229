/**
 * Reference paths: the paths Step Functions allows where exactly one node must be named
 * (ResultPath, Choice's Variable, ItemsPath, the ...Path fields): names and non-negative
 * indexes only. This check looks at the steps; which roots a field accepts (`$`, `$$`,
 * variables) is the caller's rule.
 */
import type { JsonPath, PathSegment, SyntaxProblem } from './ast';

const WHY: Readonly<Record<string, string>> = {
  descendant: 'selects every match at any depth',
  wildcard: 'selects every member',
  slice: 'selects a range of items',
  union: 'selects several members',
  filter: 'selects the items that match a filter',
};

/** Undefined when `path` is a reference path; otherwise the first step that is not, and why. */
export function checkReferencePath(path: JsonPath): SyntaxProblem | undefined {
  for (const segment of path.segments) {
    const problem = problemOf(segment);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

export function isReferencePath(path: JsonPath): boolean {
  return checkReferencePath(path) === undefined;
}

function problemOf(segment: PathSegment): SyntaxProblem | undefined {
  const { selector } = segment;
  const reason = segment.descendant ? WHY['descendant'] : WHY[selector.kind];
  if (reason !== undefined) {
    return {
      offset: segment.offset,
      length: segment.length,
      message: `Only a single node may be named here, but "${textOf(segment)}" ${reason}: use names and indexes only.`,
    };
  }
  if (selector.kind === 'index' && selector.index < 0) {
    return {
      offset: selector.offset,
      length: selector.length,
      message:
        'Only a single node may be named here: negative indexes are not allowed, count from the start.',
    };
  }
  return undefined;
}

function textOf(segment: PathSegment): string {
  if (segment.descendant) return '..';
  switch (segment.selector.kind) {
    case 'wildcard':
      return '*';
    case 'slice':
      return '[:]';
    case 'union':
      return '[a,b]';
    case 'filter':
      return '[?(...)]';
    default:
      return '';
  }
}
