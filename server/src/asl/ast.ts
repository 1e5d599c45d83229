/**
 * The positioned syntax tree shared by both formats. JSON and YAML documents parse to the same
 * node kinds, so every feature above the parser works on one tree and never asks which format
 * it came from. Offsets are UTF-16 code units into the document text (what LSP positions use).
 */

export interface Span {
  /** Offset of the first character. */
  readonly offset: number;
  /** Number of characters covered. */
  readonly length: number;
}

interface NodeBase extends Span {
  /**
   * Set when this value was produced by a YAML alias (`*name`) or merge key: the node's own
   * span is the alias, while its children keep the spans of the anchored definition.
   */
  readonly aliasOf?: Span;
}

export interface ObjectNode extends NodeBase {
  readonly kind: 'object';
  readonly properties: readonly PropertyNode[];
}

export interface ArrayNode extends NodeBase {
  readonly kind: 'array';
  readonly items: readonly ValueNode[];
}

export interface StringNode extends NodeBase {
  readonly kind: 'string';
  readonly value: string;
}

export interface NumberNode extends NodeBase {
  readonly kind: 'number';
  readonly value: number;
}

export interface BooleanNode extends NodeBase {
  readonly kind: 'boolean';
  readonly value: boolean;
}

export interface NullNode extends NodeBase {
  readonly kind: 'null';
  readonly value: null;
}

export type ValueNode = ObjectNode | ArrayNode | StringNode | NumberNode | BooleanNode | NullNode;

/** `"key": value` in JSON, `key: value` in YAML. The span runs from the key to the end of the value. */
export interface PropertyNode extends Span {
  readonly kind: 'property';
  readonly key: StringNode;
  /** Missing while the user is still typing (`"Next": ` or `Next:` with nothing after it). */
  readonly value: ValueNode | undefined;
}

export type AstNode = ValueNode | PropertyNode;

export function endOf(span: Span): number {
  return span.offset + span.length;
}

/** Only the offset and length of a node: what results and edits carry, without the node's other fields. */
export function spanOf(span: Span): Span {
  return { offset: span.offset, length: span.length };
}

/** The characters between the quotes of a quoted scalar; undefined when the text there is not quoted. */
export function quotedContent(text: string, node: Span): Span | undefined {
  const first = text[node.offset];
  const quoted = (first === '"' || first === "'") && node.length >= 2;
  return quoted ? { offset: node.offset + 1, length: node.length - 2 } : undefined;
}

/** True when `offset` lies inside the span or right at its end (where a cursor after the last character sits). */
export function containsOffset(span: Span, offset: number): boolean {
  return offset >= span.offset && offset <= span.offset + span.length;
}

/** The property named `key` of an object, or undefined. The first one wins when a key is repeated. */
export function propertyOf(node: ValueNode | undefined, key: string): PropertyNode | undefined {
  if (node?.kind !== 'object') return undefined;
  for (const property of node.properties) {
    if (property.key.value === key) return property;
  }
  return undefined;
}

/** Plain JavaScript value of a node, as JSON.parse would give it (the first of repeated keys wins, as in the tree lookups). */
/** Adds a field as JSON.parse does: a `__proto__` key is a field like any other, not the prototype. */
export function setField(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    object[key] = value;
  }
}

export function toValue(node: ValueNode): unknown {
  switch (node.kind) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const property of node.properties) {
        if (property.value === undefined || Object.hasOwn(result, property.key.value)) continue;
        setField(result, property.key.value, toValue(property.value));
      }
      return result;
    }
    case 'array':
      return node.items.map(toValue);
    default:
      return node.value;
  }
}
