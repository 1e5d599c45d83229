import { describeScope, type StateMachine } from '../model';
import type { ParsedDocument } from '../parse';
import { quotedContent, spanOf, type Span, type StringNode } from '../ast';
import { symbolAt } from './navigation';
import { stateReferences } from './stateReferences';
import { yamlScalar } from './template';
import type { TextEdit } from './types';
import { renameVariable } from './renameVariable';

export type PrepareRenameResult =
  | { readonly kind: 'ok'; readonly span: Span; readonly placeholder: string }
  | { readonly kind: 'error'; readonly message: string };

export type RenameResult =
  | { readonly kind: 'ok'; readonly edits: readonly TextEdit[] }
  | { readonly kind: 'error'; readonly message: string };

const MAX_STATE_NAME = 80;

/** Whether the name under the cursor can be renamed, and which text the editor should select. */
export function prepareRename(
  document: ParsedDocument,
  model: StateMachine,
  offset: number,
): PrepareRenameResult {
  const symbol = symbolAt(document, model, offset);
  if (symbol === undefined)
    return { kind: 'error', message: 'Only state names and workflow variables can be renamed.' };
  if (symbol.kind === 'missingState') {
    return { kind: 'error', message: `There is no state named "${symbol.name}" to rename.` };
  }
  if (symbol.kind === 'state')
    return { kind: 'ok', span: contentSpan(document, symbol.at), placeholder: symbol.state.name };
  const text = document.text.slice(symbol.at.offset, symbol.at.offset + symbol.at.length);
  const skip = text.startsWith('$') ? 1 : 0;
  return {
    kind: 'ok',
    span: { offset: symbol.at.offset + skip, length: symbol.at.length - skip },
    placeholder: symbol.symbol.name,
  };
}

/** Renames a state (its key and every reference in its scope) or a variable (every Assign and read). */
export function renameAt(
  document: ParsedDocument,
  model: StateMachine,
  offset: number,
  newName: string,
): RenameResult {
  const symbol = symbolAt(document, model, offset);
  if (symbol === undefined || symbol.kind === 'missingState')
    return { kind: 'error', message: 'Nothing to rename here.' };
  if (symbol.kind === 'state') {
    const state = symbol.state;
    if (newName === state.name) return { kind: 'ok', edits: [] };
    if (newName.trim() === '') return { kind: 'error', message: 'A state name cannot be empty.' };
    if (newName.length > MAX_STATE_NAME) {
      return {
        kind: 'error',
        message: `A state name has at most ${MAX_STATE_NAME} characters; "${newName}" has ${newName.length}.`,
      };
    }
    const clash = model.statesByName.get(newName)?.[0];
    if (clash !== undefined) {
      return {
        kind: 'error',
        message: `A state named "${newName}" already exists in ${describeScope(clash.scope)}: state names must be unique in the whole state machine.`,
      };
    }
    const nodes = [
      state.key,
      ...stateReferences(model)
        .referencesTo(state)
        .map((r) => r.node),
    ];
    return {
      kind: 'ok',
      edits: nodes.map((node) => ({ span: spanOf(node), newText: quoteLike(document, node, newName) })),
    };
  }
  return renameVariable(document, model, symbol.symbol, newName);
}

/** The characters of a string without its quotes. */
function contentSpan(document: ParsedDocument, node: StringNode): Span {
  return quotedContent(document.text, node) ?? spanOf(node);
}

/** The new name written the way the old one was: JSON string, YAML plain or quoted scalar. */
function quoteLike(document: ParsedDocument, node: StringNode, name: string): string {
  if (document.format === 'json') return JSON.stringify(name);
  const first = document.text[node.offset];
  if (first === '"') return JSON.stringify(name);
  if (first === "'") return `'${name.replace(/'/g, "''")}'`;
  return yamlScalar(name);
}
