import type { PropertyNode, StringNode, ValueNode, ObjectNode } from './ast';
import { diagnostic, type AslDiagnostic } from './diagnostics';
import { BoundedCache } from './boundedCache';
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

/**
 * Small objects (almost all of them) compare keys pairwise rather than building a Map each: on
 * a 5,000-state document that is thousands of Maps less per parse. The result is the same either way.
 */
const PAIRWISE_LIMIT = 16;

function reportDuplicateKeys(properties: readonly PropertyNode[], errors: AslDiagnostic[]): void {
  if (properties.length > PAIRWISE_LIMIT) {
    reportDuplicateKeysByMap(properties, errors);
    return;
  }
  for (let i = 1; i < properties.length; i++) {
    const key = properties[i]?.key;
    if (key === undefined) continue;
    for (let j = 0; j < i; j++) {
      const earlier = properties[j]?.key;
      if (earlier?.value !== key.value) continue;
      errors.push(duplicateKey(key, earlier));
      break;
    }
  }
}

function reportDuplicateKeysByMap(properties: readonly PropertyNode[], errors: AslDiagnostic[]): void {
  const first = new Map<string, StringNode>();
  for (const property of properties) {
    const key = property.key;
    const earlier = first.get(key.value);
    if (earlier === undefined) first.set(key.value, key);
    else errors.push(duplicateKey(key, earlier));
  }
}

/** The repeat is the error (at its key); the first definition is linked as related information. */
function duplicateKey(key: StringNode, earlier: StringNode): AslDiagnostic {
  return diagnostic('ASL-DUPLICATE-KEY', key, MESSAGES.duplicateKey(key.value), [
    { offset: earlier.offset, length: earlier.length, message: MESSAGES.duplicateKeyFirst(key.value) },
  ]);
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

/**
 * One string per distinct key, shared by every tree: a workflow repeats a few dozen keys
 * (Type, Next, Resource...) thousands of times. Each parse makes fresh copies of them; the
 * shared ones take less room in the tree (9.0 MB → 8.3 MB on 5,000 states, less for the garbage
 * collector to copy), compare by identity, and are already in V8's string table when the schema
 * layer uses them as property names (a fresh copy is looked up there again). Bounded: a
 * document of generated keys cannot grow it without limit.
 */
const sharedKeys = new BoundedCache<string>(10_000, (key) => key);

export function sharedKey(key: string): string {
  return sharedKeys.get(key);
}
