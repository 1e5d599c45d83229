import type { ArrayNode, ObjectNode, PropertyNode, StringNode, ValueNode } from './ast';
import type { AslDiagnostic } from './diagnostics';
import type { ParsedTree } from './parseJson';
import { makeObject, makeProperty, sharedKey } from './treeBuilder';
import { coreScalarKey, coreScalarNode } from './yamlScalars';

/**
 * The quickest YAML path: one pass over the text that builds the positioned tree as it reads,
 * for the plain block layout that almost every workflow file has: mappings and sequences by
 * indentation, `- key: value` items, one-line quoted scalars, plain scalars (folded over lines
 * too), flow collections, comments. Reading js-yaml's events instead (parseYamlFast.ts) took five
 * to six times as long on a 5,000-state document, most of it in making the events and in the
 * garbage they leave.
 *
 * It declines, returning undefined, at anything it does not read with certainty: anchors,
 * aliases, tags, block scalars, quoted scalars over several lines, complex keys, merge keys,
 * directives, several documents, tabs where indentation is read, a byte order mark, and
 * anything YAML calls an error. The caller then tries the next path. For every document it
 * accepts it gives exactly the tree and the duplicate-key errors of the full path
 * (parseYamlFully), offsets included; tests hold it to that on every conformance definition in
 * several layouts and on thousands of mutations of them.
 */
export function parseYamlBlock(text: string): ParsedTree | undefined {
  if (text.charCodeAt(0) === BYTE_ORDER_MARK) return undefined;
  const reader: Reader = {
    text,
    errors: [],
    pos: 0,
    lineStart: 0,
    indent: -1,
    depth: 0,
    tokenStart: 0,
    tokenEnd: 0,
    tokenText: '',
    tokenPlain: false,
    pendingProperties: [],
    pendingItems: [],
  };
  try {
    return readDocument(reader);
  } catch (error) {
    if (error === DECLINED) return undefined;
    throw error;
  }
}

/**
 * Deeper nesting is left to the other paths, which decide what to say about it; both readers
 * recurse once per level.
 */
const MAX_DEPTH = 256;

/** YAML limits an implicit key (one without `?`) to this many characters. */
const MAX_IMPLICIT_KEY = 1024;

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const QUOTE = 34;
const HASH = 35;
const PERCENT = 37;
const AMPERSAND = 38;
const APOSTROPHE = 39;
const STAR = 42;
const COMMA = 44;
const DASH = 45;
const DOT = 46;
const COLON = 58;
const GREATER = 62;
const QUESTION = 63;
const AT = 64;
const LEFT_BRACKET = 91;
const BACKSLASH = 92;
const RIGHT_BRACKET = 93;
const BACKTICK = 96;
const LEFT_BRACE = 123;
const BAR = 124;
const RIGHT_BRACE = 125;
const EXCLAMATION = 33;
const BYTE_ORDER_MARK = 0xfeff;

/** Thrown inside the reader when it declines a document: one instance, so that declining costs no stack trace. */
class Declined extends Error {}
const DECLINED = new Declined('The block YAML reader declines this document.');

function decline(): never {
  throw DECLINED;
}

/**
 * The reader's state: a plain record and functions, as in parseJsonFast.ts, so that V8 keeps the
 * optimized code between parses. The last scalar scanned lives in the token fields rather than in
 * an object per scalar.
 */
interface Reader {
  readonly text: string;
  readonly errors: AslDiagnostic[];
  /** The current position. Between lines: the first character of the next content line. */
  pos: number;
  /** Where the line holding `pos` starts. */
  lineStart: number;
  /** The column of the content line `pos` is on, or -1 once the text is used up. */
  indent: number;
  depth: number;
  tokenStart: number;
  tokenEnd: number;
  /** The decoded value of a quoted scalar; a plain one is read from the text when needed. */
  tokenText: string;
  tokenPlain: boolean;
  /** Children of the containers being read, copied out into exact-size arrays when each closes (see parseJsonFast.ts). */
  readonly pendingProperties: PropertyNode[];
  readonly pendingItems: ValueNode[];
}

function readDocument(r: Reader): ParsedTree {
  findContent(r, 0);
  if (r.indent === 0 && isDocumentMarker(r.text, r.pos, DASH)) skipDocumentStart(r);
  // An empty document: the full path says what to say about it.
  if (r.indent < 0) decline();
  const root = readBlockNode(r, -1);
  // Anything after the root (a less indented line, a second document) is for the full path.
  if (r.indent >= 0) decline();
  return { root, errors: r.errors };
}

/** A leading `---`, alone on its line but for a comment. */
function skipDocumentStart(r: Reader): void {
  const text = r.text;
  let at = skipInlineSpace(text, r.pos + 3);
  if (text.charCodeAt(at) === HASH && at > r.pos + 3) at = commentEnd(text, at);
  if (!isBreakOrEnd(text.charCodeAt(at))) decline();
  r.pos = at;
  nextLine(r);
}

// ---------------------------------------------------------------------------------------------
// Lines

/** Steps over the line break at `pos` (or the end of the text) to the next content line. */
function nextLine(r: Reader): void {
  const text = r.text;
  const at = r.pos;
  const c = text.charCodeAt(at);
  if (c === LF) findContent(r, at + 1);
  else if (c === CR && text.charCodeAt(at + 1) === LF) findContent(r, at + 2);
  else if (at >= text.length) {
    r.indent = -1;
    return;
  } else decline();
  if (r.indent === 0 && (isDocumentMarker(text, r.pos, DASH) || isDocumentMarker(text, r.pos, DOT)))
    decline();
}

/** From a line start, skips blank and comment lines; leaves `pos` on the first content character. */
function findContent(r: Reader, from: number): void {
  const text = r.text;
  const length = text.length;
  let lineStart = from;
  for (;;) {
    let at = lineStart;
    while (text.charCodeAt(at) === SPACE) at++;
    if (at >= length) {
      r.pos = length;
      r.indent = -1;
      return;
    }
    let c = text.charCodeAt(at);
    if (c === HASH) {
      at = commentEnd(text, at);
      if (at >= length) {
        r.pos = length;
        r.indent = -1;
        return;
      }
      c = text.charCodeAt(at);
    }
    if (c === LF) lineStart = at + 1;
    else if (c === CR) {
      if (text.charCodeAt(at + 1) !== LF) decline();
      lineStart = at + 2;
    } else {
      // A tab where indentation is read is an error in YAML, or a subtlety left to the full path.
      if (c === TAB) decline();
      r.pos = at;
      r.lineStart = lineStart;
      r.indent = at - lineStart;
      return;
    }
  }
}

/** After a node on a line: only spaces and a comment may follow before the line break. */
function finishLine(r: Reader): void {
  const text = r.text;
  let at = skipInlineSpace(text, r.pos);
  if (text.charCodeAt(at) === HASH) {
    if (at === r.pos) decline(); // `"a"#b`: a comment needs white space before it
    at = commentEnd(text, at);
  }
  r.pos = at;
  nextLine(r);
}

/** The line break (or end of text) that ends the comment starting at `at`. */
function commentEnd(text: string, at: number): number {
  let end = at + 1;
  for (let c = text.charCodeAt(end); c !== LF && c !== CR && end < text.length; c = text.charCodeAt(end))
    end++;
  return end;
}

function skipInlineSpace(text: string, from: number): number {
  let at = from;
  for (let c = text.charCodeAt(at); c === SPACE || c === TAB; c = text.charCodeAt(at)) at++;
  return at;
}

/** `---` or `...` at the start of a line, followed by white space or the end: a document marker. */
function isDocumentMarker(text: string, at: number, mark: number): boolean {
  return (
    text.charCodeAt(at) === mark &&
    text.charCodeAt(at + 1) === mark &&
    text.charCodeAt(at + 2) === mark &&
    isSeparatorOrEnd(text.charCodeAt(at + 3))
  );
}

/** A line break or the end of the text (charCodeAt gives NaN there). */
function isBreakOrEnd(c: number): boolean {
  return c === LF || c === CR || Number.isNaN(c);
}

function isSeparatorOrEnd(c: number): boolean {
  return c === SPACE || c === TAB || isBreakOrEnd(c);
}

function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === LEFT_BRACKET || c === RIGHT_BRACKET || c === LEFT_BRACE || c === RIGHT_BRACE;
}

// ---------------------------------------------------------------------------------------------
// Block collections

/**
 * The node at `pos`, which sits at the start of a line's content or after a sequence's `- `.
 * `parentIndent` is the indentation of the block collection holding it (-1 at the root).
 * Leaves `pos` on the next content line.
 */
function readBlockNode(r: Reader, parentIndent: number): ValueNode {
  if (++r.depth > MAX_DEPTH) decline();
  const text = r.text;
  const column = r.pos - r.lineStart;
  const c = text.charCodeAt(r.pos);
  let node: ValueNode;
  if (c === DASH && isSeparatorOrEnd(text.charCodeAt(r.pos + 1))) node = readSequence(r, column);
  else if (c === LEFT_BRACKET || c === LEFT_BRACE) {
    node = readFlowCollection(r, parentIndent);
    finishLine(r);
  } else {
    scanScalar(r, false);
    if (takeKeyColon(r)) node = readMapping(r, column);
    else node = readScalarToEnd(r, parentIndent);
  }
  r.depth--;
  return node;
}

/**
 * A block mapping whose entries start at column `indent`. Its first key has been scanned and its
 * colon taken. Ends, as the full path has it, where its last value ends.
 */
function readMapping(r: Reader, indent: number): ObjectNode {
  const text = r.text;
  const pending = r.pendingProperties;
  const first = pending.length;
  const start = r.tokenStart;
  for (;;) {
    const key = keyNode(r);
    const at = skipInlineSpace(text, r.pos);
    const c = text.charCodeAt(at);
    let value: ValueNode;
    if (isBreakOrEnd(c) || c === HASH) {
      r.pos = c === HASH ? commentEnd(text, at) : at;
      nextLine(r);
      if (r.indent > indent) value = readBlockNode(r, indent);
      // A sequence may sit at its key's own indentation.
      else if (r.indent === indent && isSequenceStart(r)) value = readNestedSequence(r, indent);
      // `Key:` with nothing after it: a null right after the colon and its spaces.
      else value = nullAt(at);
    } else {
      r.pos = at;
      value = readInlineValue(r, indent);
    }
    pending.push(makeProperty(key, value, value.offset + value.length));
    if (r.indent !== indent) {
      // A deeper line here would continue a scalar over lines, or is an error.
      if (r.indent > indent) decline();
      break;
    }
    scanScalar(r, false);
    if (!takeKeyColon(r)) decline();
  }
  const properties = pending.slice(first);
  pending.length = first;
  const last = properties[properties.length - 1];
  const end = last === undefined ? start : last.offset + last.length;
  return makeObject(start, end - start, properties, r.errors);
}

/** The value after `key: ` on the same line: a scalar or a flow collection, nothing block. */
function readInlineValue(r: Reader, indent: number): ValueNode {
  const text = r.text;
  const c = text.charCodeAt(r.pos);
  let node: ValueNode;
  if (c === LEFT_BRACKET || c === LEFT_BRACE) {
    if (++r.depth > MAX_DEPTH) decline();
    node = readFlowCollection(r, indent);
    r.depth--;
  } else {
    // `key: - item` and `key: other: value` are errors in YAML; finishLine declines the latter.
    if (c === DASH && isSeparatorOrEnd(text.charCodeAt(r.pos + 1))) decline();
    scanScalar(r, false);
    return readScalarToEnd(r, indent);
  }
  finishLine(r);
  return node;
}

/**
 * The scalar just scanned, with the rest of its line, and the lines that continue it when it is
 * plain: those indented deeper than the collection holding it (`parentIndent`).
 */
function readScalarToEnd(r: Reader, parentIndent: number): ValueNode {
  finishLine(r);
  if (r.indent <= parentIndent) return tokenNode(r);
  if (!r.tokenPlain) decline(); // a quoted scalar over lines, or an error
  return continuePlain(r, parentIndent);
}

/**
 * Folds the lines that continue a plain scalar into the token: a single line break becomes a
 * space, each blank line a line feed. Only lines of plain text continue it; a comment ends it.
 */
function continuePlain(r: Reader, parentIndent: number): ValueNode {
  const text = r.text;
  const start = r.tokenStart;
  let value = text.slice(start, r.tokenEnd);
  let end = r.tokenEnd;
  do {
    // Between the text so far and this line only line breaks and spaces: no comment, no tab.
    let breaks = 0;
    for (let at = end; at < r.pos; at++) {
      const c = text.charCodeAt(at);
      if (c === LF) breaks++;
      else if (c !== SPACE && c !== CR) decline();
    }
    scanPlain(r, false);
    // `: ` in a continued line would make a key of several lines: an error in YAML.
    if (text.charCodeAt(skipInlineSpace(text, r.pos)) === COLON) decline();
    value += breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
    value += text.slice(r.tokenStart, r.tokenEnd);
    end = r.tokenEnd;
    finishLine(r);
  } while (r.indent > parentIndent);
  return coreScalarNode(value, start, end - start);
}

function readNestedSequence(r: Reader, indent: number): ArrayNode {
  if (++r.depth > MAX_DEPTH) decline();
  const node = readSequence(r, indent);
  r.depth--;
  return node;
}

/** A block sequence whose `-` indicators stand at column `indent`. Ends where its last item ends. */
function readSequence(r: Reader, indent: number): ArrayNode {
  const text = r.text;
  const pending = r.pendingItems;
  const first = pending.length;
  const start = r.pos;
  for (;;) {
    const at = skipSpaces(text, r.pos + 1);
    const c = text.charCodeAt(at);
    let item: ValueNode;
    if (isBreakOrEnd(c) || c === HASH) {
      r.pos = c === HASH ? commentEnd(text, at) : at;
      nextLine(r);
      item = r.indent > indent ? readBlockNode(r, indent) : nullAt(at);
    } else {
      // A tab after `-` would set the indentation of a compact mapping: left to the full path.
      if (c === TAB) decline();
      r.pos = at;
      item = readBlockNode(r, indent);
    }
    pending.push(item);
    if (r.indent !== indent || !isSequenceStart(r)) {
      if (r.indent > indent) decline();
      break;
    }
  }
  const items = pending.slice(first);
  pending.length = first;
  const last = items[items.length - 1];
  const end = last === undefined ? start : last.offset + last.length;
  return { kind: 'array', offset: start, length: end - start, items };
}

function skipSpaces(text: string, from: number): number {
  let at = from;
  while (text.charCodeAt(at) === SPACE) at++;
  return at;
}

function isSequenceStart(r: Reader): boolean {
  return r.text.charCodeAt(r.pos) === DASH && isSeparatorOrEnd(r.text.charCodeAt(r.pos + 1));
}

/**
 * After a scalar: when `:` follows (after spaces) as a mapping indicator, steps over it and says
 * so. A key is one line and at most MAX_IMPLICIT_KEY characters.
 */
function takeKeyColon(r: Reader): boolean {
  const text = r.text;
  const at = skipSpaces(text, r.tokenEnd);
  if (text.charCodeAt(at) !== COLON || !isSeparatorOrEnd(text.charCodeAt(at + 1))) return false;
  if (r.tokenEnd - r.tokenStart > MAX_IMPLICIT_KEY) decline();
  r.pos = at + 1;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Flow collections

/**
 * `[...]` or `{...}` at `pos`. Lines inside it must be indented deeper than the block
 * collection holding it (`blockIndent`); values start on their key's line.
 */
function readFlowCollection(r: Reader, blockIndent: number): ValueNode {
  return r.text.charCodeAt(r.pos) === LEFT_BRACKET
    ? readFlowSequence(r, blockIndent)
    : readFlowMapping(r, blockIndent);
}

function readFlowSequence(r: Reader, blockIndent: number): ArrayNode {
  const text = r.text;
  const pending = r.pendingItems;
  const first = pending.length;
  const start = r.pos;
  r.pos++;
  skipFlowSpace(r, blockIndent);
  while (text.charCodeAt(r.pos) !== RIGHT_BRACKET) {
    pending.push(readFlowNode(r, blockIndent));
    skipFlowSpace(r, blockIndent);
    const c = text.charCodeAt(r.pos);
    if (c === COMMA) {
      r.pos++;
      skipFlowSpace(r, blockIndent);
    } else if (c !== RIGHT_BRACKET) decline(); // a pair (`[a: b]`), a missing comma, the end
  }
  r.pos++;
  const items = pending.slice(first);
  pending.length = first;
  return { kind: 'array', offset: start, length: r.pos - start, items };
}

function readFlowMapping(r: Reader, blockIndent: number): ObjectNode {
  const text = r.text;
  const pending = r.pendingProperties;
  const first = pending.length;
  const start = r.pos;
  r.pos++;
  skipFlowSpace(r, blockIndent);
  while (text.charCodeAt(r.pos) !== RIGHT_BRACE) {
    scanScalar(r, true);
    if (r.tokenEnd - r.tokenStart > MAX_IMPLICIT_KEY) decline();
    const key = keyNode(r);
    const colon = skipInlineSpace(text, r.pos);
    if (text.charCodeAt(colon) !== COLON) decline(); // a key without a value, or on several lines
    const at = skipInlineSpace(text, colon + 1);
    const c = text.charCodeAt(at);
    let value: ValueNode;
    if (c === COMMA || c === RIGHT_BRACE) {
      r.pos = at;
      value = nullAt(at);
    } else {
      r.pos = at;
      if (isBreakOrEnd(c) || c === HASH) {
        // The value on a later line; an empty one there is left to the full path.
        skipFlowSpace(r, blockIndent);
        const later = text.charCodeAt(r.pos);
        if (later === COMMA || later === RIGHT_BRACE) decline();
      }
      value = readFlowNode(r, blockIndent);
    }
    pending.push(makeProperty(key, value, value.offset + value.length));
    skipFlowSpace(r, blockIndent);
    const next = text.charCodeAt(r.pos);
    if (next === COMMA) {
      r.pos++;
      skipFlowSpace(r, blockIndent);
    } else if (next !== RIGHT_BRACE) decline();
  }
  r.pos++;
  const properties = pending.slice(first);
  pending.length = first;
  return makeObject(start, r.pos - start, properties, r.errors);
}

function readFlowNode(r: Reader, blockIndent: number): ValueNode {
  const c = r.text.charCodeAt(r.pos);
  if (c !== LEFT_BRACKET && c !== LEFT_BRACE) {
    scanScalar(r, true);
    return tokenNode(r);
  }
  if (++r.depth > MAX_DEPTH) decline();
  const node = readFlowCollection(r, blockIndent);
  r.depth--;
  return node;
}

/** Spaces, comments and line breaks inside a flow collection. */
function skipFlowSpace(r: Reader, blockIndent: number): void {
  const text = r.text;
  let at = r.pos;
  for (;;) {
    const c = text.charCodeAt(at);
    if (c === SPACE || c === TAB) at++;
    else if (c === HASH) {
      const before = text.charCodeAt(at - 1);
      if (before !== SPACE && before !== TAB && before !== LF) decline();
      at = commentEnd(text, at);
    } else if (c === LF || c === CR) {
      if (c === CR && text.charCodeAt(at + 1) !== LF) decline();
      const lineStart = at + (c === CR ? 2 : 1);
      at = skipSpaces(text, lineStart);
      const first = text.charCodeAt(at);
      if (first === TAB) decline();
      if (!isBreakOrEnd(first)) {
        if (at - lineStart <= blockIndent) decline();
        if (at === lineStart && (isDocumentMarker(text, at, DASH) || isDocumentMarker(text, at, DOT)))
          decline();
      }
      r.lineStart = lineStart;
    } else break;
  }
  r.pos = at;
}

// ---------------------------------------------------------------------------------------------
// Scalars

/** Scans the scalar at `pos` into the token fields and leaves `pos` after it. */
function scanScalar(r: Reader, flow: boolean): void {
  const c = r.text.charCodeAt(r.pos);
  if (c === QUOTE) scanDoubleQuoted(r);
  else if (c === APOSTROPHE) scanSingleQuoted(r);
  else scanPlain(r, flow);
}

/**
 * A plain scalar on one line. It ends at a line break, at ` #`, at `: ` (and in flow
 * collections at `,[]{}` and `:` before them), without the spaces before that end.
 */
function scanPlain(r: Reader, flow: boolean): void {
  const text = r.text;
  const start = r.pos;
  const c = text.charCodeAt(start);
  if (!canStartPlain(c, text.charCodeAt(start + 1), flow)) decline();
  let at = start + 1;
  let end = at;
  for (;;) {
    const ch = text.charCodeAt(at);
    if (ch === SPACE || ch === TAB) {
      at++;
      continue;
    }
    if (ch === LF || ch === CR || Number.isNaN(ch)) break;
    if (ch === HASH && (text.charCodeAt(at - 1) === SPACE || text.charCodeAt(at - 1) === TAB)) break;
    if (ch === COLON) {
      const next = text.charCodeAt(at + 1);
      if (isSeparatorOrEnd(next) || (flow && isFlowIndicator(next))) break;
    } else if (flow && isFlowIndicator(ch)) break;
    at++;
    end = at;
  }
  r.tokenStart = start;
  r.tokenEnd = end;
  r.tokenPlain = true;
  r.pos = end;
}

/**
 * Whether a plain scalar may start with `c`. Indicators cannot (anchors, aliases, tags, block
 * scalars, directives, reserved characters); `-`, `?` and `:` can when no space follows them
 * (`-1`, `:id` in a DynamoDB expression).
 */
function canStartPlain(c: number, next: number, flow: boolean): boolean {
  switch (c) {
    case HASH:
    case AMPERSAND:
    case STAR:
    case EXCLAMATION:
    case BAR:
    case GREATER:
    case PERCENT:
    case AT:
    case BACKTICK:
    case COMMA:
    case LEFT_BRACKET:
    case RIGHT_BRACKET:
    case LEFT_BRACE:
    case RIGHT_BRACE:
    case SPACE:
    case TAB:
    case LF:
    case CR:
      return false;
    case DASH:
    case QUESTION:
    case COLON:
      return !isSeparatorOrEnd(next) && !(flow && isFlowIndicator(next));
    default:
      return !Number.isNaN(c);
  }
}

/** A single-quoted scalar on one line; `''` is a quote. */
function scanSingleQuoted(r: Reader): void {
  const text = r.text;
  const start = r.pos;
  let at = start + 1;
  let chunk = at;
  let value = '';
  for (;;) {
    const c = text.charCodeAt(at);
    if (c === APOSTROPHE) {
      if (text.charCodeAt(at + 1) !== APOSTROPHE) break;
      value += text.slice(chunk, at + 1);
      at += 2;
      chunk = at;
    } else if (c === LF || c === CR || Number.isNaN(c)) decline();
    else at++;
  }
  r.tokenStart = start;
  r.tokenEnd = at + 1;
  r.tokenText = chunk === start + 1 ? text.slice(chunk, at) : value + text.slice(chunk, at);
  r.tokenPlain = false;
  r.pos = at + 1;
}

/** A double-quoted scalar on one line, with YAML's escapes. */
function scanDoubleQuoted(r: Reader): void {
  const text = r.text;
  const start = r.pos;
  let at = start + 1;
  let chunk = at;
  let value = '';
  for (;;) {
    const c = text.charCodeAt(at);
    if (c === QUOTE) break;
    if (c === BACKSLASH) {
      value += text.slice(chunk, at);
      at = readEscape(r, at + 1);
      value += r.tokenText;
      chunk = at;
    } else if (c === LF || c === CR || Number.isNaN(c)) decline();
    else at++;
  }
  r.tokenStart = start;
  r.tokenEnd = at + 1;
  r.tokenText = chunk === start + 1 ? text.slice(chunk, at) : value + text.slice(chunk, at);
  r.tokenPlain = false;
  r.pos = at + 1;
}

/**
 * The escape after a backslash (`at` is the character after it): its text goes to tokenText,
 * the position after it is returned. A backslash before a line break (a continued line) and
 * escapes YAML does not know decline.
 */
function readEscape(r: Reader, at: number): number {
  const c = r.text.charCodeAt(at);
  const simple = SIMPLE_ESCAPES.get(c);
  if (simple !== undefined) {
    r.tokenText = simple;
    return at + 1;
  }
  const digits = c === 0x78 ? 2 : c === 0x75 ? 4 : c === 0x55 ? 8 : 0; // \x, \u, \U
  if (digits === 0) decline();
  let code = 0;
  for (let i = 1; i <= digits; i++) {
    const digit = hexValue(r.text.charCodeAt(at + i));
    if (digit < 0) decline();
    code = code * 16 + digit;
  }
  if (code > 0x10ffff) decline();
  r.tokenText = String.fromCodePoint(code);
  return at + 1 + digits;
}

const SIMPLE_ESCAPES = new Map<number, string>([
  [0x30, '\0'], // \0
  [0x61, '\x07'], // \a
  [0x62, '\b'], // \b
  [0x74, '\t'], // \t
  [TAB, '\t'], // backslash and a tab character
  [0x6e, '\n'], // \n
  [0x76, '\v'], // \v
  [0x66, '\f'], // \f
  [0x72, '\r'], // \r
  [0x65, '\x1b'], // \e
  [SPACE, ' '],
  [QUOTE, '"'],
  [0x2f, '/'], // \/
  [BACKSLASH, '\\'],
  [0x4e, '\x85'], // \N: next line
  [0x5f, '\xa0'], // \_: no-break space
  [0x4c, '\u2028'], // \L: line separator
  [0x50, '\u2029'], // \P: paragraph separator
]);

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/** The scanned scalar as a value: plain ones resolved by the YAML 1.2 core schema. */
function tokenNode(r: Reader): ValueNode {
  const offset = r.tokenStart;
  const length = r.tokenEnd - offset;
  if (!r.tokenPlain) return { kind: 'string', value: r.tokenText, offset, length };
  return coreScalarNode(r.text.slice(offset, r.tokenEnd), offset, length);
}

/**
 * The scanned scalar as a key: plain keys are resolved and then written back as text (`1.0:`
 * is the key "1"), as the full path does. Null keys and merge keys (`<<`) are for the full path.
 */
function keyNode(r: Reader): StringNode {
  const offset = r.tokenStart;
  const length = r.tokenEnd - offset;
  // One string per distinct key, as the other paths share them.
  const value = r.tokenPlain ? plainKey(r.text, offset, r.tokenEnd) : sharedKey(r.tokenText);
  return { kind: 'string', value, offset, length };
}

/**
 * Recent plain keys by a hash of their text. A workflow repeats a few dozen keys thousands of
 * times; finding them here by comparing characters in place saves cutting each one out of the
 * text and hashing it again in sharedKey (on 5,000 states, about a tenth of the reading time).
 * Only keys that are their own text are kept, so a hit needs no resolving.
 */
const KEY_CACHE_SIZE = 1024;
const keyCache: (string | undefined)[] = new Array<string | undefined>(KEY_CACHE_SIZE).fill(undefined);

function plainKey(text: string, start: number, end: number): string {
  let hash = end - start;
  for (let at = start; at < end; at++) hash = (Math.imul(hash, 31) + text.charCodeAt(at)) | 0;
  const slot = hash & (KEY_CACHE_SIZE - 1);
  const cached = keyCache[slot];
  if (cached !== undefined && isTextAt(cached, text, start, end)) return cached;
  const raw = text.slice(start, end);
  const key = coreScalarKey(raw);
  if (key === undefined) decline();
  if (key === raw) keyCache[slot] = key;
  return key;
}

function isTextAt(candidate: string, text: string, start: number, end: number): boolean {
  if (candidate.length !== end - start) return false;
  for (let i = 0; i < candidate.length; i++) {
    if (candidate.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  }
  return true;
}

function nullAt(offset: number): ValueNode {
  return { kind: 'null', value: null, offset, length: 0 };
}
