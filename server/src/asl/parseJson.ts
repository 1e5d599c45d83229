import { printParseErrorCode, visit } from 'jsonc-parser';
import type { ArrayNode, PropertyNode, StringNode, ValueNode } from './ast';
import { diagnostic, type AslDiagnostic } from './diagnostics';
import { JSON_ERROR_TEXT, MESSAGES } from './messages';
import { parseJsonFast } from './parseJsonFast';
import { makeObject, makeProperty } from './treeBuilder';

interface OpenObject {
  readonly kind: 'object';
  readonly offset: number;
  readonly properties: PropertyNode[];
  pendingKey: StringNode | undefined;
}

interface OpenArray {
  readonly kind: 'array';
  readonly offset: number;
  readonly items: ValueNode[];
}

type Open = OpenObject | OpenArray;

export interface ParsedTree {
  readonly root: ValueNode | undefined;
  readonly errors: AslDiagnostic[];
}

/**
 * Strict JSON (as Step Functions reads it) to the positioned tree. Comments and trailing commas
 * are errors with their own codes; repeated keys are errors; the tree keeps whatever parsed.
 * Well-formed documents take the fast path (parseJsonFast.ts); the rest are read here.
 */
export function parseJson(text: string): ParsedTree {
  return parseJsonFast(text) ?? parseJsonFully(text);
}

/** The full path: jsonc-parser's `visit`, with its error recovery, for any text. */
export function parseJsonFully(text: string): ParsedTree {
  const errors: AslDiagnostic[] = [];
  const stack: Open[] = [];
  let root: ValueNode | undefined;

  const attach = (value: ValueNode): void => {
    const parent = stack[stack.length - 1];
    if (parent === undefined) {
      root ??= value;
    } else if (parent.kind === 'array') {
      parent.items.push(value);
    } else if (parent.pendingKey !== undefined) {
      parent.properties.push(makeProperty(parent.pendingKey, value, value.offset + value.length));
      parent.pendingKey = undefined;
    }
  };

  const flushKey = (object: OpenObject): void => {
    if (object.pendingKey === undefined) return;
    object.properties.push(
      makeProperty(object.pendingKey, undefined, object.pendingKey.offset + object.pendingKey.length),
    );
    object.pendingKey = undefined;
  };

  visit(
    text,
    {
      onObjectBegin: (offset) => {
        stack.push({ kind: 'object', offset, properties: [], pendingKey: undefined });
      },
      onObjectProperty: (name, offset, length) => {
        const top = stack[stack.length - 1];
        if (top?.kind !== 'object') return;
        flushKey(top);
        top.pendingKey = { kind: 'string', value: name, offset, length };
      },
      onObjectEnd: (offset, length) => {
        const top = stack.pop();
        if (top?.kind !== 'object') return;
        flushKey(top);
        attach(makeObject(top.offset, offset + length - top.offset, top.properties, errors));
      },
      onArrayBegin: (offset) => {
        stack.push({ kind: 'array', offset, items: [] });
      },
      onArrayEnd: (offset, length) => {
        const top = stack.pop();
        if (top?.kind !== 'array') return;
        const node: ArrayNode = {
          kind: 'array',
          offset: top.offset,
          length: offset + length - top.offset,
          items: top.items,
        };
        attach(node);
      },
      onLiteralValue: (value: unknown, offset, length) => {
        const node = literal(value, offset, length);
        if (node !== undefined) attach(node);
      },
      onError: (code, offset, length) => {
        errors.push(jsonError(text, printParseErrorCode(code), offset, length));
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true },
  );

  // Unclosed containers at the end of a half-typed document still belong in the tree.
  while (stack.length > 0) {
    const top = stack.pop();
    if (top === undefined) break;
    if (top.kind === 'object') {
      flushKey(top);
      attach(makeObject(top.offset, text.length - top.offset, top.properties, errors));
    } else {
      attach({ kind: 'array', offset: top.offset, length: text.length - top.offset, items: top.items });
    }
  }
  return { root, errors: dropRepeats(errors) };
}

function literal(value: unknown, offset: number, length: number): ValueNode | undefined {
  if (typeof value === 'string') return { kind: 'string', value, offset, length };
  if (typeof value === 'number') return { kind: 'number', value, offset, length };
  if (typeof value === 'boolean') return { kind: 'boolean', value, offset, length };
  if (value === null) return { kind: 'null', value: null, offset, length };
  return undefined;
}

function jsonError(text: string, name: string, offset: number, length: number): AslDiagnostic {
  if (name === 'InvalidCommentToken') {
    return diagnostic('ASL-SYNTAX-COMMENT', { offset, length }, MESSAGES.jsonComment());
  }
  if (name === 'PropertyNameExpected' || name === 'ValueExpected') {
    const comma = trailingCommaBefore(text, offset);
    if (comma !== undefined) {
      return diagnostic(
        'ASL-SYNTAX-TRAILING-COMMA',
        { offset: comma, length: 1 },
        MESSAGES.jsonTrailingComma(),
      );
    }
  }
  const span =
    length === 0 && offset >= text.length && offset > 0
      ? { offset: text.length, length: 0 }
      : { offset, length };
  return diagnostic('ASL-SYNTAX', span, MESSAGES.jsonSyntax(JSON_ERROR_TEXT[name] ?? name));
}

/** The offset of a comma directly (but for white space) before a closing `}` or `]` at `offset`. */
function trailingCommaBefore(text: string, offset: number): number | undefined {
  const closer = text[offset];
  if (closer !== '}' && closer !== ']') return undefined;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i] ?? '')) i--;
  return text[i] === ',' ? i : undefined;
}

/** jsonc-parser may report the same recovery twice at one offset; one message per place is enough. */
function dropRepeats(errors: AslDiagnostic[]): AslDiagnostic[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.code}:${e.offset}:${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
