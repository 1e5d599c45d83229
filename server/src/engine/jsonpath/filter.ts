/**
 * Filter expressions over one item. A path operand that selects nothing is "missing": it is
 * equal to nothing (so `!=` holds) and ordered against nothing. `<`, `<=`, `>`, `>=` compare
 * two numbers or two strings and are false for anything else, as in Jayway.
 */
import type { FilterExpression, FilterOperand } from '../../asl/paths/ast';
import type { JsonObject, JsonValue } from '../json';
import { jsonEquals } from './equals';
import type { PathRoots } from './evaluate';
import { evaluatePath } from './evaluate';

export function matchesFilter(expression: FilterExpression, item: JsonObject, roots: PathRoots): boolean {
  switch (expression.kind) {
    case 'and':
      return matchesFilter(expression.left, item, roots) && matchesFilter(expression.right, item, roots);
    case 'or':
      return matchesFilter(expression.left, item, roots) || matchesFilter(expression.right, item, roots);
    case 'not':
      return !matchesFilter(expression.operand, item, roots);
    case 'test': {
      const value = operandValue(expression.operand, item, roots);
      if (expression.operand.kind === 'path')
        return (
          value !== undefined &&
          !(Array.isArray(value) && !expression.operand.path.definite && value.length === 0)
        );
      return value !== undefined && value !== null && value !== false && value !== 0 && value !== '';
    }
    case 'compare': {
      const left = operandValue(expression.left, item, roots);
      const right = operandValue(expression.right, item, roots);
      switch (expression.operator) {
        case '==':
          return left !== undefined && right !== undefined && jsonEquals(left, right);
        case '!=':
          return !(left !== undefined && right !== undefined && jsonEquals(left, right));
        default:
          return ordered(expression.operator, left, right);
      }
    }
  }
}

function operandValue(operand: FilterOperand, item: JsonObject, roots: PathRoots): JsonValue | undefined {
  return operand.kind === 'literal' ? operand.value : evaluatePath(operand.path, roots, item);
}

function ordered(
  operator: '<' | '<=' | '>' | '>=',
  left: JsonValue | undefined,
  right: JsonValue | undefined,
): boolean {
  if (typeof left === 'number' && typeof right === 'number') return compare(operator, left, right);
  if (typeof left === 'string' && typeof right === 'string') return compare(operator, left, right);
  return false;
}

function compare<T extends number | string>(operator: '<' | '<=' | '>' | '>=', left: T, right: T): boolean {
  switch (operator) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
  }
}
