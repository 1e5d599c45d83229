import type { ValueNode } from '../ast';
import { CHOICE_OPERATORS, type OperandKind } from '../choiceOperatorKinds';
import { RULE_MESSAGES } from './messages';
import type { Rule } from './rule';
import { isRfc3339Timestamp } from './timestamp';

/** NumericEquals takes a number, TimestampEquals a timestamp, ...Path a path, Is* a boolean. */
export const choiceOperatorValue: Rule = {
  code: 'ASL-CHOICE-OPERATOR-VALUE',
  severity: 'error',
  description:
    'Each comparison operator takes a value of its kind (number, string, boolean, RFC 3339 timestamp or path).',
  check: (context, report) => {
    for (const state of context.model.states) {
      if (state.type !== 'Choice' || context.languageOf(state) !== 'JSONPath') continue;
      for (const { rule } of context.choiceRulesOf(state)) {
        for (const property of rule.properties) {
          const kind = CHOICE_OPERATORS.get(property.key.value);
          const value = property.value;
          if (kind === undefined || value === undefined || fits(value, kind)) continue;
          report(value, RULE_MESSAGES.choiceOperatorValue(property.key.value, kind));
        }
      }
    }
  },
};

function fits(value: ValueNode, kind: OperandKind): boolean {
  switch (kind) {
    case 'number':
      return value.kind === 'number';
    case 'boolean':
      return value.kind === 'boolean';
    case 'timestamp':
      return value.kind === 'string' && isRfc3339Timestamp(value.value);
    // Strings and paths: whether a path is well formed is the path rules' business.
    default:
      return value.kind === 'string';
  }
}
