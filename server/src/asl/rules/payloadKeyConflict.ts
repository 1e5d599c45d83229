import type { ObjectNode, PropertyNode, StringNode } from '../ast';
import { RULE_MESSAGES } from './messages';
import { relatedAt } from './related';
import type { Rule } from './rule';

/** `"x"` and `"x.$"` in one object would both produce the field x. */
export const payloadKeyConflict: Rule = {
  code: 'ASL-PAYLOAD-KEY-CONFLICT',
  severity: 'error',
  description: 'A payload template may not have both "x" and "x.$".',
  check: (context, report) => {
    for (const state of context.model.states) {
      // Only JSONPath states have templates; Result is literal (its ".$" keys are plain names) and never listed.
      for (const template of context.sitesOf(state).templates) checkObject(template, report);
    }
  },
};

/** `node` has a `.$` key and at least one other (stateSites.ts lists only such objects). */
function checkObject(node: ObjectNode, report: Parameters<Rule['check']>[1]): void {
  const properties = node.properties;
  const twinOf = properties.length > SCAN_LIMIT ? lastKeys(properties) : undefined;
  for (const property of properties) {
    const key = property.key.value;
    if (!key.endsWith('.$')) continue;
    const twin = twinOf === undefined ? lastTwin(properties, key) : twinOf.get(key.slice(0, -2));
    if (twin === undefined) continue;
    report(
      property.key,
      RULE_MESSAGES.payloadKeyConflict(key.slice(0, -2)),
      relatedAt(twin, RULE_MESSAGES.fieldSetHere(twin.value)),
    );
  }
}

/**
 * Up to this many properties, each `.$` key scans the object for its twin: a Map of the keys
 * per object was most of what this rule cost on large documents, where templates are small.
 * Past it the scans would add up to the square of the size (100,000 keys: 30 s), so the keys
 * are indexed once.
 */
const SCAN_LIMIT = 64;

/**
 * The last key `x` of the object for the key `x.$` (a repeated key is the parser's error; the
 * related information points at the last one).
 */
function lastTwin(properties: readonly PropertyNode[], dollarKey: string): StringNode | undefined {
  const length = dollarKey.length - 2;
  for (let i = properties.length - 1; i >= 0; i--) {
    const key = properties[i]?.key;
    if (key?.value.length === length && dollarKey.startsWith(key.value)) return key;
  }
  return undefined;
}

/** Each key of the object at its last occurrence, as lastTwin finds it. */
function lastKeys(properties: readonly PropertyNode[]): Map<string, StringNode> {
  const keys = new Map<string, StringNode>();
  for (const property of properties) keys.set(property.key.value, property.key);
  return keys;
}
