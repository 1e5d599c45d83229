import { levenshtein } from '../levenshtein';
/**
 * Checks a parsed call against the catalogue wherever the answer does not depend on the
 * input: function names, argument counts, literal arguments of the wrong kind, what nested
 * calls return, and the rules of single functions (Hash algorithms, Format placeholders,
 * JsonMerge's shallow flag, ArrayRange's step and size). Paths are left to run time.
 */
import type { SyntaxProblem } from '../paths/ast';
import type { IntrinsicArgument, IntrinsicCall, StringArgument } from './ast';
import type { IntrinsicFunction, ValueKind } from './catalogue';
import {
  ARRAY_RANGE_MAX_ITEMS,
  ENCODING_MAX_INPUT_LENGTH,
  HASH_ALGORITHMS,
  INTRINSIC_FUNCTIONS,
  intrinsicFunction,
  isHashAlgorithm,
  parameterAt,
  rangeLength,
} from './catalogue';
import { INTRINSIC_MESSAGES } from './messages';

/** Every problem in `call` and the calls nested in it, outermost first. */
export function checkIntrinsicCall(call: IntrinsicCall): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  visit(call, problems);
  return problems;
}

function visit(call: IntrinsicCall, problems: SyntaxProblem[]): void {
  const fn = intrinsicFunction(call.name);
  if (fn === undefined) {
    problems.push({
      ...call.nameSpan,
      message: INTRINSIC_MESSAGES.unknownFunction(call.name, suggest(call.name)),
    });
  } else {
    checkArity(fn, call, problems);
    call.args.forEach((arg, index) => checkKind(fn, arg, index, problems));
    SPECIAL_RULES[fn.name]?.(call, problems);
  }
  for (const arg of call.args) if (arg.kind === 'call') visit(arg, problems);
}

function checkArity(fn: IntrinsicFunction, call: IntrinsicCall, problems: SyntaxProblem[]): void {
  const given = call.args.length;
  if (given >= fn.minArgs && given <= fn.maxArgs) return;
  problems.push({
    offset: call.offset,
    length: call.length,
    message: INTRINSIC_MESSAGES.arity(fn.name, fn.minArgs, fn.maxArgs, given),
  });
}

function checkKind(
  fn: IntrinsicFunction,
  arg: IntrinsicArgument,
  index: number,
  problems: SyntaxProblem[],
): void {
  const parameter = parameterAt(fn, index);
  if (parameter === undefined || parameter.kind === 'json' || arg.kind === 'path') return;
  const actual = kindOf(arg);
  if (actual === undefined || fits(actual, parameter.kind, arg)) return;
  problems.push({
    offset: arg.offset,
    length: arg.length,
    message: INTRINSIC_MESSAGES.wrongKind(
      fn.name,
      ordinal(index, parameter.name),
      describe(parameter.kind),
      describeArg(arg, actual),
    ),
  });
}

/** The kind an argument is known to have before the workflow runs; undefined when unknown. */
function kindOf(arg: IntrinsicArgument): ValueKind | 'null' | undefined {
  switch (arg.kind) {
    case 'string':
      return 'string';
    case 'number':
      return Number.isInteger(arg.value) ? 'integer' : 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'call': {
      const returns = intrinsicFunction(arg.name)?.returns;
      return returns === 'json' ? undefined : returns;
    }
    case 'path':
      return undefined;
  }
}

function fits(actual: ValueKind | 'null', expected: ValueKind, arg: IntrinsicArgument): boolean {
  if (actual === expected || expected === 'json') return true;
  if (expected === 'number' && actual === 'integer') return true;
  // A call that returns "number" may still yield a whole number; only literals are certain.
  return expected === 'integer' && actual === 'number' && arg.kind === 'call';
}

function describe(kind: ValueKind): string {
  switch (kind) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'integer':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'an array';
    case 'object':
      return 'an object';
    case 'json':
      return 'a value';
  }
}

function describeArg(arg: IntrinsicArgument, actual: ValueKind | 'null'): string {
  if (arg.kind === 'call')
    return `${arg.name}, which returns ${actual === 'null' ? 'null' : describe(actual)}`;
  if (arg.kind === 'number' && actual === 'number') return `the fraction ${arg.value}`;
  return actual === 'null' ? 'null' : describe(actual);
}

const ORDINALS = ['first', 'second', 'third'];

function ordinal(index: number, name: string): string {
  const word = ORDINALS[index];
  return word === undefined ? `"${name}"` : `${word} ("${name}")`;
}

type SpecialRule = (call: IntrinsicCall, problems: SyntaxProblem[]) => void;

const SPECIAL_RULES: Readonly<Record<string, SpecialRule>> = {
  'States.Format': (call, problems) => {
    const template = call.args[0];
    if (template?.kind !== 'string') return;
    const placeholders = countPlaceholders(template);
    const values = call.args.length - 1;
    if (placeholders !== values) {
      problems.push({ ...spanOf(template), message: INTRINSIC_MESSAGES.placeholders(placeholders, values) });
    }
  },
  'States.Hash': (call, problems) => {
    const data = call.args[0];
    if (data?.kind === 'string') checkLength('States.Hash', data, problems);
    const algorithm = call.args[1];
    if (algorithm?.kind !== 'string') return;
    if (!isHashAlgorithm(algorithm.value)) {
      problems.push({
        ...spanOf(algorithm),
        message: INTRINSIC_MESSAGES.hashAlgorithm(algorithm.value, HASH_ALGORITHMS),
      });
    }
  },
  'States.JsonMerge': (call, problems) => {
    const deep = call.args[2];
    if (deep?.kind === 'boolean' && deep.value)
      problems.push({ ...spanOf(deep), message: INTRINSIC_MESSAGES.deepMerge() });
  },
  'States.ArrayRange': (call, problems) => {
    const [start, end, step] = call.args;
    if (step?.kind === 'number' && step.value === 0) {
      problems.push({ ...spanOf(step), message: INTRINSIC_MESSAGES.rangeStep() });
      return;
    }
    if (start?.kind !== 'number' || end?.kind !== 'number' || step?.kind !== 'number') return;
    const count = rangeLength(start.value, end.value, step.value);
    if (count > ARRAY_RANGE_MAX_ITEMS) {
      problems.push({
        offset: call.offset,
        length: call.length,
        message: INTRINSIC_MESSAGES.rangeTooLong(count, ARRAY_RANGE_MAX_ITEMS),
      });
    }
  },
  'States.ArrayPartition': (call, problems) => {
    const size = call.args[1];
    if (size?.kind === 'number' && size.value <= 0)
      problems.push({ ...spanOf(size), message: INTRINSIC_MESSAGES.chunkSize() });
  },
  'States.ArrayGetItem': (call, problems) => {
    const index = call.args[1];
    if (index?.kind === 'number' && index.value < 0)
      problems.push({ ...spanOf(index), message: INTRINSIC_MESSAGES.negativeIndex() });
  },
  'States.Base64Encode': (call, problems) => checkFirstLength('States.Base64Encode', call, problems),
  'States.Base64Decode': (call, problems) => checkFirstLength('States.Base64Decode', call, problems),
};

function checkFirstLength(name: string, call: IntrinsicCall, problems: SyntaxProblem[]): void {
  const first = call.args[0];
  if (first?.kind === 'string') checkLength(name, first, problems);
}

function checkLength(name: string, arg: StringArgument, problems: SyntaxProblem[]): void {
  if (arg.value.length > ENCODING_MAX_INPUT_LENGTH) {
    problems.push({ ...spanOf(arg), message: INTRINSIC_MESSAGES.tooLong(name, ENCODING_MAX_INPUT_LENGTH) });
  }
}

function spanOf(arg: IntrinsicArgument): { offset: number; length: number } {
  return { offset: arg.offset, length: arg.length };
}

/** `{}` pairs in a Format template whose braces were not escaped with a backslash. */
export function countPlaceholders(template: StringArgument): number {
  const escaped = new Set(template.escapedBraces);
  let count = 0;
  const text = template.value;
  for (let i = 0; i + 1 < text.length; i++) {
    if (text[i] === '{' && text[i + 1] === '}' && !escaped.has(i) && !escaped.has(i + 1)) {
      count++;
      i++;
    }
  }
  return count;
}

/** The known name closest to a misspelt one (case-insensitive match or small edit distance). */
function suggest(name: string): string | undefined {
  const wanted = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const fn of INTRINSIC_FUNCTIONS) {
    const candidate = fn.name.toLowerCase();
    const bare = candidate.slice('states.'.length);
    if (candidate === wanted || bare === wanted) return fn.name;
    const distance = Math.min(levenshtein(wanted, candidate), levenshtein(wanted, bare));
    if (distance < bestDistance) {
      bestDistance = distance;
      best = fn.name;
    }
  }
  return best;
}
