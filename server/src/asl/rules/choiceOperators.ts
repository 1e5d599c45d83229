import { propertyOf, type ObjectNode, type PropertyNode } from '../ast';
import { CHOICE_OPERATORS } from '../choiceOperatorKinds';
import type { State } from '../model';

export const BOOLEAN_COMBINATORS: ReadonlySet<string> = new Set(['And', 'Or', 'Not']);

export interface ChoiceRuleVisit {
  readonly rule: ObjectNode;
  /** True for the rules directly in Choices; false for rules inside And, Or and Not. */
  readonly topLevel: boolean;
}

/** Every choice rule of a Choice state, nested ones included, in document order. */
export function collectChoiceRules(state: State): ChoiceRuleVisit[] {
  const visits: ChoiceRuleVisit[] = [];
  const choices = state.type === 'Choice' ? propertyOf(state.node, 'Choices')?.value : undefined;
  if (choices?.kind !== 'array') return visits;
  for (const item of choices.items) if (item.kind === 'object') visitRule(visits, item, true, 0);
  return visits;
}

function visitRule(visits: ChoiceRuleVisit[], rule: ObjectNode, topLevel: boolean, depth: number): void {
  visits.push({ rule, topLevel });
  if (depth > 64) return;
  for (const property of rule.properties) {
    const value = property.value;
    const key = property.key.value;
    if (key === 'Not' && value?.kind === 'object') visitRule(visits, value, false, depth + 1);
    if ((key === 'And' || key === 'Or') && value?.kind === 'array') {
      for (const item of value.items) if (item.kind === 'object') visitRule(visits, item, false, depth + 1);
    }
  }
}

/** The operator keys of a rule: comparisons and And/Or/Not. */
export function operatorsOf(rule: ObjectNode): PropertyNode[] {
  return rule.properties.filter(
    (p) => CHOICE_OPERATORS.has(p.key.value) || BOOLEAN_COMBINATORS.has(p.key.value),
  );
}
