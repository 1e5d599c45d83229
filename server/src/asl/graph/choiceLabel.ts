/**
 * Choice rules in the short form the graph writes on their edges: `$.x > 10`,
 * `$.kind == "a"`, `$.s matches "a*"`, `$.t is present`, `not (…)`, `a && b`. JSONata
 * conditions are shown as written, without their `{% %}`. Long labels are cut with an ellipsis:
 * the whole rule is one click away in the editor.
 */
import { isRecord } from '../../guards';

export const MAX_LABEL_LENGTH = 40;

/** Comparison operators by the part of the name that follows the data type. */
const COMPARISONS: readonly (readonly [string, string])[] = [
  ['EqualsPath', '=='],
  ['Equals', '=='],
  ['LessThanEqualsPath', '<='],
  ['LessThanEquals', '<='],
  ['LessThanPath', '<'],
  ['LessThan', '<'],
  ['GreaterThanEqualsPath', '>='],
  ['GreaterThanEquals', '>='],
  ['GreaterThanPath', '>'],
  ['GreaterThan', '>'],
];

const TYPE_PREFIXES = ['String', 'Numeric', 'Boolean', 'Timestamp'];

const TESTS: Readonly<Record<string, readonly [string, string]>> = {
  IsNull: ['is null', 'is not null'],
  IsPresent: ['is present', 'is absent'],
  IsNumeric: ['is numeric', 'is not numeric'],
  IsString: ['is string', 'is not string'],
  IsBoolean: ['is boolean', 'is not boolean'],
  IsTimestamp: ['is timestamp', 'is not timestamp'],
};

/** The label of a top-level Choice rule (a plain value, as `toValue` gives it). */
export function choiceLabel(rule: unknown): string {
  return truncate(describe(rule, 0));
}

export function truncate(text: string, max = MAX_LABEL_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function describe(rule: unknown, depth: number): string {
  if (!isRecord(rule) || depth > 8) return '…';
  const condition = rule['Condition'];
  if (condition !== undefined)
    return typeof condition === 'string' ? stripJsonata(condition) : (JSON.stringify(condition) ?? '?');
  const and = rule['And'];
  if (Array.isArray(and)) return joined(and, ' && ', depth);
  const or = rule['Or'];
  if (Array.isArray(or)) return joined(or, ' || ', depth);
  if (rule['Not'] !== undefined) return `not ${wrapped(rule['Not'], depth)}`;
  const variable = typeof rule['Variable'] === 'string' ? rule['Variable'] : '?';
  for (const [key, value] of Object.entries(rule)) {
    const test = TESTS[key];
    if (test !== undefined) return `${variable} ${value === false ? test[1] : test[0]}`;
    if (key === 'StringMatches') return `${variable} matches ${JSON.stringify(value)}`;
    const operator = comparison(key);
    if (operator !== undefined) {
      const operand = key.endsWith('Path') && typeof value === 'string' ? value : JSON.stringify(value);
      return `${variable} ${operator} ${operand ?? '?'}`;
    }
  }
  return variable;
}

function comparison(key: string): string | undefined {
  const prefix = TYPE_PREFIXES.find((p) => key.startsWith(p));
  if (prefix === undefined) return undefined;
  const rest = key.slice(prefix.length);
  return COMPARISONS.find(([suffix]) => suffix === rest)?.[1];
}

function joined(rules: readonly unknown[], separator: string, depth: number): string {
  return rules.map((r) => wrapped(r, depth)).join(separator);
}

function wrapped(rule: unknown, depth: number): string {
  const text = describe(rule, depth + 1);
  return isRecord(rule) && (Array.isArray(rule['And']) || Array.isArray(rule['Or'])) ? `(${text})` : text;
}

function stripJsonata(text: string): string {
  const match = /^\s*\{%([\s\S]*)%\}\s*$/.exec(text);
  return (match?.[1] ?? text).trim();
}
