import type { JsonValue } from '../json';
import { fail } from '../errors';
import { lookupPath } from '../dataflow/io';
import type { PathEnvironment } from '../dataflow/io';
import type { PathRef } from '../dataflow/refs';
import type { ComparisonOperator, Condition, TypeTest } from './condition';
import { parseTimestamp } from './timestamp';

/**
 * Evaluates a JSONPath-mode Choice condition. A comparison whose operand has the wrong type is
 * simply false, as on AWS; a Variable that selects nothing fails the state (except IsPresent).
 */
export function evaluateCondition(condition: Condition, input: JsonValue, env: PathEnvironment): boolean {
  switch (condition.kind) {
    case 'and':
      return condition.conditions.every((c) => evaluateCondition(c, input, env));
    case 'or':
      return condition.conditions.some((c) => evaluateCondition(c, input, env));
    case 'not':
      return !evaluateCondition(condition.condition, input, env);
    case 'test': {
      const found = lookupPath(condition.variable, input, env);
      if (condition.test === 'IsPresent') return found.found === condition.expected;
      if (!found.found) return missingVariable(condition.variable);
      return typeTest(condition.test, found.value) === condition.expected;
    }
    case 'compare': {
      const found = lookupPath(condition.variable, input, env);
      if (!found.found) return missingVariable(condition.variable);
      const operand =
        condition.operand.kind === 'literal'
          ? condition.operand.value
          : selectOperand(condition.operand.path, input, env);
      return compare(condition.operator, found.value, operand);
    }
    case 'jsonata':
      // JSONata rules are evaluated by the JSONata state code (asynchronously, with $states).
      return fail('States.Runtime', 'A JSONata condition reached the JSONPath evaluator.');
  }
}

function selectOperand(path: PathRef, input: JsonValue, env: PathEnvironment): JsonValue {
  const found = lookupPath(path, input, env);
  return found.found ? found.value : missingVariable(path);
}

function missingVariable(path: PathRef): never {
  return fail(
    'States.Runtime',
    `Invalid path '${path.source}': The choice state's condition path references an invalid value.`,
  );
}

function typeTest(test: Exclude<TypeTest, 'IsPresent'>, value: JsonValue): boolean {
  switch (test) {
    case 'IsNull':
      return value === null;
    case 'IsNumeric':
      return typeof value === 'number';
    case 'IsString':
      return typeof value === 'string';
    case 'IsBoolean':
      return typeof value === 'boolean';
    case 'IsTimestamp':
      return typeof value === 'string' && parseTimestamp(value) !== undefined;
  }
}

function compare(operator: ComparisonOperator, left: JsonValue, right: JsonValue): boolean {
  switch (operator) {
    case 'BooleanEquals':
      return typeof left === 'boolean' && left === right;
    case 'NumericEquals':
      return typeof left === 'number' && typeof right === 'number' && left === right;
    case 'NumericGreaterThan':
      return typeof left === 'number' && typeof right === 'number' && left > right;
    case 'NumericGreaterThanEquals':
      return typeof left === 'number' && typeof right === 'number' && left >= right;
    case 'NumericLessThan':
      return typeof left === 'number' && typeof right === 'number' && left < right;
    case 'NumericLessThanEquals':
      return typeof left === 'number' && typeof right === 'number' && left <= right;
    case 'StringEquals':
      return typeof left === 'string' && left === right;
    case 'StringGreaterThan':
      return typeof left === 'string' && typeof right === 'string' && left > right;
    case 'StringGreaterThanEquals':
      return typeof left === 'string' && typeof right === 'string' && left >= right;
    case 'StringLessThan':
      return typeof left === 'string' && typeof right === 'string' && left < right;
    case 'StringLessThanEquals':
      return typeof left === 'string' && typeof right === 'string' && left <= right;
    case 'StringMatches':
      return typeof left === 'string' && typeof right === 'string' && matchesGlob(right, left);
    default:
      return compareTimestamps(operator, left, right);
  }
}

function compareTimestamps(operator: ComparisonOperator, left: JsonValue, right: JsonValue): boolean {
  if (typeof left !== 'string' || typeof right !== 'string') return false;
  const a = parseTimestamp(left);
  const b = parseTimestamp(right);
  if (a === undefined || b === undefined) return false;
  switch (operator) {
    case 'TimestampEquals':
      return a === b;
    case 'TimestampGreaterThan':
      return a > b;
    case 'TimestampGreaterThanEquals':
      return a >= b;
    case 'TimestampLessThan':
      return a < b;
    default:
      return a <= b;
  }
}

/**
 * StringMatches: `*` matches any run of characters; `\*` is a literal star and `\\` a literal
 * backslash. Matched segment by segment, without building a regular expression from the text.
 */
export function matchesGlob(pattern: string, text: string): boolean {
  const parts: string[] = [''];
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\' && i + 1 < pattern.length) {
      parts[parts.length - 1] += pattern[++i] ?? '';
    } else if (char === '*') parts.push('');
    else parts[parts.length - 1] += char ?? '';
  }
  const first = parts[0] ?? '';
  if (parts.length === 1) return text === first;
  if (!text.startsWith(first)) return false;
  let position = first.length;
  const last = parts[parts.length - 1] ?? '';
  for (let i = 1; i < parts.length - 1; i++) {
    const part = parts[i] ?? '';
    const at = text.indexOf(part, position);
    if (at < 0) return false;
    position = at + part.length;
  }
  return text.length - position >= last.length && text.endsWith(last);
}
