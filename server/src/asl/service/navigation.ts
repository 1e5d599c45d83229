import { spanOf, type Span, type StringNode } from '../ast';
import type { State, StateMachine } from '../model';
import type { ParsedDocument } from '../parse';
import { stateKeyAt, stateReferences, targetOf } from './stateReferences';
import { variableIndex, variableSymbol, type VariableSymbol } from './variables';

/** What a navigation request is about: a state (by its name or a reference to it) or a variable. */
export type NavigationTarget =
  | { readonly kind: 'state'; readonly state: State; readonly at: StringNode }
  | { readonly kind: 'missingState'; readonly name: string; readonly at: StringNode }
  | { readonly kind: 'variable'; readonly symbol: VariableSymbol; readonly at: Span };

export function symbolAt(
  document: ParsedDocument,
  model: StateMachine,
  offset: number,
): NavigationTarget | undefined {
  const reference = stateReferences(model).referenceAt(offset);
  if (reference !== undefined) {
    const target = targetOf(reference);
    return target === undefined
      ? { kind: 'missingState', name: reference.name, at: reference.node }
      : { kind: 'state', state: target, at: reference.node };
  }
  const state = stateKeyAt(model, offset);
  if (state !== undefined) return { kind: 'state', state, at: state.key };
  const index = variableIndex(document, model);
  const variable = index.at(offset);
  if (variable === undefined) return undefined;
  const at = variable.kind === 'use' ? variable.use.span : variable.definition.nameSpan;
  return { kind: 'variable', symbol: variableSymbol(index, variable), at };
}

/** Go to definition: the state's name, or the Assign keys whose value the read (or key) may see. */
export function definitionAt(document: ParsedDocument, model: StateMachine, offset: number): readonly Span[] {
  const symbol = symbolAt(document, model, offset);
  if (symbol === undefined || symbol.kind === 'missingState') return [];
  if (symbol.kind === 'state') return [spanOf(symbol.state.key)];
  return symbol.symbol.definitions.map((d) => d.nameSpan);
}

/** Find references: every place naming the state (its own key first when asked), or every read and write of a variable. */
export function referencesAt(
  document: ParsedDocument,
  model: StateMachine,
  offset: number,
  includeDeclaration: boolean,
): readonly Span[] {
  const symbol = symbolAt(document, model, offset);
  if (symbol === undefined || symbol.kind === 'missingState') return [];
  if (symbol.kind === 'state') {
    const references = stateReferences(model)
      .referencesTo(symbol.state)
      .map((r) => spanOf(r.node));
    return includeDeclaration ? [spanOf(symbol.state.key), ...references] : references;
  }
  const uses = symbol.symbol.uses.map((u) => u.span);
  const definitions = includeDeclaration ? symbol.symbol.definitions.map((d) => d.nameSpan) : [];
  return [...definitions, ...uses].sort((a, b) => a.offset - b.offset);
}
