import { createScanner, type JSONScanner } from 'jsonc-parser';
import type { ArrayNode, ObjectNode, PropertyNode, StringNode, ValueNode } from './ast';
import type { AslDiagnostic } from './diagnostics';
import type { ParsedTree } from './parseJson';
import { makeObject, makeProperty, sharedKey } from './treeBuilder';

/**
 * The fast path for JSON: jsonc-parser's scanner driving a small recursive builder. The
 * scanner does all the tokenizing (string escapes, numbers, keywords); this module only puts
 * tokens into the tree. jsonc-parser's `visit` does the same work through a callback per token
 * plus a path it keeps for every property, which made it about half of the whole validation of
 * a large document; this builder takes about a third of the time (5,000 states, 1.4 MB: ~35 ms
 * → ~12 ms).
 *
 * It takes only well-formed documents and gives up, returning undefined, at the first thing it
 * does not expect: a scan error, a comment, a missing comma or colon, a trailing comma, text
 * after the value, nesting deeper than MAX_DEPTH. The caller then takes the full path
 * (parseJson), which reports every error and recovers the way editors expect. Both paths give
 * the same tree and the same duplicate-key errors for the documents the fast path accepts; a
 * property test holds them to it.
 */
export function parseJsonFast(text: string): ParsedTree | undefined {
  const reader: Reader = {
    text,
    scanner: createScanner(text, false),
    errors: [],
    token: 0,
    pendingProperties: [],
    pendingItems: [],
  };
  try {
    return readDocument(reader);
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

/**
 * jsonc-parser's SyntaxKind and ScanError values. They are `const enum`s in its typings, which
 * isolated modules cannot read, so the numbers of its public API are repeated here (a unit
 * test checks them against the package's runtime enums).
 */
export const TOKEN = {
  openBrace: 1,
  closeBrace: 2,
  openBracket: 3,
  closeBracket: 4,
  comma: 5,
  colon: 6,
  null: 7,
  true: 8,
  false: 9,
  string: 10,
  number: 11,
  lineComment: 12,
  blockComment: 13,
  lineBreak: 14,
  trivia: 15,
  unknown: 16,
  eof: 17,
} as const;
export const SCAN_ERROR_NONE = 0;

/** Thrown inside the builder when the fast path declines a document. */
class GiveUp extends Error {}

/**
 * The reader's state. A plain record and functions rather than a class: V8 keeps a literal's
 * hidden class for good, but a class instance's only while an instance lives, and readers die
 * with their parse; the optimized reading code was thrown away with it after every full
 * garbage collection.
 */
interface Reader {
  readonly text: string;
  readonly scanner: JSONScanner;
  readonly errors: AslDiagnostic[];
  /** The current token (white space and line breaks skipped). */
  token: number;
  /**
   * Properties and items of the containers being read, innermost last. Each container's
   * children are copied out into an array of exactly their number when it closes: an array
   * grown by push keeps spare room (16 slots for 3 properties), 1.7 MB more for the tree of a
   * 1.4 MB document, all of it copied by the garbage collector.
   */
  readonly pendingProperties: PropertyNode[];
  readonly pendingItems: ValueNode[];
}

function readDocument(reader: Reader): ParsedTree {
  advance(reader);
  // An empty document: the full path says what to say about it.
  if (at(reader, TOKEN.eof)) throw new GiveUp();
  const root = readValue(reader, 0);
  if (!at(reader, TOKEN.eof)) throw new GiveUp();
  return { root, errors: reader.errors };
}

/**
 * Moves to the next significant token; anything the full path would report gives up.
 * White space is stepped over here, not scanned: the scanner builds the text of every run of
 * white space one character at a time (its Trivia token's value), which on an indented
 * document was most of what parsing allocated (1.4 MB of JSON: 24 MB → 12 MB). These are
 * exactly the characters the scanner itself takes for white space and line breaks.
 */
function advance(reader: Reader): void {
  const { scanner, text } = reader;
  let token: number;
  do {
    const start = scanner.getPosition();
    let next = start;
    for (
      let c = text.charCodeAt(next);
      c === 32 || c === 9 || c === 10 || c === 13;
      c = text.charCodeAt(next)
    )
      next++;
    if (next !== start) scanner.setPosition(next);
    token = scanner.scan();
    const error: number = scanner.getTokenError();
    if (error !== SCAN_ERROR_NONE) throw new GiveUp();
  } while (token === TOKEN.trivia || token === TOKEN.lineBreak);
  if (token === TOKEN.lineComment || token === TOKEN.blockComment || token === TOKEN.unknown)
    throw new GiveUp();
  reader.token = token;
}

/** Whether the current token is of this kind (a call, so that the compiler does not narrow it across advance()). */
function at(reader: Reader, kind: number): boolean {
  return reader.token === kind;
}

/** The value starting at the current token; leaves the token after it current. */
function readValue(reader: Reader, depth: number): ValueNode {
  const scanner = reader.scanner;
  const offset = scanner.getTokenOffset();
  const length = scanner.getTokenLength();
  let node: ValueNode;
  switch (reader.token) {
    case TOKEN.openBrace:
      return readObject(reader, offset, depth + 1);
    case TOKEN.openBracket:
      return readArray(reader, offset, depth + 1);
    case TOKEN.string:
      node = { kind: 'string', value: scanner.getTokenValue(), offset, length };
      break;
    case TOKEN.number: {
      const value = Number(scanner.getTokenValue());
      if (Number.isNaN(value)) throw new GiveUp();
      node = { kind: 'number', value, offset, length };
      break;
    }
    case TOKEN.true:
      node = { kind: 'boolean', value: true, offset, length };
      break;
    case TOKEN.false:
      node = { kind: 'boolean', value: false, offset, length };
      break;
    case TOKEN.null:
      node = { kind: 'null', value: null, offset, length };
      break;
    default:
      throw new GiveUp();
  }
  advance(reader);
  return node;
}

function readObject(reader: Reader, offset: number, depth: number): ObjectNode {
  if (depth > MAX_DEPTH) throw new GiveUp();
  const { scanner, pendingProperties: pending } = reader;
  const first = pending.length;
  advance(reader);
  if (!at(reader, TOKEN.closeBrace)) {
    for (;;) {
      if (!at(reader, TOKEN.string)) throw new GiveUp();
      const key: StringNode = {
        kind: 'string',
        value: sharedKey(scanner.getTokenValue()),
        offset: scanner.getTokenOffset(),
        length: scanner.getTokenLength(),
      };
      advance(reader);
      if (!at(reader, TOKEN.colon)) throw new GiveUp();
      advance(reader);
      const value = readValue(reader, depth);
      pending.push(makeProperty(key, value, value.offset + value.length));
      if (at(reader, TOKEN.closeBrace)) break;
      if (!at(reader, TOKEN.comma)) throw new GiveUp();
      advance(reader);
    }
  }
  const end = scanner.getTokenOffset() + scanner.getTokenLength();
  advance(reader);
  const properties = pending.slice(first);
  pending.length = first;
  return makeObject(offset, end - offset, properties, reader.errors);
}

function readArray(reader: Reader, offset: number, depth: number): ArrayNode {
  if (depth > MAX_DEPTH) throw new GiveUp();
  const { scanner, pendingItems: pending } = reader;
  const first = pending.length;
  advance(reader);
  if (!at(reader, TOKEN.closeBracket)) {
    for (;;) {
      pending.push(readValue(reader, depth));
      if (at(reader, TOKEN.closeBracket)) break;
      if (!at(reader, TOKEN.comma)) throw new GiveUp();
      advance(reader);
    }
  }
  const end = scanner.getTokenOffset() + scanner.getTokenLength();
  advance(reader);
  const items = pending.slice(first);
  pending.length = first;
  return { kind: 'array', offset, length: end - offset, items };
}
