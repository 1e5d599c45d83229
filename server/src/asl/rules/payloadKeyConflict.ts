import type { ObjectNode } from '../ast';
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
      if (context.languageOf(state) !== 'JSONPath') continue;
      for (const site of context.sitesOf(state)) {
        // Result is literal: its ".$" keys are plain names.
        if (site.value.kind !== 'object' || site.path[0] === 'Result') continue;
        checkObject(site.value, report);
      }
    }
  },
};

function checkObject(node: ObjectNode, report: Parameters<Rule['check']>[1]): void {
  if (node.properties.length < 2 || !node.properties.some((p) => p.key.value.endsWith('.$'))) return;
  const plain = new Map(node.properties.map((p) => [p.key.value, p.key]));
  for (const property of node.properties) {
    const key = property.key.value;
    if (!key.endsWith('.$')) continue;
    const twin = plain.get(key.slice(0, -2));
    if (twin === undefined) continue;
    report(
      property.key,
      RULE_MESSAGES.payloadKeyConflict(key.slice(0, -2)),
      relatedAt(twin, RULE_MESSAGES.fieldSetHere(twin.value)),
    );
  }
}
