import type { Span, StringNode } from '../ast';

/**
 * Where each character of a string value sits in the document. Paths, intrinsic calls and
 * JSONata expressions are parsed from the decoded value, so an error at character `i` of the
 * value must be moved to the text: past the opening quote, and past every escape sequence
 * before it (`\n` is two characters of text but one of value). JSON strings, YAML plain,
 * single-quoted and double-quoted scalars map exactly. Where the text cannot be matched
 * character by character with the value (YAML block scalars, folded lines, alias copies),
 * there is no map and callers report on the whole string.
 */
export type OffsetMap = readonly number[];

/** Offsets in the document of value characters 0..length (the last entry is the end). */
export function offsetMapOf(text: string, node: StringNode): OffsetMap | undefined {
  if (node.aliasOf !== undefined) return undefined;
  const raw = text.slice(node.offset, node.offset + node.length);
  const first = raw.charAt(0);
  const map =
    first === '"'
      ? decodeDoubleQuoted(raw, node.offset)
      : first === "'"
        ? decodeSingleQuoted(raw, node.offset)
        : plain(raw, node.offset);
  return map !== undefined && matches(map, node.value) ? map.offsets : undefined;
}

/** The document span of value characters [start, end), or the whole string node when unmappable. */
export function spanInString(map: OffsetMap | undefined, node: StringNode, start: number, end: number): Span {
  if (map === undefined) return { offset: node.offset, length: node.length };
  const last = map.length - 1;
  const from = map[clamp(start, 0, last)] ?? node.offset;
  const to = map[clamp(Math.max(end, start), 0, last)] ?? from;
  return { offset: from, length: Math.max(0, to - from) };
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}

interface Decoded {
  readonly value: string;
  readonly offsets: number[];
}

function matches(decoded: Decoded, value: string): boolean {
  return decoded.value === value && decoded.offsets.length === value.length + 1;
}

function plain(raw: string, base: number): Decoded {
  const offsets = Array.from({ length: raw.length + 1 }, (_, i) => base + i);
  return { value: raw, offsets };
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  // YAML's extra escapes; a JSON string with them never parsed, so they never reach here.
  '0': '\0',
  a: '\x07',
  v: '\v',
  e: '\x1b',
  ' ': ' ',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};

const HEX_ESCAPES: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/** JSON strings and YAML double-quoted scalars on one line (a line break inside folds, so no map). */
function decodeDoubleQuoted(raw: string, base: number): Decoded | undefined {
  if (raw.length < 2 || !raw.endsWith('"')) return undefined;
  let value = '';
  const offsets: number[] = [];
  let i = 1;
  const end = raw.length - 1;
  while (i < end) {
    const c = raw.charAt(i);
    if (c === '\n' || c === '\r') return undefined;
    if (c !== '\\') {
      offsets.push(base + i);
      value += c;
      i++;
      continue;
    }
    const kind = raw.charAt(i + 1);
    const simple = SIMPLE_ESCAPES[kind];
    if (simple !== undefined) {
      offsets.push(base + i);
      value += simple;
      i += 2;
      continue;
    }
    const digits = HEX_ESCAPES[kind];
    if (digits === undefined) return undefined;
    const hex = raw.slice(i + 2, i + 2 + digits);
    if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) return undefined;
    const decoded = String.fromCodePoint(Number.parseInt(hex, 16));
    // A code point above U+FFFF is two UTF-16 units: both start at the escape.
    for (let unit = 0; unit < decoded.length; unit++) offsets.push(base + i);
    value += decoded;
    i += 2 + digits;
  }
  offsets.push(base + end);
  return { value, offsets };
}

/** YAML single-quoted scalars on one line: `''` stands for one quote. */
function decodeSingleQuoted(raw: string, base: number): Decoded | undefined {
  if (raw.length < 2 || !raw.endsWith("'")) return undefined;
  let value = '';
  const offsets: number[] = [];
  let i = 1;
  const end = raw.length - 1;
  while (i < end) {
    const c = raw.charAt(i);
    if (c === '\n' || c === '\r') return undefined;
    offsets.push(base + i);
    value += c;
    i += c === "'" && raw.charAt(i + 1) === "'" ? 2 : 1;
  }
  offsets.push(base + end);
  return { value, offsets };
}
