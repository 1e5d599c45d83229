import type { StringNode } from '../ast';
import { parseIntrinsicCached, type IntrinsicParseResult } from '../intrinsics';
import { classifyPayloadString } from '../paths';
import { asString, type ExpressionSite } from './expressionSites';

export interface IntrinsicSite {
  readonly site: ExpressionSite;
  readonly node: StringNode;
  readonly parsed: IntrinsicParseResult;
}

/** Intrinsic calls where Step Functions evaluates them: `.$` values of payload templates, and Fail's ErrorPath/CausePath. */
export function collectIntrinsicSites(expressions: readonly ExpressionSite[]): IntrinsicSite[] {
  const found: IntrinsicSite[] = [];
  for (const site of expressions) {
    if (site.role !== 'payload' && site.role !== 'errorPath') continue;
    const node = asString(site.value);
    if (node === undefined || classifyPayloadString(node.value) !== 'intrinsic') continue;
    found.push({ site, node, parsed: parseIntrinsicCached(node.value) });
  }
  return found;
}
