import { setField, type ObjectNode, type ValueNode } from '../ast';

/**
 * The plain value the validators check, built from the tree. Only what the schema looks at is
 * copied: nested states are checked on their own (each state, branch and processor once), and
 * payloads (Parameters, Result, Output, ...) only need their JSON type, so their insides are
 * left out. This keeps validation linear in the size of the document, and cheap: this copy is
 * most of the schema layer's time.
 */

/** Fields whose contents the schema does not look into: only their JSON type matters. */
const PAYLOAD_FIELDS: ReadonlySet<string> = new Set([
  'Parameters',
  'ResultSelector',
  'ItemSelector',
  'Arguments',
  'Output',
  'Assign',
  'Result',
  'BatchInput',
  'Items',
]);

/**
 * How the top-level fields of an object are copied: a state's body (its branches and processor
 * are checked as scopes of their own), a scope (each state under States is checked on its own),
 * or anything deeper (copied as it is, payloads aside).
 */
type Level = 'state' | 'scope' | 'nested';

export function stateValue(node: ObjectNode): Record<string, unknown> {
  return objectValue(node, 'state');
}

export function scopeValue(node: ObjectNode): Record<string, unknown> {
  return objectValue(node, 'scope');
}

function objectValue(node: ObjectNode, level: Level): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const property of node.properties) {
    const key = property.key.value;
    const valueNode = property.value;
    // The first of repeated keys wins, as in the tree's lookups (the parser reports the repeat).
    if (valueNode === undefined || Object.hasOwn(result, key)) continue;
    setField(result, key, fieldValue(key, valueNode, level));
  }
  return result;
}

function fieldValue(key: string, node: ValueNode, level: Level): unknown {
  if (PAYLOAD_FIELDS.has(key)) return valueWithoutContents(node);
  if (level === 'state') {
    if (key === 'Branches')
      return node.kind === 'array' ? node.items.map(valueWithoutContents) : valueWithoutContents(node);
    if (key === 'ItemProcessor' || key === 'Iterator') return valueWithoutContents(node);
  } else if (level === 'scope' && key === 'States') {
    return node.kind === 'object' ? statesStub(node) : valueWithoutContents(node);
  }
  return value(node);
}

function value(node: ValueNode): unknown {
  switch (node.kind) {
    case 'object':
      return objectValue(node, 'nested');
    case 'array':
      return node.items.map(value);
    default:
      return node.value;
  }
}

/** A value of the same JSON type, without contents. Strings keep their text (JSONata checks need it). */
export function valueWithoutContents(node: ValueNode): unknown {
  switch (node.kind) {
    case 'object':
      return {};
    case 'array':
      return [];
    default:
      return node.value;
  }
}

/**
 * The States map as the schema needs it: each state is only checked to be an object here (its
 * body is checked on its own), so only the states that are not objects are kept, by name.
 */
function statesStub(node: ObjectNode): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const property of node.properties) {
    const state = property.value;
    if (state === undefined || state.kind === 'object') continue;
    const key = property.key.value;
    if (Object.hasOwn(result, key)) continue;
    setField(result, key, valueWithoutContents(state));
  }
  return result;
}
