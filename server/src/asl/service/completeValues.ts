import type { Span } from '../ast';
import type { StateMachine } from '../model';
import type { ParsedDocument } from '../parse';
import type { PathSegment } from '../queries';
import type { ValueContext } from './cursor';
import { isStateType, LAMBDA_ERRORS, RESOURCES, STATE_TYPE_DOCS, STATES_ERRORS, type FieldDoc } from './docs';
import { indentUnit, lineIndent, lineStart } from './editing';
import { errorNamesIn } from './errorNames';
import { fieldDoc } from './fieldTables';
import { errorMarkdown, fieldMarkdown, stateTypeMarkdown, withAwsLink } from './markdown';
import { roleAt, type Role } from './roles';
import { entrySnippets } from './snippets';
import { renderString, renderValue } from './template';
import type { CompletionEntry, CompletionKind } from './types';

/** Completion of a value: state names, enum values, Booleans, ARNs, error names, list entries. */
export function completeValues(
  document: ParsedDocument,
  model: StateMachine,
  context: ValueContext,
): CompletionEntry[] {
  const key = context.key;
  if (key === undefined) return [];
  const role = roleAt(model, ownerPath(context));
  if (context.inArray) {
    if (key === 'ErrorEquals') return errorNames(document, model, context);
    if (role.kind === 'state' || role.kind === 'machine') return listEntries(document, context, role, key);
    return [];
  }
  const field = fieldDoc(role, key);
  if (field === undefined) return [];
  if (key === 'Error' && role.kind === 'state') return customErrors(document, model, context);
  switch (field.value.kind) {
    case 'stateName':
      return stateNames(document, context, role, key);
    case 'enum':
      return field.value.values.map((value, i) =>
        scalar(document, context, value, 'enum', {
          documentation:
            key === 'Type' && isStateType(value)
              ? stateTypeMarkdown(STATE_TYPE_DOCS[value])
              : fieldMarkdown(field),
          sortText: String(i).padStart(3, '0'),
        }),
      );
    case 'boolean':
      return [true, false].map((value) => literal(context, String(value), field));
    case 'resource':
      return resources(document, context, role);
    default:
      return [];
  }
}

/** The path of the object holding the field: without the key, and without the index for list items. */
function ownerPath(context: ValueContext): readonly PathSegment[] {
  return context.path.slice(0, context.inArray ? -2 : -1);
}

function stateNames(
  document: ParsedDocument,
  context: ValueContext,
  role: Role,
  key: string,
): CompletionEntry[] {
  const self = role.kind === 'state' && key === 'Next' ? role.state : undefined;
  const states = role.scope?.states ?? [];
  const entries: CompletionEntry[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < states.length; i++) {
    const state = states[i];
    if (state === undefined || state === self || seen.has(state.name)) continue;
    seen.add(state.name);
    entries.push(
      scalar(document, context, state.name, 'state', {
        detail: state.type === undefined ? 'state' : `${state.type} state`,
        sortText: sortKey(i),
      }),
    );
  }
  return entries;
}

/** A sort key that keeps document order: fixed-width so that text order is number order. */
function sortKey(index: number): string {
  return index.toString(36).padStart(4, '0');
}

function resources(document: ParsedDocument, context: ValueContext, role: Role): CompletionEntry[] {
  const s3 = role.kind === 'itemReader' || role.kind === 'resultWriter';
  const list = RESOURCES.filter((r) => (s3 ? r.arn.includes(':::s3:') : !r.arn.includes(':::s3:')));
  return list.map((r, i) => {
    const sdk = r.arn.endsWith('aws-sdk:service:action');
    const entry = scalar(document, context, r.arn, 'resource', {
      documentation: withAwsLink(r.summary, r.link),
      sortText: String(i).padStart(3, '0'),
    });
    if (!sdk) return entry;
    const quote = document.format === 'json' || context.quoted ? '"' : '';
    return {
      ...entry,
      insertText: `${quote}arn:aws:states:::aws-sdk:\${1:service}:\${2:action}${quote}`,
      snippet: true,
    };
  });
}

function errorNames(document: ParsedDocument, model: StateMachine, context: ValueContext): CompletionEntry[] {
  const entries: CompletionEntry[] = [];
  const seen = new Set<string>();
  const add = (name: string, documentation: string, group: number): void => {
    if (seen.has(name)) return;
    seen.add(name);
    entries.push(scalar(document, context, name, 'error', { documentation, sortText: `${group}${name}` }));
  };
  for (const name of errorNamesIn(model)) add(name, 'An error name used elsewhere in this workflow.', 0);
  for (const doc of STATES_ERRORS) add(doc.name, errorMarkdown(doc), 1);
  for (const doc of LAMBDA_ERRORS) add(doc.name, errorMarkdown(doc), 2);
  return entries;
}

function customErrors(
  document: ParsedDocument,
  model: StateMachine,
  context: ValueContext,
): CompletionEntry[] {
  return errorNamesIn(model).map((name) =>
    scalar(document, context, name, 'error', {
      documentation: 'An error name used elsewhere in this workflow.',
    }),
  );
}

function listEntries(
  document: ParsedDocument,
  context: ValueContext,
  role: Role,
  key: string,
): CompletionEntry[] {
  const snippets = entrySnippets(key, role.queryLanguage);
  if (snippets.length === 0) return [];
  const text = document.text;
  const unit = indentUnit(text);
  const options = { format: document.format, indent: unit, snippet: true } as const;
  // YAML continuation lines line up with the first key, after the "- " that the user typed.
  const start = context.replace.offset;
  const afterIndent = start - lineStart(text, start) - lineIndent(text, start).length;
  // In the indentation before an item's "- ", an entry would land inside that line.
  if (document.format === 'yaml' && afterIndent < 0) return [];
  const extra = document.format === 'yaml' ? ' '.repeat(afterIndent) : '';
  return snippets.map((snippet, i) => {
    const rendered = renderValue(snippet.body, options);
    const insertText = document.format === 'yaml' ? rendered.replace(/\n/g, `\n${extra}`) : rendered;
    return {
      label: snippet.label,
      kind: 'snippet',
      detail: `${key} entry`,
      documentation: snippet.description,
      insertText: insertText + jsonItemComma(document, context.replace),
      snippet: true,
      replace: context.replace,
      sortText: String(i).padStart(2, '0'),
    };
  });
}

function jsonItemComma(document: ParsedDocument, replace: Span): string {
  if (document.format !== 'json') return '';
  let after = replace.offset + replace.length;
  while (after < document.text.length && /\s/.test(document.text[after] ?? '')) after++;
  return document.text[after] === '{' ? ',' : '';
}

interface Extra {
  readonly detail?: string;
  readonly documentation?: string;
  readonly sortText?: string;
}

/** A string value, quoted as the format and the typed text want it. */
function scalar(
  document: ParsedDocument,
  context: ValueContext,
  value: string,
  kind: CompletionKind,
  extra: Extra,
): CompletionEntry {
  if (document.format === 'json' || context.quoted) {
    const quoted = JSON.stringify(value);
    return {
      label: value,
      kind,
      insertText: quoted,
      snippet: false,
      replace: context.replace,
      filterText: quoted,
      ...extra,
    };
  }
  // Right after a YAML colon (completion triggered by ":"), the value needs its space.
  const space = document.text[context.replace.offset - 1] === ':' ? ' ' : '';
  return {
    label: value,
    kind,
    insertText: space + renderString(value, 'yaml'),
    snippet: false,
    replace: context.replace,
    ...extra,
  };
}

function literal(context: ValueContext, text: string, field: FieldDoc): CompletionEntry {
  return {
    label: text,
    kind: 'value',
    documentation: fieldMarkdown(field),
    insertText: text,
    snippet: false,
    replace: context.replace,
  };
}
