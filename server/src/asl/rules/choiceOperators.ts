import { propertyOf, type ObjectNode, type PropertyNode } from '../ast';
import type { State } from '../model';
import type { RuleContext } from './context';

/** What a JSONPath comparison operator's value must be. */
export type OperandKind = 'string' | 'number' | 'boolean' | 'timestamp' | 'path';

const COMPARISONS: readonly [string, OperandKind][] = [
  ['StringEquals', 'string'],
  ['StringLessThan', 'string'],
  ['StringGreaterThan', 'string'],
  ['StringLessThanEquals', 'string'],
  ['StringGreaterThanEquals', 'string'],
  ['NumericEquals', 'number'],
  ['NumericLessThan', 'number'],
  ['NumericGreaterThan', 'number'],
  ['NumericLessThanEquals', 'number'],
  ['NumericGreaterThanEquals', 'number'],
  ['BooleanEquals', 'boolean'],
  ['TimestampEquals', 'timestamp'],
  ['TimestampLessThan', 'timestamp'],
  ['TimestampGreaterThan', 'timestamp'],
  ['TimestampLessThanEquals', 'timestamp'],
  ['TimestampGreaterThanEquals', 'timestamp'],
];

/** Every JSONPath comparison operator with the kind of value it takes. */
export const CHOICE_OPERATORS: ReadonlyMap<string, OperandKind> = new Map<string, OperandKind>([
  ...COMPARISONS,
  ...COMPARISONS.map(([name]): [string, OperandKind] => [`${name}Path`, 'path']),
  ['StringMatches', 'string'],
  ['IsNull', 'boolean'],
  ['IsPresent', 'boolean'],
  ['IsNumeric', 'boolean'],
  ['IsString', 'boolean'],
  ['IsBoolean', 'boolean'],
  ['IsTimestamp', 'boolean'],
]);

export const BOOLEAN_COMBINATORS: ReadonlySet<string> = new Set(['And', 'Or', 'Not']);

export interface ChoiceRuleVisit {
  readonly rule: ObjectNode;
  /** True for the rules directly in Choices; false for rules inside And, Or and Not. */
  readonly topLevel: boolean;
}

/** Every choice rule of a Choice state, nested ones included, in document order (computed once per validation). */
export function choiceRulesOf(context: RuleContext, state: State): readonly ChoiceRuleVisit[] {
  return context.choiceRulesOf(state);
}

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
