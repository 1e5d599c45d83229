import { parseIntrinsicCached, type IntrinsicArgument, type IntrinsicCall } from '../intrinsics';
import { classifyPayloadString, parsePathCached } from '../paths';
import { isRecord } from '../../guards';
import type { Template } from './template';

/**
 * JSONPath pieces rewritten as JSONata expressions, for the state conversion: paths over a base
 * expression (what `$` stands for), intrinsic calls with a clear JSONata twin, payload
 * templates, ResultPath merges and OutputPath selections. Each function throws
 * `NotMechanical` when a piece has no faithful rewriting, so that no half-converted state is
 * ever offered.
 */
export class NotMechanical extends Error {}

/** What `$` stands for: `$states.input`, `$states.result`, `$states.errorOutput`, or a path over one. */
export type Expression = string;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `$.a.b` over `base`, `$$.x` as `$states.context.x`, `$name.x` as itself; definite paths only. */
export function pathExpression(path: string, base: Expression): Expression {
  const parsed = parsePathCached(path);
  if (!parsed.ok || parsed.path.steps === undefined) throw new NotMechanical();
  const root = parsed.path.root;
  let head: Expression;
  if (root.kind === 'input') head = base;
  else if (root.kind === 'context') head = '$states.context';
  else if (root.kind === 'variable') head = `$${root.name}`;
  else throw new NotMechanical();
  const steps = parsed.path.steps.map(step);
  if (steps.length === 0) return head;
  return (isSimple(head) ? head : `(${head})`) + steps.join('');
}

function step(key: string | number): string {
  if (typeof key === 'number') return `[${key}]`;
  if (IDENTIFIER.test(key)) return `.${key}`;
  if (key.includes('`')) throw new NotMechanical();
  return `.\`${key}\``;
}

function isSimple(expression: Expression): boolean {
  return /^\$[A-Za-z_]\w*(\.(\w+|`[^`]*`)|\[-?\d+\])*$/.test(expression);
}

/** A JSONata string literal, single-quoted (it reads better inside a JSON string). */
export function stringLiteral(value: string): Expression {
  const escaped = JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  return `'${escaped}'`;
}

/** A JSON value as a JSONata literal. */
export function literal(value: unknown): Expression {
  if (typeof value === 'string') return stringLiteral(value);
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (isRecord(value))
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${literal(v)}`)
      .join(', ')}}`;
  throw new NotMechanical();
}

/** The value of a `.$` key: a path or an intrinsic call. */
export function payloadExpression(text: string, base: Expression): Expression {
  switch (classifyPayloadString(text)) {
    case 'path':
    case 'context-path':
    case 'variable-path':
      return pathExpression(text, base);
    case 'intrinsic': {
      const parsed = parseIntrinsicCached(text);
      if (!parsed.ok) throw new NotMechanical();
      return callExpression(parsed.call, base);
    }
    default:
      throw new NotMechanical();
  }
}

function argument(arg: IntrinsicArgument, base: Expression): Expression {
  switch (arg.kind) {
    case 'string':
      return stringLiteral(arg.value);
    case 'number':
    case 'boolean':
      return JSON.stringify(arg.value);
    case 'null':
      return 'null';
    case 'path':
      return pathExpression(arg.path.text, base);
    default:
      return callExpression(arg, base);
  }
}

/** Intrinsic functions whose JSONata twin behaves the same; the others are refused. */
function callExpression(call: IntrinsicCall, base: Expression): Expression {
  const args = call.args.map((a) => argument(a, base));
  const [a, b, c] = args;
  const arity = (n: number): void => {
    if (args.length !== n) throw new NotMechanical();
  };
  switch (call.name) {
    case 'States.Format':
      return format(call, base);
    case 'States.StringToJson':
      arity(1);
      return `$parse(${a})`;
    case 'States.JsonToString':
      arity(1);
      return `$string(${a})`;
    case 'States.Array':
      return `[${args.join(', ')}]`;
    case 'States.ArrayPartition':
      arity(2);
      return `$partition(${a}, ${b})`;
    case 'States.ArrayContains':
      arity(2);
      return `(${b} in ${a})`;
    case 'States.ArrayRange':
      arity(3);
      return `$range(${a}, ${b}, ${c})`;
    case 'States.ArrayLength':
      arity(1);
      return `$count(${a})`;
    case 'States.ArrayUnique':
      arity(1);
      return `$distinct(${a})`;
    case 'States.Base64Encode':
      arity(1);
      return `$base64encode(${a})`;
    case 'States.Base64Decode':
      arity(1);
      return `$base64decode(${a})`;
    case 'States.Hash':
      arity(2);
      return `$hash(${a}, ${b})`;
    case 'States.MathAdd':
      arity(2);
      return `(${a} + ${b})`;
    case 'States.JsonMerge': {
      arity(3);
      // Only the shallow merge has a twin.
      if (call.args[2]?.kind !== 'boolean' || call.args[2].value) throw new NotMechanical();
      return `$merge([${a}, ${b}])`;
    }
    case 'States.UUID':
      arity(0);
      return '$uuid()';
    default:
      throw new NotMechanical();
  }
}

/** `States.Format('Hi {}!', $.name)` → `'Hi ' & $.name & '!'`: JSONata's `&` writes values as Format does. */
function format(call: IntrinsicCall, base: Expression): Expression {
  const [template, ...rest] = call.args;
  if (template?.kind !== 'string') throw new NotMechanical();
  const escaped = new Set(template.escapedBraces);
  const parts: Expression[] = [];
  let text = '';
  let used = 0;
  const value = template.value;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '{' && value[i + 1] === '}' && !escaped.has(i)) {
      const arg = rest[used++];
      if (arg === undefined) throw new NotMechanical();
      if (text !== '') parts.push(stringLiteral(text));
      text = '';
      parts.push(argument(arg, base));
      i++;
    } else {
      text += value[i] ?? '';
    }
  }
  if (used !== rest.length) throw new NotMechanical();
  if (text !== '') parts.push(stringLiteral(text));
  if (parts.length === 0) return "''";
  return parts.length === 1 ? `$string(${parts[0] ?? ''})` : parts.join(' & ');
}

/** A payload template as a JSONata field value: `.$` keys lose their suffix and hold `{% %}`. */
export function templateValue(value: unknown, base: Expression): Template {
  if (typeof value === 'string') {
    if (value.trimStart().startsWith('{%')) throw new NotMechanical();
    return value;
  }
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((item) => templateValue(item, base));
  if (!isRecord(value)) throw new NotMechanical();
  const result: Record<string, Template> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key.endsWith('.$')) {
      if (typeof item !== 'string') throw new NotMechanical();
      result[key.slice(0, -2)] = `{% ${payloadExpression(item, base)} %}`;
    } else {
      result[key] = templateValue(item, base);
    }
  }
  return result;
}

/** A payload template as one JSONata expression (an object constructor), to be merged or selected from. */
export function templateExpression(value: unknown, base: Expression): Expression {
  if (Array.isArray(value)) return `[${value.map((item) => templateExpression(item, base)).join(', ')}]`;
  if (!isRecord(value)) return literal(value);
  const entries = Object.entries(value).map(([key, item]) => {
    if (!key.endsWith('.$')) return `${JSON.stringify(key)}: ${templateExpression(item, base)}`;
    if (typeof item !== 'string') throw new NotMechanical();
    return `${JSON.stringify(key.slice(0, -2))}: ${payloadExpression(item, base)}`;
  });
  return `{${entries.join(', ')}}`;
}

/**
 * ResultPath: where `value` goes in the raw input. Absent or `$`: it replaces the input; null:
 * the input stays; `$.a.b`: the input with `a.b` set, written as nested `$merge`s.
 */
export function resultPathExpression(resultPath: unknown, value: Expression): Expression {
  if (resultPath === undefined || resultPath === '$') return value;
  if (resultPath === null) return '$states.input';
  if (typeof resultPath !== 'string') throw new NotMechanical();
  const parsed = parsePathCached(resultPath);
  const steps = parsed.ok && parsed.path.root.kind === 'input' ? parsed.path.steps : undefined;
  if (steps === undefined || steps.some((s) => typeof s !== 'string')) throw new NotMechanical();
  const build = (target: Expression, index: number): Expression => {
    const key = steps[index];
    if (typeof key !== 'string') return value;
    return `$merge([${target}, {${JSON.stringify(key)}: ${build(target + step(key), index + 1)}}])`;
  };
  return build('$states.input', 0);
}

/** OutputPath over the state's output `value`: absent or `$` keeps it, null gives `{}`. */
export function outputPathExpression(outputPath: unknown, value: Expression): Expression {
  if (outputPath === undefined || outputPath === '$') return value;
  if (outputPath === null) return '{}';
  if (typeof outputPath !== 'string') throw new NotMechanical();
  return pathExpression(outputPath, value);
}
