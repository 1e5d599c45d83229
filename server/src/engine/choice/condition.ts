import type { JsonValue } from '../json';
import type { PathRef } from '../dataflow/refs';
import type { JsonataTemplate } from '../jsonata/template';

/** A compiled Choice rule condition. */
export type Condition =
  | { readonly kind: 'and'; readonly conditions: readonly Condition[] }
  | { readonly kind: 'or'; readonly conditions: readonly Condition[] }
  | { readonly kind: 'not'; readonly condition: Condition }
  | {
      readonly kind: 'compare';
      readonly variable: PathRef;
      readonly operator: ComparisonOperator;
      /** The literal to compare with, or the path that yields it for the `...Path` variants. */
      readonly operand:
        | { readonly kind: 'literal'; readonly value: JsonValue }
        | { readonly kind: 'path'; readonly path: PathRef };
    }
  | { readonly kind: 'test'; readonly variable: PathRef; readonly test: TypeTest; readonly expected: boolean }
  /** A JSONata rule's Condition: a boolean literal or an expression. */
  | { readonly kind: 'jsonata'; readonly template: JsonataTemplate };

export type ComparisonOperator =
  | 'BooleanEquals'
  | 'NumericEquals'
  | 'NumericGreaterThan'
  | 'NumericGreaterThanEquals'
  | 'NumericLessThan'
  | 'NumericLessThanEquals'
  | 'StringEquals'
  | 'StringGreaterThan'
  | 'StringGreaterThanEquals'
  | 'StringLessThan'
  | 'StringLessThanEquals'
  | 'StringMatches'
  | 'TimestampEquals'
  | 'TimestampGreaterThan'
  | 'TimestampGreaterThanEquals'
  | 'TimestampLessThan'
  | 'TimestampLessThanEquals';

export type TypeTest = 'IsNull' | 'IsPresent' | 'IsNumeric' | 'IsString' | 'IsBoolean' | 'IsTimestamp';

export const COMPARISON_OPERATORS: ReadonlySet<string> = new Set<ComparisonOperator>([
  'BooleanEquals',
  'NumericEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'StringEquals',
  'StringGreaterThan',
  'StringGreaterThanEquals',
  'StringLessThan',
  'StringLessThanEquals',
  'StringMatches',
  'TimestampEquals',
  'TimestampGreaterThan',
  'TimestampGreaterThanEquals',
  'TimestampLessThan',
  'TimestampLessThanEquals',
]);

export const TYPE_TESTS: ReadonlySet<string> = new Set<TypeTest>([
  'IsNull',
  'IsPresent',
  'IsNumeric',
  'IsString',
  'IsBoolean',
  'IsTimestamp',
]);

export function isComparisonOperator(name: string): name is ComparisonOperator {
  return COMPARISON_OPERATORS.has(name);
}

export function isTypeTest(name: string): name is TypeTest {
  return TYPE_TESTS.has(name);
}
