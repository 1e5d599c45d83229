import { isRecord } from '../../guards';
import { literal, NotMechanical, pathExpression, templateValue, type Expression } from './jsonPathToJsonata';
import type { Template } from './template';

/**
 * A JSONPath Choice rule (`Variable` + comparison, or And/Or/Not) as a JSONata `Condition`.
 * Comparisons map onto JSONata operators; timestamps compare as milliseconds. StringMatches
 * (wildcards) and IsTimestamp have no one-to-one twin and are refused.
 */
const COMPARISONS: ReadonlyMap<string, string> = new Map([
  ['Equals', '='],
  ['LessThan', '<'],
  ['LessThanEquals', '<='],
  ['GreaterThan', '>'],
  ['GreaterThanEquals', '>='],
]);

const TYPE_TESTS: ReadonlyMap<string, string> = new Map([
  ['IsString', 'string'],
  ['IsNumeric', 'number'],
  ['IsBoolean', 'boolean'],
]);

export function conditionOf(rule: unknown, base: Expression): Expression {
  if (!isRecord(rule)) throw new NotMechanical();
  const and = rule['And'];
  const or = rule['Or'];
  if (Array.isArray(and) || Array.isArray(or)) {
    const list = (Array.isArray(and) ? and : or) as unknown[];
    if (list.length === 0) throw new NotMechanical();
    const joined = list.map((r) => conditionOf(r, base)).join(Array.isArray(and) ? ' and ' : ' or ');
    return list.length === 1 ? joined : `(${joined})`;
  }
  if (rule['Not'] !== undefined) return `$not(${conditionOf(rule['Not'], base)})`;
  const variable = rule['Variable'];
  if (typeof variable !== 'string') throw new NotMechanical();
  const value = pathExpression(variable, base);
  const operators = Object.keys(rule).filter((k) => !['Variable', 'Next', 'Comment', 'Assign'].includes(k));
  const [operator] = operators;
  if (operator === undefined || operators.length !== 1) throw new NotMechanical();
  return comparison(operator, value, rule[operator], base);
}

function comparison(operator: string, value: Expression, operand: unknown, base: Expression): Expression {
  if (operator === 'IsNull') return operand === true ? `${value} = null` : `$not(${value} = null)`;
  if (operator === 'IsPresent') return operand === true ? `$exists(${value})` : `$not($exists(${value}))`;
  const type = TYPE_TESTS.get(operator);
  if (type !== undefined) {
    const test = `$type(${value}) = '${type}'`;
    return operand === true ? test : `$not(${test})`;
  }
  const match =
    /^(String|Numeric|Boolean|Timestamp)(Equals|LessThan|LessThanEquals|GreaterThan|GreaterThanEquals)(Path)?$/.exec(
      operator,
    );
  const symbol = match === null ? undefined : COMPARISONS.get(match[2] ?? '');
  if (match === null || symbol === undefined) throw new NotMechanical();
  const kind = match[1];
  if (kind === 'Boolean' && match[2] !== 'Equals') throw new NotMechanical();
  let other: Expression;
  if (match[3] === 'Path') {
    if (typeof operand !== 'string') throw new NotMechanical();
    other = pathExpression(operand, base);
  } else {
    other = literal(operand);
  }
  if (kind === 'Timestamp') return `$toMillis(${value}) ${symbol} $toMillis(${other})`;
  return `${value} ${symbol} ${other}`;
}

/** A top-level Choice rule: Condition in place of the comparison, Next, Comment and Assign kept. */
export function choiceRuleOf(rule: unknown, base: Expression): Template {
  if (!isRecord(rule)) throw new NotMechanical();
  const result: Record<string, Template> = {};
  let placed = false;
  for (const [key, value] of Object.entries(rule)) {
    if (key === 'Next' || key === 'Comment') {
      if (typeof value !== 'string') throw new NotMechanical();
      result[key] = value;
    } else if (key === 'Assign') {
      result[key] = templateValue(value, base);
    } else if (!placed) {
      result['Condition'] = `{% ${conditionOf(rule, base)} %}`;
      placed = true;
    }
  }
  if (!placed) throw new NotMechanical();
  return result;
}
