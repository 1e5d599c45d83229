import type { IntrinsicFunction } from '../intrinsics';
import type { ContextFieldDoc, ErrorDoc, FieldDoc, FunctionDoc, StateTypeDoc, ValueShape } from './docs';
import { CONTEXT_LINK, INTRINSICS_LINK } from './docs';

/** The markdown shown in hovers and completion details, built from docs.ts. */

export function fieldMarkdown(field: FieldDoc): string {
  const lines = [`**${field.name}** — ${shapeLabel(field.value)}`, '', field.summary];
  const values =
    field.value.kind === 'enum' ? field.value.values.map((v) => `\`${v}\``).join(', ') : undefined;
  if (values !== undefined) lines.push('', `Allowed values: ${values}.`);
  lines.push('', languageLine(field));
  if (field.deprecated !== undefined) lines.push('', `Deprecated: ${field.deprecated}`);
  lines.push('', `[AWS documentation](${field.link})`);
  return lines.join('\n');
}

function languageLine(field: FieldDoc): string {
  if (field.queryLanguage === 'both') return 'Query language: JSONPath and JSONata.';
  if (field.queryLanguage === 'JSONata') return 'Query language: JSONata only.';
  const instead = field.jsonataEquivalent === undefined ? '' : ` In JSONata use ${field.jsonataEquivalent}.`;
  return `Query language: JSONPath only.${instead}`;
}

export function shapeLabel(shape: ValueShape): string {
  switch (shape.kind) {
    case 'stateName':
      return 'state name';
    case 'enum':
      return shape.values.length <= 4 ? shape.values.join(' | ') : `one of ${shape.values.length} values`;
    case 'path':
      return 'JSONPath';
    case 'resource':
      return 'ARN';
    case 'json':
      return 'any JSON value';
    default:
      return shape.kind;
  }
}

/** Text with the link to its AWS page under it. */
export function withAwsLink(text: string, link: string): string {
  return `${text}\n\n[AWS documentation](${link})`;
}

/** A bold title, its text, and the link to its AWS page. */
export function titledMarkdown(title: string, text: string, link: string): string {
  return withAwsLink(`**${title}**\n\n${text}`, link);
}

export function stateTypeMarkdown(doc: StateTypeDoc): string {
  return titledMarkdown(`${doc.name} state`, doc.summary, doc.link);
}

export function errorMarkdown(doc: ErrorDoc): string {
  return titledMarkdown(doc.name, doc.raised, doc.link);
}

export function contextMarkdown(doc: ContextFieldDoc, prefix: string): string {
  return titledMarkdown(`${prefix}${doc.path}`, doc.summary, CONTEXT_LINK);
}

export function functionMarkdown(doc: FunctionDoc): string {
  const origin = doc.stepFunctions ? 'JSONata function added by Step Functions' : 'JSONata function';
  return [
    '```jsonata',
    doc.signature,
    '```',
    '',
    `${doc.summary} (${origin}.)`,
    '',
    `[Documentation](${doc.link})`,
  ].join('\n');
}

export function intrinsicMarkdown(fn: IntrinsicFunction): string {
  return [
    '```',
    fn.signature,
    '```',
    '',
    fn.description,
    '',
    `Example: \`${fn.example}\``,
    '',
    `[AWS documentation](${INTRINSICS_LINK})`,
  ].join('\n');
}
