import type { Span } from '../ast';
import { INTRINSIC_FUNCTIONS, type IntrinsicFunction } from '../intrinsics';
import type { StateMachine } from '../model';
import type { ParsedDocument } from '../parse';
import type { ValueContext } from './cursor';
import {
  CONTEXT_FIELDS,
  JSONATA_FUNCTIONS,
  STATES_VARIABLE_FIELDS,
  STATES_VARIABLE_LINK,
  VARIABLES_LINK,
} from './docs';
import { expressionSite, type ExpressionSite } from './expressions';
import { contextMarkdown, functionMarkdown, intrinsicMarkdown, withAwsLink } from './markdown';
import type { CompletionEntry } from './types';
import { statesFieldsAt } from '../statesFields';
import { variableIndex, visibleScopes } from './variables';

/**
 * Completion inside a JSONPath string (`.$` values, *Path fields) or a JSONata `{% %}`
 * expression. Undefined when the cursor is not in one, so that value completion takes over.
 */
export function completeExpression(
  document: ParsedDocument,
  model: StateMachine,
  context: ValueContext,
  offset: number,
): readonly CompletionEntry[] | undefined {
  const site = expressionSite(document, model, context, offset);
  if (site === undefined) return undefined;
  return site.mode === 'jsonata'
    ? completeJsonata(document, model, site)
    : completeJsonPath(document, model, site);
}

function completeJsonPath(
  document: ParsedDocument,
  model: StateMachine,
  site: ExpressionSite,
): CompletionEntry[] {
  const typed = site.typed;
  if (typed.startsWith('$$.')) return contextFields(site, 3, '$$.');
  if (typed.startsWith('$') && !typed.startsWith('$$') && !typed.includes('.') && typed.length > 1) {
    return variables(document, model, site);
  }
  if (typed === '' || typed === '$' || /^S(t(a(t(e(s(\.\w*)?)?)?)?)?)?$/.test(typed)) {
    return [
      ...INTRINSIC_FUNCTIONS.map((fn) => intrinsic(fn, site.token)),
      ...variables(document, model, site),
      {
        label: '$$.',
        kind: 'field',
        detail: 'context object',
        documentation: 'The context object: details of the execution, the state, the task and the Map item.',
        insertText: '\\$\\$.',
        snippet: true,
        replace: site.token,
        retrigger: true,
      },
    ];
  }
  return [];
}

function completeJsonata(
  document: ParsedDocument,
  model: StateMachine,
  site: ExpressionSite,
): CompletionEntry[] {
  const typed = site.typed;
  if (typed.startsWith('$states.context.'))
    return contextFields(site, '$states.context.'.length, '$states.context.');
  if (typed.startsWith('$states.')) {
    const replace = lastSegment(site, '$states.'.length);
    const available = new Set<string>(statesFieldsAt(site.role.state?.type, site.statePath));
    return STATES_VARIABLE_FIELDS.filter((field) => available.has(field.name)).map((field) => ({
      label: field.name,
      kind: 'field',
      detail: `$states.${field.name}`,
      documentation: withAwsLink(field.summary, STATES_VARIABLE_LINK),
      insertText: field.name === 'context' ? 'context.' : field.name,
      snippet: false,
      replace,
      ...(field.name === 'context' ? { retrigger: true } : {}),
    }));
  }
  if (typed !== '' && !/^\$\w*$/.test(typed)) return [];
  return [
    {
      label: '$states',
      kind: 'variable',
      detail: 'reserved variable',
      documentation: withAwsLink(
        "The state's input, result, error output and context.",
        STATES_VARIABLE_LINK,
      ),
      insertText: '\\$states.',
      snippet: true,
      replace: site.token,
      sortText: '0',
      retrigger: true,
    },
    ...variables(document, model, site),
    ...JSONATA_FUNCTIONS.map((fn): CompletionEntry => {
      return {
        label: fn.name,
        kind: 'function',
        detail: fn.signature,
        documentation: functionMarkdown(fn),
        insertText: signatureSnippet(fn.name, fn.signature),
        snippet: true,
        replace: site.token,
        sortText: `${fn.stepFunctions ? 2 : 3}${fn.name}`,
      };
    }),
  ];
}

function contextFields(site: ExpressionSite, rootLength: number, prefix: string): CompletionEntry[] {
  const rest = site.typed.slice(rootLength);
  const dot = rest.lastIndexOf('.');
  const parent = dot < 0 ? '' : rest.slice(0, dot);
  const replace = lastSegment(site, rootLength + dot + 1);
  return CONTEXT_FIELDS.filter((field) => {
    const fieldDot = field.path.lastIndexOf('.');
    return (fieldDot < 0 ? '' : field.path.slice(0, fieldDot)) === parent;
  }).map((field) => {
    const name = field.path.slice(field.path.lastIndexOf('.') + 1);
    const hasChildren = CONTEXT_FIELDS.some((other) => other.path.startsWith(`${field.path}.`));
    return {
      label: name,
      kind: 'field',
      detail: prefix + field.path,
      documentation: contextMarkdown(field, prefix),
      insertText: hasChildren ? `${name}.` : name,
      snippet: false,
      replace,
      ...(hasChildren ? { retrigger: true } : {}),
    };
  });
}

/** The span from `skip` characters into the token to the end of the word's current segment. */
function lastSegment(site: ExpressionSite, skip: number): Span {
  const start = site.token.offset + skip;
  const restOfWord = site.word.slice(site.typed.length);
  const segmentEnd = restOfWord.search(/[.]/);
  const end = site.token.offset + site.typed.length + (segmentEnd < 0 ? restOfWord.length : segmentEnd);
  return { offset: start, length: Math.max(0, end - start) };
}

function intrinsic(fn: IntrinsicFunction, replace: Span): CompletionEntry {
  const parameters = fn.parameters.filter((p) => p.optional !== true);
  const args = parameters.map((p, i) => `\${${i + 1}:${p.name}}`).join(', ');
  return {
    label: fn.name,
    kind: 'function',
    detail: fn.signature,
    documentation: intrinsicMarkdown(fn),
    insertText: `${fn.name}(${args})`,
    snippet: true,
    replace,
    sortText: `1${fn.name}`,
  };
}

/**
 * The variables that may be set when the cursor's state starts (the validator's flow analysis).
 * A state not wired in yet cannot run, so it gets what its scope and the enclosing ones assign
 * elsewhere: better than nothing while the workflow is being written.
 */
function variables(document: ParsedDocument, model: StateMachine, site: ExpressionSite): CompletionEntry[] {
  const state = site.role.state;
  if (state === undefined) return [];
  const index = variableIndex(document, model);
  const visible = index.visibleAt(state);
  const names =
    visible ??
    new Set(
      [...visibleScopes(state)].flatMap((scope) =>
        index.definitions.filter((d) => d.state.scope === scope && d.state !== state).map((d) => d.name),
      ),
    );
  const entries: CompletionEntry[] = [];
  for (const name of [...names].sort()) {
    const where = [...new Set(index.definitionsVisibleFrom(state, name).map((d) => `"${d.state.name}"`))];
    const assigned = where.length === 0 ? 'an enclosing scope' : where.join(', ');
    entries.push({
      label: `$${name}`,
      kind: 'variable',
      detail: `variable assigned in ${assigned}`,
      documentation: withAwsLink(
        `Workflow variable, assigned by the \`Assign\` of ${assigned}.${visible === undefined ? ' (This state is not reachable yet, so every assignment of its scope is offered.)' : ''}`,
        VARIABLES_LINK,
      ),
      insertText: `\\$${name}`,
      snippet: true,
      replace: site.token,
      sortText: `1${name}`,
    });
  }
  return entries;
}

/** `$substring(${1:str}, ${2:start})`: the required parameters of a signature as tab stops. */
function signatureSnippet(name: string, signature: string): string {
  const open = signature.indexOf('(');
  const inside = signature.slice(open + 1, signature.lastIndexOf(')'));
  const required = inside
    .replace(/\[.*$/, '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '' && p !== '...');
  const args = required.map((p, i) => `\${${i + 1}:${p}}`).join(', ');
  return `\\${name}(${args})`;
}
