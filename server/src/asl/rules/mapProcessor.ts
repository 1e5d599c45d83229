import { propertyOf } from '../ast';
import { RULE_MESSAGES } from './messages';
import { relatedAt } from './related';
import type { Rule } from './rule';

/**
 * A Map state runs one processor: ItemProcessor, or the older Iterator, not both. (A Map with
 * neither is the schema's missing-field error.)
 */
export const mapProcessor: Rule = {
  code: 'ASL-MAP-PROCESSOR',
  severity: 'error',
  description: 'A Map state takes ItemProcessor or Iterator, not both.',
  check: ({ model }, report) => {
    for (const state of model.states) {
      if (state.type !== 'Map' || state.node === undefined) continue;
      const processor = propertyOf(state.node, 'ItemProcessor');
      const iterator = propertyOf(state.node, 'Iterator');
      if (processor !== undefined && iterator !== undefined) {
        report(
          iterator.key,
          RULE_MESSAGES.mapTwoProcessors(),
          relatedAt(processor.key, RULE_MESSAGES.fieldSetHere('ItemProcessor')),
        );
      }
    }
  },
};
