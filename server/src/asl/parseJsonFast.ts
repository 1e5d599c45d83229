import type { ArrayNode, ObjectNode, PropertyNode, StringNode, ValueNode } from './ast';
import type { AslDiagnostic } from './diagnostics';
import type { ParsedTree } from './parseJson';
import { makeObject, makeProperty, sharedKey } from './treeBuilder';

/**
 * The fast path for JSON: one pass over the characters, building the tree as it goes. It takes
 * only well-formed documents in the strict grammar of RFC 8259 and gives up, returning
 * undefined, at the first thing it does not expect: a comment, a missing comma or colon, a
 * trailing comma, a control character in a string, a number or keyword out of the grammar,
 * white space other than space, tab and line breaks, text after the value, nesting deeper than
 * MAX_DEPTH. The caller then takes the full path (parseJson, jsonc-parser with its error
 * recovery), which reports every error the way editors expect. Both paths give the same tree
 * and the same duplicate-key errors for the documents this one accepts; a property test holds
 * them to it.
 *
 * Why not jsonc-parser's scanner here, as before: it keeps the text of every token, builds
 * strings piece by piece and answers through a call per token, which was half the time of this
 * path (5,000 states, 1.4 MB: ~13 ms → ~7 ms at best). Strings without escapes are one slice of
 * the text; strings with escapes are decoded by the engine's own JSON.parse.
 */
export function parseJsonFast(text: string): ParsedTree | undefined {
  const reader: Reader = {
    text,
    at: 0,
    errors: [],
    pendingProperties: [],
    pendingItems: [],
  };
  try {
    const root = readValue(reader, skipBlank(reader), 0);
    if (!Number.isNaN(skipBlank(reader))) throw new GiveUp(); // text after the value
    return { root, errors: reader.errors };
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    throw error;
  }
}

/**
 * Beyond this the full path decides (it reports a stack overflow as "too deep"): the two paths
 * recurse differently, so only shallower documents are sure to agree.
 */
const MAX_DEPTH = 256;

/** Thrown inside the reader when the fast path declines a document. */
class GiveUp extends Error {}

/**
 * The reader's state. A plain record and functions rather than a class: V8 keeps a literal's
 * hidden class for good, but a class instance's only while an instance lives, and readers die
 * with their parse; the optimized reading code was thrown away with it after every full
 * garbage collection.
 */
interface Reader {
  readonly text: string;
  /** The offset of the next character to read. */
  at: number;
  readonly errors: AslDiagnostic[];
  /**
   * Properties and items of the containers being read, innermost last. Each container's
   * children are copied out into an array of exactly their number when it closes: an array
   * grown by push keeps spare room (16 slots for 3 properties), 1.7 MB more for the tree of a
   * 1.4 MB document, all of it copied by the garbage collector.
   */
  readonly pendingProperties: PropertyNode[];
  readonly pendingItems: ValueNode[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

/** Steps over JSON's white space; returns the character after it (NaN at the end of the text). */
function skipBlank(reader: Reader): number {
  const text = reader.text;
  let at = reader.at;
  let c = text.charCodeAt(at);
  while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++at);
  reader.at = at;
  return c;
}

/** The value starting at the current character `c`; leaves the reader just after it. */
function readValue(reader: Reader, c: number, depth: number): ValueNode {
  const offset = reader.at;
  switch (c) {
    case OPEN_BRACE:
      return readObject(reader, offset, depth + 1);
    case OPEN_BRACKET:
      return readArray(reader, offset, depth + 1);
    case QUOTE: {
      const value = readString(reader);
      return { kind: 'string', value, offset, length: reader.at - offset };
    }
    case 0x74: // t
      readKeyword(reader, 'true');
      return { kind: 'boolean', value: true, offset, length: 4 };
    case 0x66: // f
      readKeyword(reader, 'false');
      return { kind: 'boolean', value: false, offset, length: 5 };
    case 0x6e: // n
      readKeyword(reader, 'null');
      return { kind: 'null', value: null, offset, length: 4 };
    default: {
      const value = readNumber(reader);
      return { kind: 'number', value, offset, length: reader.at - offset };
    }
  }
}

function readObject(reader: Reader, offset: number, depth: number): ObjectNode {
  if (depth > MAX_DEPTH) throw new GiveUp();
  const pending = reader.pendingProperties;
  const first = pending.length;
  reader.at++;
  let c = skipBlank(reader);
  if (c !== CLOSE_BRACE) {
    for (;;) {
      if (c !== QUOTE) throw new GiveUp();
      const keyOffset = reader.at;
      const name = readString(reader);
      const key: StringNode = {
        kind: 'string',
        value: sharedKey(name),
        offset: keyOffset,
        length: reader.at - keyOffset,
      };
      if (skipBlank(reader) !== COLON) throw new GiveUp();
      reader.at++;
      const value = readValue(reader, skipBlank(reader), depth);
      pending.push(makeProperty(key, value, value.offset + value.length));
      c = skipBlank(reader);
      if (c === CLOSE_BRACE) break;
      if (c !== COMMA) throw new GiveUp();
      reader.at++;
      c = skipBlank(reader);
    }
  }
  reader.at++;
  const properties = pending.slice(first);
  pending.length = first;
  return makeObject(offset, reader.at - offset, properties, reader.errors);
}

function readArray(reader: Reader, offset: number, depth: number): ArrayNode {
  if (depth > MAX_DEPTH) throw new GiveUp();
  const pending = reader.pendingItems;
  const first = pending.length;
  reader.at++;
  let c = skipBlank(reader);
  if (c !== CLOSE_BRACKET) {
    for (;;) {
      pending.push(readValue(reader, c, depth));
      c = skipBlank(reader);
      if (c === CLOSE_BRACKET) break;
      if (c !== COMMA) throw new GiveUp();
      reader.at++;
      c = skipBlank(reader);
    }
  }
  reader.at++;
  const items = pending.slice(first);
  pending.length = first;
  return { kind: 'array', offset, length: reader.at - offset, items };
}

/** A string from its opening quote; leaves the reader after the closing one. */
function readString(reader: Reader): string {
  const text = reader.text;
  const start = reader.at + 1;
  let at = start;
  for (;;) {
    const c = text.charCodeAt(at);
    if (c === QUOTE) break;
    if (c === BACKSLASH) return readEscapedString(reader, start);
    // A control character (a line break included) or the end of the text: the full path reports it.
    if (!(c >= 0x20)) throw new GiveUp();
    at++;
  }
  reader.at = at + 1;
  return text.slice(start, at);
}

/** A string with escapes: found here, decoded by JSON.parse, which rejects a malformed one. */
function readEscapedString(reader: Reader, start: number): string {
  const text = reader.text;
  let at = start;
  for (;;) {
    const c = text.charCodeAt(at);
    if (c === QUOTE) break;
    if (!(c >= 0x20)) throw new GiveUp();
    at += c === BACKSLASH ? 2 : 1;
  }
  reader.at = at + 1;
  let decoded: unknown;
  try {
    decoded = JSON.parse(text.slice(start - 1, at + 1));
  } catch {
    throw new GiveUp();
  }
  if (typeof decoded !== 'string') throw new GiveUp();
  return decoded;
}

/** `true`, `false` or `null`, standing alone: `nullx` or `true1` are not keywords. */
function readKeyword(reader: Reader, word: string): void {
  const text = reader.text;
  const at = reader.at;
  if (!text.startsWith(word, at)) throw new GiveUp();
  reader.at = at + word.length;
  if (!endsToken(text.charCodeAt(reader.at))) throw new GiveUp();
}

/** `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, and nothing glued to it. */
function readNumber(reader: Reader): number {
  const text = reader.text;
  const start = reader.at;
  let at = start;
  if (text.charCodeAt(at) === MINUS) at++;
  const lead = text.charCodeAt(at);
  if (lead === ZERO) at++;
  else if (lead > ZERO && lead <= NINE) at = digits(text, at);
  else throw new GiveUp();
  if (text.charCodeAt(at) === DOT) at = requiredDigits(text, at + 1);
  const e = text.charCodeAt(at);
  if (e === 0x65 || e === 0x45) {
    const sign = text.charCodeAt(at + 1);
    at = requiredDigits(text, sign === PLUS || sign === MINUS ? at + 2 : at + 1);
  }
  if (!endsToken(text.charCodeAt(at))) throw new GiveUp();
  reader.at = at;
  return Number(text.slice(start, at));
}

function digits(text: string, from: number): number {
  let at = from;
  for (let c = text.charCodeAt(at); c >= ZERO && c <= NINE; c = text.charCodeAt(at)) at++;
  return at;
}

function requiredDigits(text: string, from: number): number {
  const at = digits(text, from);
  if (at === from) throw new GiveUp();
  return at;
}

/** What may follow a number or keyword directly: white space, a separator, a closer, the end. */
function endsToken(c: number): boolean {
  return (
    c === COMMA ||
    c === CLOSE_BRACE ||
    c === CLOSE_BRACKET ||
    c === 0x20 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0x09 ||
    Number.isNaN(c)
  );
}
