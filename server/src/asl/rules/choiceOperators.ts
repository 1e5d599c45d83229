import type { ObjectNode, PropertyNode } from '../ast';
import type { State } from '../model';

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

const cache = new WeakMap<State, readonly ChoiceRuleVisit[]>();

/** Every choice rule of a Choice state, nested ones included, in document order. */
export function choiceRulesOf(state: State): readonly ChoiceRuleVisit[] {
  if (state.type !== 'Choice') return [];
  let visits = cache.get(state);
  if (visits === undefined) {
    visits = collect(state);
    cache.set(state, visits);
  }
  return visits;
}

function collect(state: State): ChoiceRuleVisit[] {
  const visits: ChoiceRuleVisit[] = [];
  const choices =
    state.type === 'Choice' ? state.node?.properties.find((p) => p.key.value === 'Choices') : undefined;
  if (choices?.value?.kind !== 'array') return visits;
  const visit = (rule: ObjectNode, topLevel: boolean, depth: number): void => {
    visits.push({ rule, topLevel });
    if (depth > 64) return;
    for (const property of rule.properties) {
      const value = property.value;
      if (property.key.value === 'Not' && value?.kind === 'object') visit(value, false, depth + 1);
      if ((property.key.value === 'And' || property.key.value === 'Or') && value?.kind === 'array') {
        for (const item of value.items) if (item.kind === 'object') visit(item, false, depth + 1);
      }
    }
  };
  for (const item of choices.value.items) if (item.kind === 'object') visit(item, true, 0);
  return visits;
}

/** The operator keys of a rule: comparisons and And/Or/Not. */
export function operatorsOf(rule: ObjectNode): PropertyNode[] {
  return rule.properties.filter(
    (p) => CHOICE_OPERATORS.has(p.key.value) || BOOLEAN_COMBINATORS.has(p.key.value),
  );
}
