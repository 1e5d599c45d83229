/**
 * Runs a parsed intrinsic call: arguments first (left to right, inner calls before outer),
 * then the function. Failures are thrown as StatesFailure (engine/errors): a path argument
 * that finds nothing is a States.Runtime, as for any payload path; a function that cannot
 * work with its arguments is a States.IntrinsicFailure.
 */
import type { IntrinsicArgument, IntrinsicCall } from '../../asl/intrinsics/ast';
import { MAX_INTRINSIC_DEPTH } from '../../asl/intrinsics/ast';
import { parseIntrinsicCached } from '../../asl/intrinsics/cache';
import { intrinsicFunction } from '../../asl/intrinsics/catalogue';
import { fail } from '../errors';
import type { JsonValue } from '../json';
import type { PathRoots } from '../jsonpath/evaluate';
import { evaluatePath } from '../jsonpath/evaluate';
import { pathNotFound } from '../jsonpath/require';
import type { IdSource, RandomSource } from '../ports';
import { intrinsicError } from './args';
import { IMPLEMENTATIONS } from './functions';

export interface IntrinsicEnvironment {
  readonly roots: PathRoots;
  readonly random: RandomSource;
  readonly ids: IdSource;
  /** The payload key being evaluated (e.g. `greeting.$`), named in causes. */
  readonly field?: string;
}

/** Parses (once per text) and evaluates `text`; a text that does not parse fails with States.IntrinsicFailure. */
export function evaluateIntrinsicText(text: string, env: IntrinsicEnvironment): JsonValue {
  const parsed = parseIntrinsicCached(text);
  if (!parsed.ok) {
    fail(
      'States.IntrinsicFailure',
      `The intrinsic function '${text}' cannot be read: ${parsed.problem.message}`,
    );
  }
  return evaluateIntrinsic(parsed.call, env);
}

export function evaluateIntrinsic(call: IntrinsicCall, env: IntrinsicEnvironment): JsonValue {
  if (call.depth > MAX_INTRINSIC_DEPTH) {
    intrinsicError(
      call.name,
      `intrinsic functions may be nested at most ${MAX_INTRINSIC_DEPTH} levels deep.`,
    );
  }
  const fn = intrinsicFunction(call.name);
  const implementation = IMPLEMENTATIONS[call.name];
  if (fn === undefined || implementation === undefined) {
    fail('States.IntrinsicFailure', `${call.name} is not an intrinsic function.`);
  }
  if (call.args.length < fn.minArgs || call.args.length > fn.maxArgs) {
    const expected =
      fn.maxArgs === Infinity
        ? `at least ${fn.minArgs}`
        : fn.minArgs === fn.maxArgs
          ? `${fn.minArgs}`
          : `${fn.minArgs} to ${fn.maxArgs}`;
    intrinsicError(call.name, `it takes ${expected} arguments, but ${call.args.length} were given.`);
  }
  const args = call.args.map((arg) => argumentValue(arg, env));
  const first = call.args[0];
  const services = {
    random: env.random,
    ids: env.ids,
    ...(first?.kind === 'string' ? { template: first } : {}),
  };
  return implementation(args, services);
}

function argumentValue(arg: IntrinsicArgument, env: IntrinsicEnvironment): JsonValue {
  switch (arg.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return arg.value;
    case 'null':
      return null;
    case 'call':
      return evaluateIntrinsic(arg, env);
    case 'path': {
      const value = evaluatePath(arg.path, env.roots);
      return value === undefined ? pathNotFound(arg.path, env.roots, env.field) : value;
    }
  }
}
