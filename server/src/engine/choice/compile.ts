import type { JsonValue } from '../json';
import { compilePath, DefinitionError } from '../dataflow/refs';
import { FieldReader } from '../definition/read';
import { isJsonObject } from '../json';
import type { ChoiceRule, QueryLanguage } from '../definition/types';
import type { FieldCompiler } from '../definition/compile';
import { isComparisonOperator, isTypeTest } from './condition';
import type { Condition } from './condition';

/** Compiles a Choice state's `Choices` into condition trees (paths parsed once). */
export function compileChoiceRules(
  r: FieldReader,
  queryLanguage: QueryLanguage,
  stateFields: FieldCompiler,
): ChoiceRule[] {
  const choices = r.array('Choices');
  if (choices === undefined || choices.length === 0)
    throw r.problem('Choices', 'must hold at least one rule');
  return choices.map((rule, i) => {
    const where = `${r.where} Choices #${i + 1}`;
    if (!isJsonObject(rule)) throw new DefinitionError(`${where} must be an object.`);
    const reader = new FieldReader(rule, where);
    const next = reader.requiredString('Next');
    const fields = stateFields.forBlock(reader);
    const assign = fields.assign();
    const output = fields.template('Output');
    if (queryLanguage === 'JSONata') {
      const condition = fields.template('Condition');
      if (condition === undefined) throw reader.problem('Condition', 'is required');
      return { condition: { kind: 'jsonata', template: condition }, next, assign, output };
    }
    return { condition: compileCondition(rule, where), next, assign, output };
  });
}

function compileCondition(rule: JsonValue, where: string): Condition {
  if (!isJsonObject(rule)) throw new DefinitionError(`${where} must be an object.`);
  const r = new FieldReader(rule, where);
  const and = r.array('And');
  if (and !== undefined)
    return { kind: 'and', conditions: and.map((c, i) => compileCondition(c, `${where} And #${i + 1}`)) };
  const or = r.array('Or');
  if (or !== undefined)
    return { kind: 'or', conditions: or.map((c, i) => compileCondition(c, `${where} Or #${i + 1}`)) };
  const not = r.raw('Not');
  if (not !== undefined) return { kind: 'not', condition: compileCondition(not, `${where} Not`) };
  const variableSource = r.requiredString('Variable');
  const variable = compilePath(variableSource, `${where} Variable`);
  for (const [key, value] of Object.entries(rule)) {
    if (isTypeTest(key)) {
      if (typeof value !== 'boolean') throw r.problem(key, 'must be true or false');
      return { kind: 'test', variable, test: key, expected: value };
    }
    if (key.endsWith('Path')) {
      const operator = key.slice(0, -'Path'.length);
      if (isComparisonOperator(operator)) {
        if (typeof value !== 'string') throw r.problem(key, 'must be a path');
        return {
          kind: 'compare',
          variable,
          operator,
          operand: { kind: 'path', path: compilePath(value, `${where} ${key}`) },
        };
      }
    }
    if (isComparisonOperator(key)) {
      return { kind: 'compare', variable, operator: key, operand: { kind: 'literal', value } };
    }
  }
  throw new DefinitionError(`${where} has no comparison operator.`);
}
