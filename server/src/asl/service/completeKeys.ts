import { propertyOf, type Span } from '../ast';
import { stringValue, type State, type StateMachine } from '../model';
import type { ParsedDocument } from '../parse';
import { FLOWING_TYPES } from '../rules/terminal';
import type { KeyContext } from './cursor';
import { type FieldDoc, type ValueShape, MACHINE_FIELDS } from './docs';
import { appendProperty, indentUnit, jsonCommas, nextEntry, redirectTransition } from './editing';
import { allowedFields } from './fieldTables';
import { fieldMarkdown, shapeLabel } from './markdown';
import { roleAt, type Role } from './roles';
import { machineSnippet, STATE_SNIPPETS, type StateSnippet } from './snippets';
import { escapeSnippet, renderEntry, renderString, renderValue, type TemplateObject } from './template';
import type { CompletionEntry, TextEdit } from './types';

export function completeKeys(
  document: ParsedDocument,
  model: StateMachine,
  context: KeyContext,
): CompletionEntry[] {
  const role = roleAt(model, context.path);
  if (role.kind === 'states') return completeNewStates(document, model, context, role);
  const present = new Set<string>();
  for (const property of context.object?.properties ?? []) {
    if (property !== context.property) present.add(property.key.value);
  }
  // End and Next exclude each other: offering one when the other is there only invites an error.
  if (present.has('End')) present.add('Next');
  if (present.has('Next')) present.add('End');
  const emptyJson = document.format === 'json' && document.root === undefined;
  const entries = (emptyJson ? [] : allowedFields(role))
    .filter((field) => !present.has(field.name) && field.deprecated === undefined)
    .map((field, i) => keyEntry(document, context, field, i));
  if (context.path.length === 0 && document.root === undefined) {
    entries.unshift(...newMachine(document, context, role));
  }
  return entries;
}

function keyEntry(
  document: ParsedDocument,
  context: KeyContext,
  field: FieldDoc,
  order: number,
): CompletionEntry {
  const json = document.format === 'json';
  const unit = indentUnit(document.text);
  const name = json ? `"${field.name}"` : renderString(field.name, 'yaml');
  const placeholder = valuePlaceholder(field, json, unit);
  const separator = placeholder.startsWith('\n') ? ':' : ': ';
  let insertText = context.hasColon
    ? escapeSnippet(name, { snippet: true })
    : `${escapeSnippet(name, { snippet: true })}${separator}${placeholder}`;
  let additionalEdits: TextEdit[] | undefined;
  if (json && !context.hasColon) {
    const commas = jsonCommas(document.text, context.replace);
    insertText = commas.prefix + insertText + commas.suffix;
    if (commas.before !== undefined) additionalEdits = [commas.before];
  }
  const retrigger =
    !context.hasColon && (field.value.kind === 'stateName' || field.value.kind === 'resource');
  return {
    label: field.name,
    kind: 'property',
    detail: shapeLabel(field.value),
    documentation: fieldMarkdown(field),
    insertText,
    snippet: true,
    replace: context.replace,
    ...(json ? { filterText: `"${field.name}"` } : {}),
    sortText: `${field.required === true ? 0 : 1}${String(order).padStart(3, '0')}`,
    ...(additionalEdits === undefined ? {} : { additionalEdits }),
    ...(retrigger ? { retrigger } : {}),
  };
}

/** What follows the colon of a new key: a tab stop shaped for the value. */
function valuePlaceholder(field: FieldDoc, json: boolean, unit: string): string {
  if (field.name === 'End') return 'true';
  const shape: ValueShape = field.value;
  switch (shape.kind) {
    case 'boolean':
      return '${1|true,false|}';
    case 'integer':
    case 'number':
      return '$1';
    case 'enum': {
      const options = shape.values.join(',');
      const quoted = json || shape.values.some((v) => renderString(v, 'yaml') !== v);
      return quoted ? `"\${1|${options}|}"` : `\${1|${options}|}`;
    }
    case 'object':
      return json ? `{\n${unit}$1\n}` : `\n${unit}$1`;
    case 'array':
      return json ? '[$1]' : `\n${unit}- $1`;
    case 'json':
      return '$1';
    default:
      return json ? '"$1"' : '$1';
  }
}

function newMachine(document: ParsedDocument, context: KeyContext, role: Role): CompletionEntry[] {
  const options = { format: document.format, indent: indentUnit(document.text), snippet: true } as const;
  return (['JSONPath', 'JSONata'] as const).map((language) => {
    const body = machineSnippet(language);
    const text = renderValue(body, options);
    return {
      label: `New state machine (${language})`,
      kind: 'snippet',
      detail: `StartAt, States and one Pass state`,
      documentation: MACHINE_FIELDS[0]?.summary ?? '',
      insertText: text,
      snippet: true,
      replace: context.replace,
      sortText: language === role.queryLanguage ? '00' : '01',
    };
  });
}

// ---- new states ------------------------------------------------------------------------------

function completeNewStates(
  document: ParsedDocument,
  model: StateMachine,
  context: KeyContext,
  role: Role,
): CompletionEntry[] {
  const json = document.format === 'json';
  const options = { format: document.format, indent: indentUnit(document.text), snippet: true } as const;
  const commas = json
    ? jsonCommas(document.text, context.replace)
    : { prefix: '', suffix: '', before: undefined };
  const previous = previousState(role, context.replace);
  const entries: CompletionEntry[] = [];
  STATE_SNIPPETS.forEach((snippet, i) => {
    const name = uniqueName(model, snippet.name);
    const base = snippet.body(role.queryLanguage);
    const plain: TemplateObject = FLOWING_TYPES.has(snippet.type) ? { ...base, End: true } : base;
    const keyText = json
      ? `"\${1:${escapeSnippet(name, options)}}"`
      : `\${1:${escapeSnippet(name, options)}}`;
    entries.push({
      label: snippet.label,
      kind: 'snippet',
      detail: `${snippet.type} state`,
      documentation: snippet.description,
      insertText: `${commas.prefix}${keyText}${entryTail(plain, options)}${commas.suffix}`,
      snippet: true,
      replace: context.replace,
      filterText: json ? `"${snippet.label}"` : snippet.label,
      sortText: `1${String(i).padStart(2, '0')}a`,
      ...(commas.before === undefined ? {} : { additionalEdits: [commas.before] }),
    });
    const wired = previous === undefined ? undefined : wireIn(document, previous, name, snippet, base);
    // In a half-typed document the previous state's End can be where the new state would go.
    if (wired === undefined || previous === undefined || touches(wired.edit.span, context.replace)) return;
    entries.push({
      label: `${snippet.label}, after "${previous.name}"`,
      kind: 'snippet',
      detail: `${snippet.type} state, wired in after "${previous.name}"`,
      documentation: `${snippet.description}\n\nAlso sets the \`Next\` of "${previous.name}" to the new state.`,
      insertText: `${commas.prefix}${escapeSnippet(renderString(name, document.format), options)}${entryTail(wired.body, options)}${commas.suffix}`,
      snippet: true,
      replace: context.replace,
      filterText: json ? `"${snippet.label}"` : snippet.label,
      sortText: `1${String(i).padStart(2, '0')}b`,
      additionalEdits: [...(commas.before === undefined ? [] : [commas.before]), wired.edit],
    });
  });
  return entries;
}

/** Whether two spans share a character or a position: edits of one completion must not. */
function touches(a: Span, b: Span): boolean {
  return a.offset <= b.offset + b.length && b.offset <= a.offset + a.length;
}

/** `: {...}` (JSON) or `:\n  ...` (YAML) after a key. */
function entryTail(
  body: TemplateObject,
  options: { format: 'json' | 'yaml'; indent: string; snippet: boolean },
): string {
  const text = renderEntry('x', body, options);
  return text.slice(options.format === 'json' ? 3 : 1);
}

/** The state defined just before the cursor in the same scope, when the new state can follow it. */
function previousState(role: Role, at: Span): State | undefined {
  let found: State | undefined;
  for (const state of role.scope?.states ?? []) {
    if (state.property.offset < at.offset) found = state;
  }
  return found !== undefined && FLOWING_TYPES.has(found.type ?? '') ? found : undefined;
}

/**
 * The new state placed between `previous` and its successor: `previous` now goes to the new
 * state, and the new state goes where `previous` went (or ends, if `previous` ended).
 */
function wireIn(
  document: ParsedDocument,
  previous: State,
  name: string,
  snippet: StateSnippet,
  base: TemplateObject,
): { body: TemplateObject; edit: TextEdit } | undefined {
  if (previous.node === undefined) return undefined;
  const oldNext = stringValue(propertyOf(previous.node, 'Next')?.value);
  const flowing = FLOWING_TYPES.has(snippet.type);
  let body: TemplateObject = base;
  if (oldNext !== undefined) {
    if (snippet.type === 'Choice') body = { ...base, Default: oldNext };
    else if (flowing) body = { ...base, Next: oldNext };
    else return undefined;
  } else if (flowing) {
    body = { ...base, End: true };
  }
  const edit =
    redirectTransition(document, previous.node, name) ??
    appendProperty(document, previous.node, nextEntry(document, name));
  return { body, edit };
}

function uniqueName(model: StateMachine, base: string): string {
  if (!model.statesByName.has(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base} ${i}`;
    if (!model.statesByName.has(candidate)) return candidate;
  }
}
