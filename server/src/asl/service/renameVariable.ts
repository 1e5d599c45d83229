import type { State, StateMachine } from '../model';
import type { ParsedDocument } from '../parse';
import { locate } from '../queries';
import { RESERVED_VARIABLES, VARIABLE_NAME } from '../rules/assignments';
import { JSONATA_FUNCTIONS } from './docs';
import type { TextEdit } from './types';
import { variableIndex, visibleScopes, type VariableSymbol } from './variables';

export type VariableRename =
  | { readonly kind: 'ok'; readonly edits: readonly TextEdit[] }
  | { readonly kind: 'error'; readonly message: string };

/**
 * Renames a variable: every Assign key and every read that belongs to it (see variableSymbol).
 * Refused when the new name would change what some expression means: another variable of that
 * name that these states can see or that can see them, a name an expression binds itself
 * (`$x := ...`, a lambda parameter), or a JSONata function the variable would hide.
 */
export function renameVariable(
  document: ParsedDocument,
  model: StateMachine,
  symbol: VariableSymbol,
  requested: string,
): VariableRename {
  const name = requested.startsWith('$') ? requested.slice(1) : requested;
  if (!VARIABLE_NAME.test(name) || RESERVED_VARIABLES.has(name)) {
    return {
      kind: 'error',
      message: `"${requested}" is not a valid variable name: use letters, digits and underscores, starting with a letter or underscore (and not "states").`,
    };
  }
  if (name === symbol.name) return { kind: 'ok', edits: [] };
  if (JSONATA_FUNCTIONS.some((fn) => fn.name === `$${name}`))
    return {
      kind: 'error',
      message: `A variable named "$${name}" would hide the JSONata function $${name}().`,
    };
  const inexact = symbol.uses.find((use) => !use.exact);
  if (inexact !== undefined) {
    return {
      kind: 'error',
      message: `"$${symbol.name}" is read in "${inexact.state.name}" inside a string whose characters cannot be edited one by one (a YAML block scalar): rename it there by hand first.`,
    };
  }
  const states = [...symbol.definitions.map((d) => d.state), ...symbol.uses.map((u) => u.state)];
  const index = variableIndex(document, model);
  const other = [...index.definitionsOf(name), ...index.usesOf(name)].find((item) =>
    states.some((state) => related(state, item.state)),
  );
  if (other !== undefined) {
    return {
      kind: 'error',
      message: `"$${name}" is already used in "${other.state.name}", where it would mix with this variable.`,
    };
  }
  const binding = symbol.uses.find((use) => bindsName(document, use.span.offset, name));
  if (binding !== undefined) {
    return {
      kind: 'error',
      message: `The expression in "${binding.state.name}" already has its own "$${name}".`,
    };
  }
  const edits: TextEdit[] = [
    ...symbol.definitions.map((d) => ({ span: d.nameSpan, newText: name })),
    ...symbol.uses.map((u) => ({ span: u.span, newText: `$${name}` })),
  ];
  return { kind: 'ok', edits: edits.sort((a, b) => a.span.offset - b.span.offset) };
}

/** Two states whose variables can meet: one's scope is visible from the other. */
function related(a: State, b: State): boolean {
  return visibleScopes(a).has(b.scope) || visibleScopes(b).has(a.scope);
}

/** Whether the string holding the read already spells `$name` (a local binding, since no variable read has it). */
function bindsName(document: ParsedDocument, offset: number, name: string): boolean {
  const value = document.root === undefined ? undefined : locate(document.root, offset).value;
  if (value?.kind !== 'string') return false;
  return new RegExp(`\\$${name}(?![\\p{L}\\p{N}_])`, 'u').test(value.value);
}
