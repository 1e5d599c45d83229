import { endOf, propertyOf, type Span, type StringNode, type ValueNode } from '../ast';
import type { ParsedDocument } from '../parse';
import type { State, StateMachine } from '../model';
import { lastStartingAtOrBefore } from './stateReferences';

/** A workflow variable set by an `Assign` field. */
export interface VariableDefinition {
  readonly name: string;
  /** The Assign key (for JSONPath `name.$` keys, the whole key). */
  readonly key: StringNode;
  /** The span of the name itself inside the key. */
  readonly nameSpan: Span;
  readonly state: State;
}

/** `$name` read in a JSONPath path or a JSONata expression. */
export interface VariableUse {
  readonly name: string;
  /** The span of `$name`. */
  readonly span: Span;
}

export interface VariableIndex {
  readonly definitions: readonly VariableDefinition[];
  readonly uses: readonly VariableUse[];
  definitionsOf(name: string): readonly VariableDefinition[];
  usesOf(name: string): readonly VariableUse[];
  /** The definition or use under the offset. */
  at(offset: number): { readonly name: string; readonly span: Span } | undefined;
}

const cache = new WeakMap<StateMachine, VariableIndex>();

/** Assign definitions and `$name` uses of a document, indexed once per model. */
export function variableIndex(document: ParsedDocument, model: StateMachine): VariableIndex {
  const cached = cache.get(model);
  if (cached !== undefined) return cached;
  const definitions: VariableDefinition[] = [];
  for (const state of model.states) {
    collectAssign(propertyOf(state.node, 'Assign')?.value, state, definitions);
    for (const field of ['Catch', 'Choices']) {
      const list = propertyOf(state.node, field)?.value;
      if (list?.kind !== 'array') continue;
      for (const item of list.items) collectAssign(propertyOf(item, 'Assign')?.value, state, definitions);
    }
  }
  definitions.sort((a, b) => a.key.offset - b.key.offset);
  const uses: VariableUse[] = [];
  if (model.root !== undefined) collectUses(document.text, model.root, undefined, uses);
  uses.sort((a, b) => a.span.offset - b.span.offset);
  const byName = <T extends { name: string }>(items: readonly T[]): Map<string, T[]> => {
    const map = new Map<string, T[]>();
    for (const item of items) {
      const list = map.get(item.name);
      if (list === undefined) map.set(item.name, [item]);
      else list.push(item);
    }
    return map;
  };
  const definitionsByName = byName(definitions);
  const usesByName = byName(uses);
  const index: VariableIndex = {
    definitions,
    uses,
    definitionsOf: (name) => definitionsByName.get(name) ?? [],
    usesOf: (name) => usesByName.get(name) ?? [],
    at: (offset) => {
      const use = lastStartingAtOrBefore(uses, offset, (u) => u.span.offset);
      if (use !== undefined && offset <= endOf(use.span)) return use;
      const definition = lastStartingAtOrBefore(definitions, offset, (d) => d.nameSpan.offset);
      if (definition !== undefined && offset <= endOf(definition.nameSpan)) {
        return { name: definition.name, span: definition.nameSpan };
      }
      return undefined;
    },
  };
  cache.set(model, index);
  return index;
}

function collectAssign(assign: ValueNode | undefined, state: State, out: VariableDefinition[]): void {
  if (assign?.kind !== 'object' || assign.aliasOf !== undefined) return;
  for (const property of assign.properties) {
    const key = property.key;
    const name = key.value.endsWith('.$') ? key.value.slice(0, -2) : key.value;
    if (name === '') continue;
    const quoted = key.length > key.value.length;
    out.push({ name, key, nameSpan: { offset: key.offset + (quoted ? 1 : 0), length: name.length }, state });
  }
}

const VARIABLE = /(?<![\w$])\$([A-Za-z_][A-Za-z0-9_]*)/g;

function collectUses(text: string, node: ValueNode, key: string | undefined, out: VariableUse[]): void {
  if (node.aliasOf !== undefined) return;
  switch (node.kind) {
    case 'object':
      for (const property of node.properties) {
        if (property.value !== undefined) collectUses(text, property.value, property.key.value, out);
      }
      return;
    case 'array':
      for (const item of node.items) collectUses(text, item, key, out);
      return;
    case 'string':
      scanString(text, node, key, out);
      return;
    default:
      return;
  }
}

function scanString(text: string, node: StringNode, key: string | undefined, out: VariableUse[]): void {
  if (!node.value.includes('$')) return;
  const jsonata = isJsonata(node.value);
  if (!jsonata && !isJsonPathField(key)) return;
  const raw = text.slice(node.offset, endOf(node));
  for (const match of raw.matchAll(VARIABLE)) {
    const name = match[1] ?? '';
    const at = match.index;
    if (jsonata) {
      if (name === 'states') continue;
      if (/^\s*\(/.test(raw.slice(at + match[0].length))) continue;
    }
    out.push({ name, span: { offset: node.offset + at, length: match[0].length } });
  }
}

/** A string holding a JSONata expression: `{% ... %}`. */
export function isJsonata(value: string): boolean {
  const trimmed = value.trim();
  return trimmed.startsWith('{%') && trimmed.endsWith('%}');
}

/** A field whose string value is a JSONPath (or an intrinsic function call) rather than a literal. */
export function isJsonPathField(key: string | undefined): boolean {
  return key !== undefined && (key.endsWith('.$') || key.endsWith('Path') || key === 'Variable');
}
