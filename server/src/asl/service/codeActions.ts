import { propertyOf, spanOf, toValue, type ObjectNode, type PropertyNode, type Span } from '../ast';
import { stringValue, type State, type StateMachine } from '../model';
import type { ParsedDocument } from '../parse';
import { locate, nodeAtPath, stateAt } from '../queries';
import { FLOWING_TYPES } from '../rules/terminal';
import { appendProperty, indentLater, lineIndent, redirectTransition, removeProperty } from './editing';
import { closestNames } from '../levenshtein';
import { renderEntry, renderString, type Template } from './template';
import { stateKeyAt, stateReferences } from './stateReferences';
import { convertStateToJsonata } from './convertState';
import { toJsonata } from './toJsonata';
import type { TextEdit } from './types';
import { indentUnit } from './editing';

/** A diagnostic the client shows in the requested range: its code and where it is. */
export interface DiagnosticRef extends Span {
  readonly code: string;
}

export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The diagnostic it fixes, when it fixes one. */
  readonly diagnostic: DiagnosticRef | undefined;
  /** The fix to apply with one keystroke, when it is clearly the right one. */
  readonly preferred: boolean;
}

/** Quick fixes for the diagnostics in a range, plus fixes that need no diagnostic (a path value under a key without `.$`). */
export function codeActionsFor(
  document: ParsedDocument,
  model: StateMachine,
  range: Span,
  diagnostics: readonly DiagnosticRef[],
): readonly QuickFix[] {
  const fixes: QuickFix[] = [];
  for (const diagnostic of diagnostics) {
    const make = (title: string, edits: readonly TextEdit[], preferred = false): QuickFix => ({
      title,
      edits,
      diagnostic,
      preferred,
    });
    fixes.push(...fixesFor(document, model, diagnostic, make));
  }
  fixes.push(...evaluateAsPath(document, range));
  fixes.push(...convertState(document, model, range));
  return fixes;
}

/** Offered anywhere in a JSONPath state whose every field has a mechanical JSONata rewriting. */
function convertState(document: ParsedDocument, model: StateMachine, range: Span): QuickFix[] {
  const state = stateAt(model, range.offset);
  if (state === undefined) return [];
  const edit = convertStateToJsonata(document, model, state);
  if (edit === undefined) return [];
  return [
    { title: `Convert "${state.name}" to JSONata`, edits: [edit], diagnostic: undefined, preferred: false },
  ];
}

type Make = (title: string, edits: readonly TextEdit[], preferred?: boolean) => QuickFix;

function fixesFor(
  document: ParsedDocument,
  model: StateMachine,
  diagnostic: DiagnosticRef,
  make: Make,
): QuickFix[] {
  switch (diagnostic.code) {
    case 'ASL-NEXT-UNKNOWN':
    case 'ASL-START-AT-UNKNOWN':
      return misspelledState(document, model, diagnostic, make);
    case 'ASL-TRANSITION-MISSING':
      return missingTransition(document, stateKeyAt(model, diagnostic.offset), make);
    case 'ASL-END-AND-NEXT':
      return endAndNext(document, stateAt(model, diagnostic.offset), make);
    case 'ASL-UNREACHABLE':
      return unreachable(document, stateKeyAt(model, diagnostic.offset), make);
    case 'ASL-CHOICE-NO-DEFAULT':
      return addDefault(document, stateAt(model, diagnostic.offset), make);
    case 'ASL-JSONPATH-ONLY-FIELD':
      return jsonataEquivalent(document, diagnostic, make);
    case 'ASL-PAYLOAD-EXPRESSION':
      return dropDollar(document, diagnostic, make);
    default:
      return [];
  }
}

function misspelledState(
  document: ParsedDocument,
  model: StateMachine,
  diagnostic: DiagnosticRef,
  make: Make,
): QuickFix[] {
  const reference = stateReferences(model).referenceAt(diagnostic.offset);
  if (reference === undefined) return [];
  const self = reference.kind === 'Next' ? reference.from?.name : undefined;
  const names = [...reference.scope.byName.keys()].filter((name) => name !== self);
  return closestNames(reference.name, names).map((name, i) =>
    make(
      `Change to "${name}"`,
      [{ span: spanOf(reference.node), newText: renderString(name, document.format) }],
      i === 0,
    ),
  );
}

function entry(document: ParsedDocument, key: string, value: Template): string {
  return renderEntry(key, value, {
    format: document.format,
    indent: indentUnit(document.text),
    snippet: false,
  });
}

/** The state after this one in its States object, to propose as its Next. */
function followingState(state: State): State | undefined {
  const states = state.scope.states;
  return states[states.indexOf(state) + 1];
}

function missingTransition(document: ParsedDocument, state: State | undefined, make: Make): QuickFix[] {
  if (state?.node === undefined) return [];
  const fixes: QuickFix[] = [];
  const following = followingState(state);
  if (following !== undefined) {
    fixes.push(
      make(
        `Add "Next": "${following.name}"`,
        [appendProperty(document, state.node, entry(document, 'Next', following.name))],
        true,
      ),
    );
  }
  fixes.push(
    make(
      'Add "End": true',
      [appendProperty(document, state.node, entry(document, 'End', true))],
      following === undefined,
    ),
  );
  return fixes;
}

function endAndNext(document: ParsedDocument, state: State | undefined, make: Make): QuickFix[] {
  const node = state?.node;
  if (node === undefined) return [];
  const fixes: QuickFix[] = [];
  const end = propertyOf(node, 'End');
  const next = propertyOf(node, 'Next');
  if (end !== undefined)
    fixes.push(make('Remove "End" (keep "Next")', [removeProperty(document, node, end)], true));
  if (next !== undefined)
    fixes.push(make('Remove "Next" (keep "End")', [removeProperty(document, node, next)]));
  return fixes;
}

function unreachable(document: ParsedDocument, state: State | undefined, make: Make): QuickFix[] {
  if (state === undefined) return [];
  const fixes: QuickFix[] = [];
  const states = state.scope.statesProperty?.value;
  if (states?.kind === 'object')
    fixes.push(make(`Delete state "${state.name}"`, [removeProperty(document, states, state.property)]));
  const list = state.scope.states;
  const previous = list
    .slice(0, list.indexOf(state))
    .reverse()
    .find((s) => FLOWING_TYPES.has(s.type ?? '') && s.node !== undefined);
  if (previous?.node !== undefined) {
    const edits = wireAfter(document, previous.node, state);
    if (edits !== undefined) fixes.push(make(`Run "${state.name}" after "${previous.name}"`, edits, true));
  }
  return fixes;
}

/** `previous` goes to `state`, and `state` takes over where `previous` went (or ends). */
function wireAfter(document: ParsedDocument, previous: ObjectNode, state: State): TextEdit[] | undefined {
  const oldNext = stringValue(propertyOf(previous, 'Next')?.value);
  const stateHasTransition =
    propertyOf(state.node, 'Next') !== undefined || propertyOf(state.node, 'End') !== undefined;
  const redirect = redirectTransition(document, previous, state.name);
  if (redirect === undefined) return undefined;
  const edits: TextEdit[] = [redirect];
  if (!stateHasTransition && state.node !== undefined && FLOWING_TYPES.has(state.type ?? '')) {
    edits.push(
      appendProperty(
        document,
        state.node,
        oldNext === undefined ? entry(document, 'End', true) : entry(document, 'Next', oldNext),
      ),
    );
  }
  return edits;
}

function addDefault(document: ParsedDocument, state: State | undefined, make: Make): QuickFix[] {
  if (state?.node === undefined || state.type !== 'Choice') return [];
  const target = followingState(state) ?? state.scope.states.find((s) => s !== state);
  if (target === undefined) return [];
  return [
    make(
      `Add "Default": "${target.name}"`,
      [appendProperty(document, state.node, entry(document, 'Default', target.name))],
      true,
    ),
  ];
}

/** JSONPath-only fields and what JSONata states use instead. */
const JSONATA_FIELD: Readonly<
  Record<string, { readonly field: string; readonly root: 'input' | 'result' } | undefined>
> = {
  Parameters: { field: 'Arguments', root: 'input' },
  ResultSelector: { field: 'Output', root: 'result' },
  Result: { field: 'Output', root: 'input' },
  ItemsPath: { field: 'Items', root: 'input' },
  TimeoutSecondsPath: { field: 'TimeoutSeconds', root: 'input' },
  HeartbeatSecondsPath: { field: 'HeartbeatSeconds', root: 'input' },
  SecondsPath: { field: 'Seconds', root: 'input' },
  TimestampPath: { field: 'Timestamp', root: 'input' },
  ErrorPath: { field: 'Error', root: 'input' },
  CausePath: { field: 'Cause', root: 'input' },
  MaxConcurrencyPath: { field: 'MaxConcurrency', root: 'input' },
  ToleratedFailurePercentagePath: { field: 'ToleratedFailurePercentage', root: 'input' },
  ToleratedFailureCountPath: { field: 'ToleratedFailureCount', root: 'input' },
};

function jsonataEquivalent(document: ParsedDocument, diagnostic: DiagnosticRef, make: Make): QuickFix[] {
  const found = propertyAtKey(document, diagnostic.offset);
  if (found === undefined) return [];
  const { property, object } = found;
  const name = property.key.value;
  const target = JSONATA_FIELD[name];
  if (target === undefined || property.value === undefined) {
    return [
      make(`Remove "${name}" (JSONata states read $states.input and $states.result directly)`, [
        removeProperty(document, object, property),
      ]),
    ];
  }
  if (propertyOf(object, target.field) !== undefined) return [];
  const converted = toJsonata(
    toValue(property.value),
    target.root,
    name !== 'Parameters' && name !== 'ResultSelector' && name !== 'Result',
  );
  if (converted === undefined) return [];
  const text = indentLater(
    entry(document, target.field, converted),
    lineIndent(document.text, property.offset),
  );
  return [
    make(`Replace "${name}" with "${target.field}"`, [{ span: spanOf(property), newText: text }], true),
  ];
}

function dropDollar(document: ParsedDocument, diagnostic: DiagnosticRef, make: Make): QuickFix[] {
  if (document.root === undefined) return [];
  const location = locate(document.root, diagnostic.offset);
  const property = location.property;
  if (property === undefined || !property.key.value.endsWith('.$')) return [];
  const value = property.value;
  if (value?.kind === 'string' && /^\$|^States\./.test(value.value)) return [];
  const bare = property.key.value.slice(0, -2);
  return [
    make(
      `Use a literal value: rename "${property.key.value}" to "${bare}"`,
      [{ span: spanOf(property.key), newText: renderString(bare, document.format) }],
      true,
    ),
  ];
}

/** `"Key": "$.x"` takes "$.x" literally; `"Key.$"` would evaluate it. Offered where the cursor is. */
function evaluateAsPath(document: ParsedDocument, range: Span): QuickFix[] {
  if (document.root === undefined) return [];
  const location = locate(document.root, range.offset);
  const property = location.property;
  const value = property?.value;
  if (property === undefined || value?.kind !== 'string' || property.key.value.endsWith('.$')) return [];
  if (!/^(\$\$?\.|States\.\w+\()/.test(value.value)) return [];
  if (
    !location.path.some(
      (segment) =>
        segment === 'Parameters' ||
        segment === 'ResultSelector' ||
        segment === 'ItemSelector' ||
        segment === 'Assign',
    )
  ) {
    return [];
  }
  const key = `${property.key.value}.$`;
  return [
    {
      title: `Evaluate "${value.value}": rename "${property.key.value}" to "${key}"`,
      edits: [{ span: spanOf(property.key), newText: renderString(key, document.format) }],
      diagnostic: undefined,
      preferred: false,
    },
  ];
}

function propertyAtKey(
  document: ParsedDocument,
  offset: number,
): { property: PropertyNode; object: ObjectNode } | undefined {
  if (document.root === undefined) return undefined;
  const location = locate(document.root, offset);
  if (location.property === undefined) return undefined;
  const node = nodeAtPath(document.root, location.path.slice(0, -1));
  return node?.kind === 'object' ? { property: location.property, object: node } : undefined;
}
