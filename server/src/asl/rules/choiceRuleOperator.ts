import { propertyOf, type ObjectNode, type Span } from '../ast';
import { CHOICE_OPERATORS } from '../choiceOperatorKinds';
import { operatorsOf } from './choiceOperators';
import { RULE_MESSAGES } from './messages';
import { relatedAt } from './related';
import type { Rule } from './rule';

/**
 * Each choice rule tests one thing: one comparison with its Variable, or one of And/Or/Not
 * (JSONPath); a Condition (JSONata).
 */
export const choiceRuleOperator: Rule = {
  code: 'ASL-CHOICE-RULE-OPERATOR',
  severity: 'error',
  description:
    'Each choice rule has exactly one operator (a comparison with Variable, And, Or or Not; Condition in JSONata).',
  check: (context, report) => {
    for (const state of context.model.states) {
      if (state.type !== 'Choice') continue;
      const jsonata = context.languageOf(state) === 'JSONata';
      for (const { rule } of context.choiceRulesOf(state)) {
        const operators = operatorsOf(rule);
        const first = operators[0];
        if (jsonata) {
          // JSONPath operators in a JSONata state are reported as fields of the wrong language.
          if (first === undefined && propertyOf(rule, 'Condition') === undefined) {
            report(anchorOf(rule), RULE_MESSAGES.choiceNoCondition());
          }
          continue;
        }
        if (first === undefined) {
          // A JSONata Condition here is reported as a field of the wrong language.
          if (propertyOf(rule, 'Condition') === undefined)
            report(anchorOf(rule), RULE_MESSAGES.choiceNoOperator());
          continue;
        }
        for (const later of operators.slice(1)) {
          report(
            later.key,
            RULE_MESSAGES.choiceTwoOperators(later.key.value, first.key.value),
            relatedAt(first.key, RULE_MESSAGES.fieldSetHere(first.key.value)),
          );
        }
        const variable = propertyOf(rule, 'Variable');
        if (CHOICE_OPERATORS.has(first.key.value) && variable === undefined) {
          report(first.key, RULE_MESSAGES.choiceNoVariable(first.key.value));
        } else if (!CHOICE_OPERATORS.has(first.key.value) && variable !== undefined) {
          report(variable.key, RULE_MESSAGES.choiceVariableWithCombinator(first.key.value));
        }
      }
    }
  },
};

/** Where to report on a whole rule: its first key (the object may span many lines). */
function anchorOf(rule: ObjectNode): Span {
  return rule.properties[0]?.key ?? rule;
}
