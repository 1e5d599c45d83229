import type { StringNode } from '../ast';
import { parseIntrinsicCached, type IntrinsicArgument } from '../intrinsics';
import type { State } from '../model';
import { classifyPayloadString, parsePathCached } from '../paths';
import type { RuleContext } from './context';
import { asString } from './expressionSites';
import { parseJsonata } from './jsonataExpressions';

/** A read of a workflow variable: `$name` in a path, an intrinsic argument or a JSONata expression. */
export interface VariableUse {
  readonly name: string;
  readonly node: StringNode;
  /** The characters of `$name` inside the string value. */
  readonly start: number;
  readonly end: number;
}

/** Every variable a state reads, in both query languages. */
export function variableUsesOf(context: RuleContext, state: State): VariableUse[] {
  const uses: VariableUse[] = [];
  for (const site of context.sitesOf(state).expressions) {
    const node = asString(site.value);
    if (node === undefined) continue;
    const kind = classifyPayloadString(node.value);
    if (kind === 'variable-path') {
      const parsed = parsePathCached(node.value);
      if (parsed.ok && parsed.path.root.kind === 'variable') {
        const root = parsed.path.root;
        uses.push({ name: root.name, node, start: root.offset, end: root.offset + root.length });
      }
    } else if (kind === 'intrinsic') {
      const parsed = parseIntrinsicCached(node.value);
      if (parsed.ok) collectIntrinsic(parsed.call.args, node, uses, 0);
    }
  }
  for (const found of context.sitesOf(state).jsonata) {
    const parsed = parseJsonata(found.expression);
    if (!parsed.ok) continue;
    for (const read of parsed.variableReads) {
      uses.push({
        name: read.name,
        node: found.node,
        start: found.start + read.start,
        end: found.start + read.end,
      });
    }
  }
  return uses;
}

function collectIntrinsic(
  args: readonly IntrinsicArgument[],
  node: StringNode,
  uses: VariableUse[],
  depth: number,
): void {
  if (depth > 20) return;
  for (const arg of args) {
    if (arg.kind === 'call') collectIntrinsic(arg.args, node, uses, depth + 1);
    else if (arg.kind === 'path' && arg.path.root.kind === 'variable') {
      const root = arg.path.root;
      uses.push({ name: root.name, node, start: root.offset, end: root.offset + root.length });
    }
  }
}
