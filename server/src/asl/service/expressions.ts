import { endOf, type Span, type ValueNode } from '../ast';
import type { State } from '../model';
import type { StateMachine } from '../model';
import type { ParsedDocument } from '../parse';
import { childOf, type PathSegment } from '../queries';
import type { CursorContext } from './cursor';
import { fieldDoc } from './fieldTables';
import { roleAt, type Role } from './roles';
import { isJsonPathField } from './variables';

/** A string holding an expression, and the word of it under the cursor. */
export interface ExpressionSite {
  readonly mode: 'jsonpath' | 'jsonata';
  /** The state (and query language) the expression belongs to. */
  readonly role: Role;
  /** The word under the cursor: `$$.Execution.Id`, `States.Format`, `$states.input`, `$sum`, `$name.x`. */
  readonly token: Span;
  /** The part of the word before the cursor. */
  readonly typed: string;
  /** The whole word. */
  readonly word: string;
  /** Keys and indexes from the state's body to the string (`['Catch', 0, 'Output']`); empty outside a state. */
  readonly statePath: readonly PathSegment[];
}

const TOKEN = /[\w.$]/;

/** The expression under the cursor, when the cursor is inside a JSONPath or JSONata string. */
export function expressionSite(
  document: ParsedDocument,
  model: StateMachine,
  context: CursorContext,
  offset: number,
): ExpressionSite | undefined {
  if (context.kind !== 'value') return undefined;
  const value = context.value;
  if (value?.kind !== 'string') return undefined;
  const text = document.text;
  const start = value.offset + (context.quoted ? 1 : 0);
  const end =
    endOf(value) - (context.quoted && value.length > 1 && /["']/.test(text[endOf(value) - 1] ?? '') ? 1 : 0);
  if (offset < start || offset > end) return undefined;
  const before = text.slice(start, offset);
  const role = roleAt(model, context.path.slice(0, context.inArray ? -2 : -1));
  let mode: ExpressionSite['mode'];
  const open = before.lastIndexOf('{%');
  if (open >= 0 && before.indexOf('%}', open) < 0) mode = 'jsonata';
  else if (
    isJsonPathField(context.key) ||
    (context.key !== undefined && fieldDoc(role, context.key)?.value.kind === 'path')
  )
    mode = 'jsonpath';
  else return undefined;
  let tokenStart = offset;
  while (tokenStart > start && TOKEN.test(text[tokenStart - 1] ?? '')) tokenStart--;
  let tokenEnd = offset;
  while (tokenEnd < end && TOKEN.test(text[tokenEnd] ?? '')) tokenEnd++;
  return {
    mode,
    role,
    token: { offset: tokenStart, length: tokenEnd - tokenStart },
    typed: text.slice(tokenStart, offset),
    word: text.slice(tokenStart, tokenEnd),
    statePath: pathInState(model, context.path, role.state),
  };
}

/** The part of a path from the root that lies inside the state's body. */
function pathInState(
  model: StateMachine,
  path: readonly PathSegment[],
  state: State | undefined,
): readonly PathSegment[] {
  if (state?.node === undefined) return [];
  let node: ValueNode | undefined = model.root;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (segment === undefined) break;
    node = childOf(node, segment);
    if (node === state.node) return path.slice(i + 1);
  }
  return [];
}
