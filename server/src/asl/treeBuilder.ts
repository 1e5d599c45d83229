import type { PropertyNode, StringNode, ValueNode, ObjectNode } from './ast';
import { diagnostic, type AslDiagnostic } from './diagnostics';
import { MESSAGES } from './messages';

/**
 * Makes an object node and reports repeated keys, the same way for both formats: the repeat is
 * the error (at its key), the first definition is linked as related information.
 */
export function makeObject(
  offset: number,
  length: number,
  properties: readonly PropertyNode[],
  errors: AslDiagnostic[],
): ObjectNode {
  if (properties.length > 1) reportDuplicateKeys(properties, errors);
  return { kind: 'object', offset, length, properties };
}

function reportDuplicateKeys(properties: readonly PropertyNode[], errors: AslDiagnostic[]): void {
  const first = new Map<string, StringNode>();
  for (const property of properties) {
    const key = property.key;
    const earlier = first.get(key.value);
    if (earlier === undefined) {
      first.set(key.value, key);
      continue;
    }
    errors.push(
      diagnostic('ASL-DUPLICATE-KEY', key, MESSAGES.duplicateKey(key.value), [
        { offset: earlier.offset, length: earlier.length, message: MESSAGES.duplicateKeyFirst(key.value) },
      ]),
    );
  }
}

export function makeProperty(key: StringNode, value: ValueNode | undefined, end: number): PropertyNode {
  return {
    kind: 'property',
    key,
    value,
    offset: key.offset,
    length: Math.max(end, key.offset + key.length) - key.offset,
  };
}
