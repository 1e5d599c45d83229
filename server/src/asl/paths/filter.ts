/**
 * Filter expressions inside `[?( ... )]`: comparisons of `@`/`$` paths and literals, joined by
 * `&&`, `||`, `!` and parentheses. Precedence: `!` binds tightest, then `&&`, then `||`.
 * Regular expressions (`=~`) and word operators (`in`, `subsetof`, ...) are refused, as the
 * ASL documentation says Step Functions refuses them.
 */
import type { ComparisonOperator, FilterExpression, FilterOperand } from './ast';
import { PATH_MESSAGES } from './messages';
import type { PathParser } from './parser';

const WORD_OPERATORS = ['in', 'nin', 'subsetof', 'anyof', 'noneof', 'size', 'empty', 'contains'];

/** Reads an expression at the cursor, up to (not including) the filter's closing ")". */
export function parseFilterExpression(parser: PathParser): FilterExpression {
  return readOr(parser);
}

function readOr(parser: PathParser): FilterExpression {
  let left = readAnd(parser);
  for (;;) {
    parser.skipSpaces();
    if (parser.peek() !== '|') return left;
    if (parser.peek(1) !== '|') parser.fail(parser.pos, 1, PATH_MESSAGES.singleBar());
    parser.pos += 2;
    const right = readAnd(parser);
    left = joined('or', left, right);
  }
}

function readAnd(parser: PathParser): FilterExpression {
  let left = readUnary(parser);
  for (;;) {
    parser.skipSpaces();
    if (parser.peek() !== '&') return left;
    if (parser.peek(1) !== '&') parser.fail(parser.pos, 1, PATH_MESSAGES.singleAmpersand());
    parser.pos += 2;
    const right = readUnary(parser);
    left = joined('and', left, right);
  }
}

function joined(kind: 'and' | 'or', left: FilterExpression, right: FilterExpression): FilterExpression {
  return { kind, left, right, offset: left.offset, length: right.offset + right.length - left.offset };
}

function readUnary(parser: PathParser): FilterExpression {
  parser.skipSpaces();
  const start = parser.pos;
  if (parser.peek() === '!' && parser.peek(1) !== '=') {
    parser.pos++;
    const operand = readUnary(parser);
    return { kind: 'not', operand, offset: parser.base + start, length: parser.pos - start };
  }
  if (parser.peek() === '(') {
    parser.pos++;
    const inner = readOr(parser);
    parser.skipSpaces();
    if (parser.peek() !== ')') {
      if (parser.atEnd()) parser.fail(start, 1, PATH_MESSAGES.unclosedParenthesis());
      parser.fail(parser.pos, 1, PATH_MESSAGES.operatorExpected(parser.peek()));
    }
    parser.pos++;
    return inner;
  }
  return readComparison(parser);
}

function readComparison(parser: PathParser): FilterExpression {
  const left = readOperand(parser);
  parser.skipSpaces();
  const operator = readOperator(parser);
  if (operator === undefined)
    return { kind: 'test', operand: left, offset: left.offset, length: left.length };
  parser.skipSpaces();
  const right = readOperand(parser);
  return {
    kind: 'compare',
    operator,
    left,
    right,
    offset: left.offset,
    length: right.offset + right.length - left.offset,
  };
}

function readOperator(parser: PathParser): ComparisonOperator | undefined {
  const at = parser.pos;
  const two = parser.text.slice(at, at + 2);
  if (two === '==' || two === '!=' || two === '<=' || two === '>=') {
    parser.pos += 2;
    return two;
  }
  if (two === '=~') parser.fail(at, 2, PATH_MESSAGES.unsupportedOperator('=~'));
  const one = parser.peek();
  if (one === '<' || one === '>') {
    parser.pos++;
    return one;
  }
  if (one === '=') parser.fail(at, 1, PATH_MESSAGES.singleEquals());
  const word = /^[a-z]+/.exec(parser.text.slice(at))?.[0];
  if (word !== undefined && WORD_OPERATORS.includes(word)) {
    parser.fail(at, word.length, PATH_MESSAGES.unsupportedOperator(word));
  }
  if (one === ')' || one === '&' || one === '|' || parser.atEnd()) return undefined;
  parser.fail(at, 1, PATH_MESSAGES.operatorExpected(one));
}

function readOperand(parser: PathParser): FilterOperand {
  parser.skipSpaces();
  const start = parser.pos;
  const char = parser.peek();
  if (char === '@' || char === '$') {
    const path = parser.readPath('filter');
    return { kind: 'path', path, offset: path.offset, length: path.length };
  }
  if (char === "'" || char === '"') {
    const quoted = parser.readQuoted();
    return { kind: 'literal', value: quoted.value, offset: quoted.offset, length: quoted.length };
  }
  const number = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(parser.text.slice(start))?.[0];
  if (number !== undefined) {
    parser.pos += number.length;
    const value = Number(number);
    if (!Number.isFinite(value)) parser.fail(start, number.length, PATH_MESSAGES.invalidNumber(number));
    return { kind: 'literal', value, offset: parser.base + start, length: number.length };
  }
  for (const [word, value] of [
    ['true', true],
    ['false', false],
    ['null', null],
  ] as const) {
    if (parser.text.startsWith(word, start) && !/[\w]/.test(parser.peek(word.length))) {
      parser.pos += word.length;
      return { kind: 'literal', value, offset: parser.base + start, length: word.length };
    }
  }
  parser.fail(start, 1, PATH_MESSAGES.operandExpected());
}
