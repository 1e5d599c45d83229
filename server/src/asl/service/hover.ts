import { propertyOf, spanOf, type Span } from '../ast';
import { intrinsicFunction } from '../intrinsics';
import { stringValue, type State, type StateMachine } from '../model';
import type { ParsedDocument } from '../parse';
import { locate, type PathSegment } from '../queries';
import { cursorContext } from './cursor';
import {
  CONTEXT_FIELDS,
  isStateType,
  JSONATA_FUNCTIONS,
  LAMBDA_ERRORS,
  RESOURCES,
  STATE_TYPE_DOCS,
  STATES_ERRORS,
  STATES_VARIABLE_FIELDS,
  STATES_VARIABLE_LINK,
  VARIABLES_LINK,
} from './docs';
import { expressionSite } from './expressions';
import { fieldDoc } from './fieldTables';
import {
  contextMarkdown,
  errorMarkdown,
  fieldMarkdown,
  functionMarkdown,
  intrinsicMarkdown,
  stateTypeMarkdown,
  titledMarkdown,
} from './markdown';
import { roleAt } from './roles';
import { stateKeyAt, stateReferences, targetOf } from './stateReferences';
import type { Hover } from './types';
import { statesFieldAbsence, statesFieldVerdict } from '../statesFields';
import { variableIndex, variableSymbol } from './variables';

/** Documentation of what is under the cursor: a field, a state type, a state, an error, an expression word. */
export function hoverAt(document: ParsedDocument, model: StateMachine, offset: number): Hover | undefined {
  return (
    expressionHover(document, model, offset) ??
    variableHover(document, model, offset) ??
    stateHover(model, offset) ??
    nodeHover(document, model, offset)
  );
}

function expressionHover(document: ParsedDocument, model: StateMachine, offset: number): Hover | undefined {
  const context = cursorContext(document, offset);
  if (context === undefined) return undefined;
  const site = expressionSite(document, model, context, offset);
  if (site === undefined || site.word === '') return undefined;
  const word = site.word;
  const span = site.token;
  if (site.mode === 'jsonpath') {
    if (word.startsWith('$$.')) return contextHover(word.slice(3), '$$.', span, offset);
    const call = /^States\.\w+/.exec(word)?.[0];
    const fn = call === undefined ? undefined : intrinsicFunction(call);
    if (fn !== undefined)
      return { markdown: intrinsicMarkdown(fn), span: { offset: span.offset, length: fn.name.length } };
    return undefined;
  }
  if (word.startsWith('$states.context.'))
    return contextHover(word.slice(16), '$states.context.', span, offset);
  const statesField = /^\$states\.(\w+)/.exec(word)?.[1];
  if (statesField !== undefined) {
    const doc = STATES_VARIABLE_FIELDS.find((f) => f.name === statesField);
    if (doc !== undefined) {
      const verdict = statesFieldVerdict(site.role.state?.type, site.statePath, doc.name);
      const absence =
        verdict === 'unavailable' ? `\n\n${statesFieldAbsence(doc.name, site.role.state?.type)}` : '';
      return {
        markdown: titledMarkdown(`$states.${doc.name}`, `${doc.summary}${absence}`, STATES_VARIABLE_LINK),
        span: { offset: span.offset, length: 8 + doc.name.length },
      };
    }
  }
  const name = /^\$\w+/.exec(word)?.[0];
  const fn = JSONATA_FUNCTIONS.find((f) => f.name === name);
  if (fn !== undefined)
    return { markdown: functionMarkdown(fn), span: { offset: span.offset, length: fn.name.length } };
  return undefined;
}

/** `$$.Execution.Id` and `$states.context.Execution.Id`: the segment under the cursor and those before it. */
function contextHover(rest: string, prefix: string, token: Span, offset: number): Hover | undefined {
  const start = token.offset + prefix.length;
  const within = Math.max(0, offset - start);
  const end = rest.indexOf('.', within);
  const path = end < 0 ? rest : rest.slice(0, end);
  const doc = CONTEXT_FIELDS.find((f) => f.path === path);
  if (doc === undefined) return undefined;
  return {
    markdown: contextMarkdown(doc, prefix),
    span: { offset: token.offset, length: prefix.length + path.length },
  };
}

function variableHover(document: ParsedDocument, model: StateMachine, offset: number): Hover | undefined {
  const index = variableIndex(document, model);
  const found = index.at(offset);
  if (found === undefined) return undefined;
  const symbol = variableSymbol(index, found);
  const lines = [`**$${symbol.name}** — workflow variable`, ''];
  const assigned = [...new Set(symbol.definitions.map((d) => `"${d.state.name}"`))];
  lines.push(
    assigned.length === 0
      ? 'No state that this read can see assigns it: add it to an `Assign` field of a state that runs before.'
      : `Assigned in ${assigned.join(', ')}.`,
  );
  if (found.kind === 'use') {
    const visible = index.visibleAt(found.use.state);
    if (visible !== undefined && !visible.has(symbol.name) && assigned.length > 0)
      lines.push(
        '',
        `No assignment runs before "${found.use.state.name}" on any path: here it has no value.`,
      );
  }
  const reads = symbol.uses.length;
  lines.push(
    '',
    `Read in ${reads} place${reads === 1 ? '' : 's'}.`,
    '',
    `[AWS documentation](${VARIABLES_LINK})`,
  );
  const span = found.kind === 'use' ? found.use.span : found.definition.nameSpan;
  return { markdown: lines.join('\n'), span };
}

function stateHover(model: StateMachine, offset: number): Hover | undefined {
  const reference = stateReferences(model).referenceAt(offset);
  if (reference !== undefined) {
    const target = targetOf(reference);
    const markdown = target === undefined ? `No state named "${reference.name}" here.` : statePreview(target);
    return { markdown, span: spanOf(reference.node) };
  }
  const state = stateKeyAt(model, offset);
  if (state === undefined) return undefined;
  return { markdown: statePreview(state), span: spanOf(state.key) };
}

/** A state at a glance: its type, what it runs, where it goes. */
function statePreview(state: State): string {
  const lines = [`**${state.name}** — ${state.type ?? 'no Type'} state`];
  const resource = stringValue(propertyOf(state.node, 'Resource')?.value);
  if (resource !== undefined) lines.push(`- Resource: \`${resource}\``);
  const next = stringValue(propertyOf(state.node, 'Next')?.value);
  if (next !== undefined) lines.push(`- Next: \`${next}\``);
  if (propertyOf(state.node, 'End')?.value?.kind === 'boolean')
    lines.push('- End: the last state of its scope');
  const defaultState = stringValue(propertyOf(state.node, 'Default')?.value);
  if (defaultState !== undefined) lines.push(`- Default: \`${defaultState}\``);
  const comment = stringValue(propertyOf(state.node, 'Comment')?.value);
  if (comment !== undefined) lines.push('', comment);
  if (isStateType(state.type)) lines.push('', STATE_TYPE_DOCS[state.type].summary);
  return lines.join('\n');
}

function nodeHover(document: ParsedDocument, model: StateMachine, offset: number): Hover | undefined {
  if (document.root === undefined) return undefined;
  const location = locate(document.root, offset);
  const property = location.property;
  if (property === undefined) return undefined;
  const key = property.key.value;
  if (location.onKey) {
    const role = roleAt(model, location.path.slice(0, -1));
    const doc = fieldDoc(role, key);
    return doc === undefined ? undefined : { markdown: fieldMarkdown(doc), span: spanOf(property.key) };
  }
  const value = location.value;
  if (value === undefined || value.kind === 'object' || value.kind === 'array') return undefined;
  const span = spanOf(value);
  const inArray = typeof location.path[location.path.length - 1] === 'number';
  const text = stringValue(value);
  if (inArray && key === 'ErrorEquals' && text !== undefined) return errorHover(text, span);
  if (inArray) return undefined;
  const role = roleAt(model, ownerOf(location.path));
  if (key === 'Type' && role.kind === 'state' && isStateType(text))
    return { markdown: stateTypeMarkdown(STATE_TYPE_DOCS[text]), span };
  if (key === 'Error' && text !== undefined) return errorHover(text, span);
  if (key === 'Resource' && text !== undefined) {
    const doc = RESOURCES.find((r) => r.arn === text);
    if (doc !== undefined) return { markdown: titledMarkdown(doc.arn, doc.summary, doc.link), span };
  }
  const doc = fieldDoc(role, key);
  return doc === undefined ? undefined : { markdown: fieldMarkdown(doc), span };
}

function ownerOf(path: readonly PathSegment[]): readonly PathSegment[] {
  return path.slice(0, -1);
}

function errorHover(name: string, span: Span): Hover | undefined {
  const doc = STATES_ERRORS.find((e) => e.name === name) ?? LAMBDA_ERRORS.find((e) => e.name === name);
  return doc === undefined ? undefined : { markdown: errorMarkdown(doc), span };
}
