import { propertyOf, type ObjectNode } from '../ast';
import { RULE_MESSAGES } from './messages';
import { relatedAt } from './related';
import type { Report, Rule } from './rule';

/** Fields that give the same setting two ways (a literal and a path, or two sources of items). */
const STATE_GROUPS: readonly (readonly string[])[] = [
  ['TimeoutSeconds', 'TimeoutSecondsPath'],
  ['HeartbeatSeconds', 'HeartbeatSecondsPath'],
  ['Error', 'ErrorPath'],
  ['Cause', 'CausePath'],
  ['ToleratedFailureCount', 'ToleratedFailureCountPath'],
  ['ToleratedFailurePercentage', 'ToleratedFailurePercentagePath'],
  ['MaxConcurrency', 'MaxConcurrencyPath'],
  ['ItemsPath', 'Items'],
];
const MAP_GROUPS: readonly (readonly string[])[] = [['ItemSelector', 'Parameters']];
const READER_CONFIG_GROUPS: readonly (readonly string[])[] = [['MaxItems', 'MaxItemsPath']];
const BATCHER_GROUPS: readonly (readonly string[])[] = [
  ['MaxItemsPerBatch', 'MaxItemsPerBatchPath'],
  ['MaxInputBytesPerBatch', 'MaxInputBytesPerBatchPath'],
];

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

function checkGroups(node: ObjectNode, groups: readonly (readonly string[])[], report: Report): void {
  for (const group of groups) {
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
