import { containsOffset, propertyOf, type PropertyNode, type Span, type ValueNode } from './ast';
import type { Scope, State, StateMachine } from './model';

/** A step of the path from the root to a node: a key of an object or an index in an array. */
export type PathSegment = string | number;

export interface NodeLocation {
  /** From the root to the innermost node holding the offset. */
  readonly path: readonly PathSegment[];
  /** The innermost value holding the offset (undefined when the offset is only on a key or in a gap). */
  readonly value: ValueNode | undefined;
  /** The innermost property holding the offset. */
  readonly property: PropertyNode | undefined;
  /** True when the offset is on the property's key rather than its value. */
  readonly onKey: boolean;
}

/** Which field or value is at this offset. */
export function locate(root: ValueNode | undefined, offset: number): NodeLocation {
  const path: PathSegment[] = [];
  let value: ValueNode | undefined;
  let property: PropertyNode | undefined;
  let current = root !== undefined && containsOffset(root, offset) ? root : undefined;
  while (current !== undefined) {
    value = current;
    if (current.kind === 'object') {
      const found = findSpan(current.properties, offset);
      if (found === undefined) break;
      property = found;
      path.push(found.key.value);
      if (containsOffset(found.key, offset) && offset < found.key.offset + found.key.length) {
        return { path, value: undefined, property, onKey: true };
      }
      value = undefined;
      current = found.value !== undefined && containsOffset(found.value, offset) ? found.value : undefined;
    } else if (current.kind === 'array') {
      const index = findIndex(current.items, offset);
      if (index < 0) break;
      path.push(index);
      current = current.items[index];
    } else {
      break;
    }
  }
  return { path, value, property, onKey: false };
}

/** The value one step of a path leads to: a property's value or an array's item. */
export function childOf(node: ValueNode | undefined, segment: PathSegment): ValueNode | undefined {
  if (typeof segment === 'number') return node?.kind === 'array' ? node.items[segment] : undefined;
  return propertyOf(node, segment)?.value;
}

/** The value a path from `root` leads to; undefined when a step is missing. */
export function nodeAtPath(root: ValueNode | undefined, path: readonly PathSegment[]): ValueNode | undefined {
  let node = root;
  for (const segment of path) {
    if (node === undefined) return undefined;
    node = childOf(node, segment);
  }
  return node;
}

/** The innermost state whose definition (name or body) holds the offset. */
export function stateAt(model: StateMachine, offset: number): State | undefined {
  let scope: Scope | undefined = model.machine;
  let found: State | undefined;
  while (scope !== undefined) {
    const state = findSpan(scope.states, offset, (s) => s.property);
    if (state === undefined) break;
    found = state;
    scope = state.children.find((child) => containsOffset(child.node, offset));
  }
  return found;
}

/** The state machine's scope (machine, branch or processor) that holds the offset, innermost first. */
export function scopeAt(model: StateMachine, offset: number): Scope | undefined {
  const state = stateAt(model, offset);
  if (state === undefined) return model.machine;
  return state.children.find((child) => containsOffset(child.node, offset)) ?? state.scope;
}

/**
 * The item whose span holds the offset. A plain scan: YAML merge keys can put properties whose
 * spans lie elsewhere in the text (at the anchor) into an object, so the order is not guaranteed.
 */
function findSpan<T>(
  items: readonly T[],
  offset: number,
  spanOf: (item: T) => Span = (item) => item as Span,
): T | undefined {
  const index = findIndex(items, offset, spanOf);
  return index < 0 ? undefined : items[index];
}

function findIndex<T>(
  items: readonly T[],
  offset: number,
  spanOf: (item: T) => Span = (item) => item as Span,
): number {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item !== undefined && containsOffset(spanOf(item), offset)) return i;
  }
  return -1;
}
