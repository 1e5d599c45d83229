import type { DocumentFormat } from '../parse';

/**
 * Values to insert, written once and rendered as JSON or YAML text, with snippet tab stops.
 * Strings are literal; `tab()` and `choice()` mark where the cursor goes next.
 */
export type Template =
  string | number | boolean | null | Placeholder | Choice | TemplateObject | readonly Template[];
export interface TemplateObject {
  readonly [key: string]: Template;
}

export class Placeholder {
  constructor(
    readonly index: number,
    readonly text: string,
    /** A string value (quoted in JSON) or raw text (a number, a whole object). */
    readonly quoted: boolean,
  ) {}
}

export class Choice {
  constructor(
    readonly index: number,
    readonly options: readonly string[],
    readonly quoted: boolean,
  ) {}
}

/** A string tab stop: `"${1:text}"` in JSON, `${1:text}` in YAML. */
export const tab = (index: number, text = ''): Placeholder => new Placeholder(index, text, true);
/** A tab stop for a number or other raw text. */
export const rawTab = (index: number, text = ''): Placeholder => new Placeholder(index, text, false);
export const choice = (index: number, ...options: string[]): Choice => new Choice(index, options, true);

export interface RenderOptions {
  readonly format: DocumentFormat;
  /** One level of indentation, e.g. two spaces. */
  readonly indent: string;
  /** Snippet syntax (tab stops, escapes) or plain text. */
  readonly snippet: boolean;
}

/** The text of a value, first line unindented, later lines indented relative to it. */
export function renderValue(value: Template, options: RenderOptions): string {
  return options.format === 'json' ? json(value, '', options) : yamlInline(value, '', options);
}

/** `key: value` (YAML) or `"key": value` (JSON). */
export function renderEntry(key: string, value: Template, options: RenderOptions): string {
  if (options.format === 'json')
    return `${escapeSnippet(JSON.stringify(key), options)}: ${json(value, '', options)}`;
  return yamlEntry(key, value, '', options);
}

/** A name or other string as a key or scalar of the format. */
export function renderString(value: string, format: DocumentFormat): string {
  return format === 'json' ? JSON.stringify(value) : yamlScalar(value);
}

function json(value: Template, indent: string, options: RenderOptions): string {
  if (value instanceof Placeholder) {
    const stop = placeholder(value, options);
    return value.quoted ? `"${stop}"` : stop;
  }
  if (value instanceof Choice) {
    const stop = choiceText(value, options);
    return value.quoted ? `"${stop}"` : stop;
  }
  if (value === null || typeof value !== 'object') return escapeSnippet(JSON.stringify(value), options);
  const inner = indent + options.indent;
  if (isTemplateArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((item) => typeof item !== 'object' || item === null || item instanceof Placeholder)) {
      return `[${value.map((item) => json(item, inner, options)).join(', ')}]`;
    }
    return `[\n${value.map((item) => inner + json(item, inner, options)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const lines = entries.map(
    ([k, v]) => `${inner}${escapeSnippet(JSON.stringify(k), options)}: ${json(v, inner, options)}`,
  );
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

function yamlInline(value: Template, indent: string, options: RenderOptions): string {
  if (
    value instanceof Placeholder ||
    value instanceof Choice ||
    value === null ||
    typeof value !== 'object'
  ) {
    return yamlScalarOf(value, options);
  }
  if (isTemplateArray(value)) {
    if (value.length === 0) return '[]';
    return value
      .map((item, i) => `${i === 0 ? '' : indent}- ${yamlInline(item, indent + '  ', options)}`)
      .join('\n');
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return entries.map(([k, v], i) => (i === 0 ? '' : indent) + yamlEntry(k, v, indent, options)).join('\n');
}

function yamlEntry(key: string, value: Template, indent: string, options: RenderOptions): string {
  const name = escapeSnippet(yamlScalar(key), options);
  const isCollection =
    value !== null &&
    typeof value === 'object' &&
    !(value instanceof Placeholder) &&
    !(value instanceof Choice);
  if (!isCollection) return `${name}: ${yamlScalarOf(value, options)}`;
  const empty = isTemplateArray(value) ? value.length === 0 : Object.keys(value).length === 0;
  if (empty) return `${name}: ${isTemplateArray(value) ? '[]' : '{}'}`;
  const inner = indent + options.indent;
  return `${name}:\n${inner}${yamlInline(value, inner, options)}`;
}

function yamlScalarOf(value: Template, options: RenderOptions): string {
  if (value instanceof Placeholder) {
    const stop = placeholder(value, options);
    return value.quoted && needsQuotes(value.text) ? `"${stop}"` : stop;
  }
  if (value instanceof Choice) return choiceText(value, options);
  if (typeof value === 'string') return escapeSnippet(yamlScalar(value), options);
  return JSON.stringify(value);
}

/** A plain YAML scalar when that reads back as the same string, else a double-quoted one. */
export function yamlScalar(value: string): string {
  return needsQuotes(value) ? JSON.stringify(value) : value;
}

function needsQuotes(value: string): boolean {
  if (value === '') return true;
  if (/^(true|false|null|yes|no|on|off|~)$/i.test(value)) return true;
  if (/^[-+]?(\d|\.\d)/.test(value)) return true;
  if (/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) || /\s$/.test(value)) return true;
  return /: |\s#|[\n\t]/.test(value) || value.endsWith(':');
}

function placeholder(value: Placeholder, options: RenderOptions): string {
  if (!options.snippet) return value.text;
  return value.text === ''
    ? `\${${value.index}}`
    : `\${${value.index}:${escapeSnippet(value.text, options)}}`;
}

function choiceText(value: Choice, options: RenderOptions): string {
  if (!options.snippet) return value.options[0] ?? '';
  return `\${${value.index}|${value.options.map((o) => o.replace(/[,|\\$}]/g, '\\$&')).join(',')}|}`;
}

/** Text that must appear as written inside a snippet: `$`, `}` and `\` are escaped. */
export function escapeSnippet(text: string, options: { readonly snippet: boolean }): string {
  if (!options.snippet) return text;
  return text.replace(/[$}\\]/g, '\\$&');
}

function isTemplateArray(value: TemplateObject | readonly Template[]): value is readonly Template[] {
  return Array.isArray(value);
}
