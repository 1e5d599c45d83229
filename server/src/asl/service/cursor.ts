import {
  endOf,
  spanOf,
  type ArrayNode,
  type ObjectNode,
  type PropertyNode,
  type Span,
  type ValueNode,
} from '../ast';
import type { ParsedDocument } from '../parse';
import type { PathSegment } from '../queries';
import { lineStart } from './editing';

/**
 * What the cursor is on, in terms of the tree, for a half-typed document. JSON is read by spans
 * (a value may be missing after the colon); YAML by spans and indentation, because a blank line
 * in a block mapping belongs to no node until something is typed on it.
 */
export type CursorContext = KeyContext | ValueContext;

export interface KeyContext {
  readonly kind: 'key';
  /** From the root to the object whose key is being typed. */
  readonly path: readonly PathSegment[];
  /** The object, or undefined when it does not exist yet (YAML `Parameters:` followed by an indented blank line). */
  readonly object: ObjectNode | undefined;
  /** The property whose key is under the cursor, when one is being typed. */
  readonly property: PropertyNode | undefined;
  /** The text a completion replaces (the partial key, quotes included). */
  readonly replace: Span;
  /** What is typed in the key before the cursor, without quotes. */
  readonly prefix: string;
  /** True when the key already has its colon: completing it must not add another. */
  readonly hasColon: boolean;
}

export interface ValueContext {
  readonly kind: 'value';
  /** From the root to the value: ends with the property key, or with an array index. */
  readonly path: readonly PathSegment[];
  /** The name of the field the value belongs to (for array items, the array's key). */
  readonly key: string | undefined;
  /** The scalar under the cursor, when there is one. */
  readonly value: ValueNode | undefined;
  readonly replace: Span;
  /** What is typed before the cursor, without quotes. */
  readonly prefix: string;
  /** True when the value is a quoted string (JSON, or YAML with quotes). */
  readonly quoted: boolean;
  /** True when the value is an item of an array. */
  readonly inArray: boolean;
}

export function cursorContext(document: ParsedDocument, offset: number): CursorContext | undefined {
  const reader = new Reader(document, offset);
  return reader.read();
}

const WORD = /[\w.$:-]/;

class Reader {
  private readonly text: string;
  private readonly yaml: boolean;

  constructor(
    private readonly document: ParsedDocument,
    private readonly offset: number,
  ) {
    this.text = document.text;
    this.yaml = document.format === 'yaml';
  }

  read(): CursorContext | undefined {
    const root = this.document.root;
    if (root === undefined) return this.emptyKey([], undefined);
    if (root.kind === 'object') {
      if (this.yaml && !this.isFlow(root)) return this.yamlObject(root, []);
      if (!this.strictlyInside(root)) return undefined;
      return this.jsonObject(root, []);
    }
    if (root.kind === 'array') return this.array(root, []);
    // A YAML document holding one word is a first key being typed.
    if (this.yaml && root.kind === 'string' && this.offset <= endOf(root)) {
      return { ...this.emptyKey([], undefined), replace: spanOf(root) };
    }
    return undefined;
  }

  // ---- JSON-style (also YAML flow collections) ------------------------------------------------

  private jsonObject(object: ObjectNode, path: PathSegment[]): CursorContext {
    const property = this.lastPropertyBefore(object);
    if (property === undefined) return this.emptyKey(path, object);
    const key = property.key;
    if (this.offset <= endOf(key) && (this.offset < endOf(key) || this.isOpenKey(key))) {
      return this.keyOf(path, object, property);
    }
    const value = property.value;
    if (value !== undefined) {
      if (this.offset < value.offset) return this.emptyValue([...path, key.value], key.value, false);
      if (this.offset <= endOf(value)) return this.intoValue(value, [...path, key.value], key.value, false);
      return this.emptyKey(path, object);
    }
    const between = this.text.slice(endOf(key), this.offset);
    if (between.includes(':') && !between.includes(',')) {
      return this.emptyValue([...path, key.value], key.value, false);
    }
    return this.emptyKey(path, object);
  }

  private array(array: ArrayNode, path: PathSegment[]): CursorContext {
    const key = lastKey(path);
    if (this.yaml && !this.isFlow(array)) return this.yamlArray(array, path, key);
    let index = 0;
    for (const item of array.items) {
      if (item.offset > this.offset) break;
      if (this.offset <= endOf(item)) return this.intoValue(item, [...path, index], key, true);
      index++;
    }
    return this.emptyValue([...path, index], key, true);
  }

  private intoValue(
    value: ValueNode,
    path: PathSegment[],
    key: string | undefined,
    inArray: boolean,
  ): CursorContext {
    if (value.kind === 'object') {
      if (this.yaml && !this.isFlow(value)) return this.yamlObject(value, path);
      if (this.strictlyInside(value)) return this.jsonObject(value, path);
      return this.scalarValue(value, path, key, inArray);
    }
    if (value.kind === 'array') {
      if (this.yaml && !this.isFlow(value)) return this.yamlArray(value, path, key);
      if (this.strictlyInside(value)) return this.array(value, path);
      return this.scalarValue(value, path, key, inArray);
    }
    return this.scalarValue(value, path, key, inArray);
  }

  // ---- YAML block collections ---------------------------------------------------------------

  private yamlObject(object: ObjectNode, path: PathSegment[]): CursorContext {
    const property = this.lastPropertyBefore(object);
    if (property === undefined) return this.emptyKey(path, object);
    const key = property.key;
    if (this.sameLine(key.offset, this.offset)) {
      if (this.offset <= endOf(key)) return this.keyOf(path, object, property);
      const value = property.value;
      if (
        value !== undefined &&
        value.kind !== 'null' &&
        this.offset >= value.offset &&
        this.offset <= endOf(value)
      ) {
        return this.intoValue(value, [...path, key.value], key.value, false);
      }
      return this.emptyValue([...path, key.value], key.value, false);
    }
    const indent = this.cursorIndent();
    if (indent <= this.column(key.offset)) return this.emptyKey(path, object);
    const value = property.value;
    const childPath = [...path, key.value];
    if (value === undefined || value.kind === 'null') {
      if (this.dashBeforeCursor()) return this.emptyValue([...childPath, 0], key.value, true);
      return this.emptyKey(childPath, undefined);
    }
    return this.intoValue(value, childPath, key.value, false);
  }

  private yamlArray(array: ArrayNode, path: PathSegment[], key: string | undefined): CursorContext {
    let index = -1;
    array.items.forEach((item, i) => {
      if (item.offset <= this.offset && item.length > 0) index = i;
    });
    const item = index < 0 ? undefined : array.items[index];
    if (
      item !== undefined &&
      (this.offset <= endOf(item) || item.kind === 'object' || item.kind === 'array')
    ) {
      const onItemLine = this.sameLine(item.offset, this.offset);
      if (onItemLine || this.cursorIndent() >= this.column(item.offset)) {
        if (item.kind === 'object' || item.kind === 'array' || this.offset <= endOf(item)) {
          return this.intoValue(item, [...path, index], key, true);
        }
      }
    }
    return this.emptyValue([...path, Math.max(0, index + 1)], key, true);
  }

  // ---- results ----------------------------------------------------------------------------------

  private keyOf(path: PathSegment[], object: ObjectNode, property: PropertyNode): KeyContext {
    const key = property.key;
    const quote = this.text[key.offset];
    const quoted = quote === '"' || quote === "'";
    const prefix = this.text.slice(key.offset + (quoted ? 1 : 0), Math.max(this.offset, key.offset));
    const after = this.text.slice(endOf(key), endOf(key) + 40);
    return {
      kind: 'key',
      path,
      object,
      property,
      replace: spanOf(key),
      prefix,
      hasColon: /^\s*:/.test(after) || property.value !== undefined,
    };
  }

  private emptyKey(path: PathSegment[], object: ObjectNode | undefined): KeyContext {
    const replace = this.wordAround();
    const raw = this.text.slice(replace.offset, this.offset);
    return {
      kind: 'key',
      path,
      object,
      property: undefined,
      replace,
      prefix: raw.replace(/^["']/, ''),
      hasColon: /^\s*:/.test(this.text.slice(endOf(replace), endOf(replace) + 40)),
    };
  }

  private emptyValue(path: PathSegment[], key: string | undefined, inArray: boolean): ValueContext {
    const replace = this.wordAround();
    const raw = this.text.slice(replace.offset, this.offset);
    return {
      kind: 'value',
      path,
      key,
      value: undefined,
      replace,
      prefix: raw.replace(/^["']/, ''),
      quoted: raw.startsWith('"') || raw.startsWith("'"),
      inArray,
    };
  }

  private scalarValue(
    value: ValueNode,
    path: PathSegment[],
    key: string | undefined,
    inArray: boolean,
  ): ValueContext {
    const first = this.text[value.offset];
    const quoted = value.kind === 'string' && (first === '"' || first === "'");
    const start = value.offset + (quoted ? 1 : 0);
    return {
      kind: 'value',
      path,
      key,
      value,
      replace: spanOf(value),
      prefix: this.text.slice(start, Math.max(start, this.offset)),
      quoted,
      inArray,
    };
  }

  // ---- text helpers -----------------------------------------------------------------------------

  /** The last property whose key starts before the cursor (properties merged in from YAML anchors elsewhere are skipped). */
  private lastPropertyBefore(object: ObjectNode): PropertyNode | undefined {
    const properties = object.properties;
    let low = 0;
    let high = properties.length - 1;
    let found: PropertyNode | undefined;
    // Keys are in text order except merged ones, which all come last: search the ordered run.
    while (high >= 0 && (properties[high]?.key.offset ?? 0) < object.offset) high--;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const candidate = properties[mid];
      if (candidate === undefined) break;
      if (candidate.key.offset < this.offset) {
        found = candidate;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found;
  }

  private isOpenKey(key: Span): boolean {
    if (this.yaml) return true;
    const raw = this.text.slice(key.offset, endOf(key));
    return raw.length < 2 || !raw.endsWith('"');
  }

  private strictlyInside(node: Span): boolean {
    if (this.offset <= node.offset) return false;
    const end = endOf(node);
    const last = this.text[end - 1];
    const closed = (last === '}' || last === ']') && end - 1 > node.offset;
    return closed ? this.offset < end : this.offset <= end;
  }

  private isFlow(node: Span): boolean {
    const first = this.text[node.offset];
    return first === '{' || first === '[';
  }

  /** The run of word characters (and an opening quote) around the cursor. */
  private wordAround(): Span {
    let start = this.offset;
    while (start > 0 && WORD.test(this.text[start - 1] ?? '')) start--;
    if (start > 0 && (this.text[start - 1] === '"' || this.text[start - 1] === "'")) start--;
    let end = this.offset;
    while (end < this.text.length && WORD.test(this.text[end] ?? '') && this.text[end] !== ':') end++;
    if (this.text[start] === '"' && this.text[end] === '"') end++;
    return { offset: start, length: end - start };
  }

  private column(offset: number): number {
    return offset - lineStart(this.text, offset);
  }

  private sameLine(a: number, b: number): boolean {
    return lineStart(this.text, a) === lineStart(this.text, b);
  }

  /** The indentation of the cursor's line: where its text starts, or the cursor column on a blank line. */
  private cursorIndent(): number {
    const start = lineStart(this.text, this.offset);
    const before = this.text.slice(start, this.offset);
    const match = /^[ \t]*(?:- +)*/.exec(before);
    return match === null ? 0 : match[0].length;
  }

  private dashBeforeCursor(): boolean {
    const before = this.text.slice(lineStart(this.text, this.offset), this.offset);
    return /^[ \t]*- /.test(before);
  }
}

function lastKey(path: readonly PathSegment[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment === 'string') return segment;
  }
  return undefined;
}
