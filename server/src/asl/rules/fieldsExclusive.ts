import { propertyOf, type ObjectNode } from '../ast';
import { RULE_MESSAGES } from './messages';
import { relatedAt } from './related';
import type { Report, Rule } from './rule';

/** Groups of fields that give the same setting two ways, and all their fields together. */
interface Groups {
  readonly lists: readonly (readonly string[])[];
  readonly fields: ReadonlySet<string>;
}

function groups(...lists: readonly (readonly string[])[]): Groups {
  return { lists, fields: new Set(lists.flat()) };
}

/** Fields that give the same setting two ways (a literal and a path, or two sources of items). */
const STATE_GROUPS = groups(
  ['TimeoutSeconds', 'TimeoutSecondsPath'],
  ['HeartbeatSeconds', 'HeartbeatSecondsPath'],
  ['Error', 'ErrorPath'],
  ['Cause', 'CausePath'],
  ['ToleratedFailureCount', 'ToleratedFailureCountPath'],
  ['ToleratedFailurePercentage', 'ToleratedFailurePercentagePath'],
  ['MaxConcurrency', 'MaxConcurrencyPath'],
  ['ItemsPath', 'Items'],
);
const MAP_GROUPS = groups(['ItemSelector', 'Parameters']);
const READER_CONFIG_GROUPS = groups(['MaxItems', 'MaxItemsPath']);
const BATCHER_GROUPS = groups(
  ['MaxItemsPerBatch', 'MaxItemsPerBatchPath'],
  ['MaxInputBytesPerBatch', 'MaxInputBytesPerBatchPath'],
);

/** At most one field of each group: the later ones are reported, pointing at the first. */
export const fieldsExclusive: Rule = {
  code: 'ASL-FIELDS-EXCLUSIVE',
  severity: 'error',
  description:
    'Mutually exclusive fields (X and XPath, ItemsPath and Items, ItemSelector and Parameters) may not be combined.',
  check: ({ model }, report) => {
    for (const state of model.states) {
      const body = state.node;
      if (body === undefined) continue;
      checkGroups(body, STATE_GROUPS, report);
      if (state.type !== 'Map') continue;
      checkGroups(body, MAP_GROUPS, report);
      const reader = propertyOf(body, 'ItemReader')?.value;
      const config = propertyOf(reader, 'ReaderConfig')?.value;
      if (config?.kind === 'object') checkGroups(config, READER_CONFIG_GROUPS, report);
      const batcher = propertyOf(body, 'ItemBatcher')?.value;
      if (batcher?.kind === 'object') checkGroups(batcher, BATCHER_GROUPS, report);
    }
  },
};

function checkGroups(node: ObjectNode, groups: Groups, report: Report): void {
  // Almost every object has at most one field of all the groups together: nothing to compare.
  if (countGroupFields(node, groups) < 2) return;
  for (const group of groups.lists) {
    const present = node.properties.filter((p) => group.includes(p.key.value));
    const first = present[0];
    if (first === undefined) continue;
    for (const later of present.slice(1)) {
      if (later.key.value === first.key.value) continue;
      report(
        later.key,
        RULE_MESSAGES.fieldsExclusive(later.key.value, first.key.value),
        relatedAt(first.key, RULE_MESSAGES.fieldSetHere(first.key.value)),
      );
    }
  }
}

/** How many of the object's keys belong to one of the groups (stops counting at 2). */
function countGroupFields(node: ObjectNode, groups: Groups): number {
  let count = 0;
  for (const property of node.properties) {
    if (groups.fields.has(property.key.value) && ++count >= 2) return count;
  }
  return count;
}
