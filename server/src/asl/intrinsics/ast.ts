/**
 * The parsed form of an intrinsic function call such as
 * `States.Format('Hello {}', $.name)`. Offsets count from the caller's origin (the
 * `baseOffset` given to the parser), so validation can underline one argument.
 */
import type { JsonPath, PathSpan, SyntaxProblem } from '../paths/ast';

export interface IntrinsicCall extends PathSpan {
  readonly kind: 'call';
  /** The full name as written, e.g. `States.Format`. */
  readonly name: string;
  /** Where the name is: what "unknown function" points at. */
  readonly nameSpan: PathSpan;
  readonly args: readonly IntrinsicArgument[];
  /** 1 for a call at the top, 2 for a call inside its arguments, and so on. */
  readonly depth: number;
}

/** `'text'`: the value with AWS's escapes (`\'`, `\{`, `\}`, `\\`) already resolved. */
export interface StringArgument extends PathSpan {
  readonly kind: 'string';
  readonly value: string;
  /**
   * For each `{` or `}` in `value`, whether it was escaped in the source. States.Format
   * counts only unescaped `{}` pairs as placeholders.
   */
  readonly escapedBraces: readonly number[];
}

export interface NumberArgument extends PathSpan {
  readonly kind: 'number';
  readonly value: number;
}

export interface BooleanArgument extends PathSpan {
  readonly kind: 'boolean';
  readonly value: boolean;
}

export interface NullArgument extends PathSpan {
  readonly kind: 'null';
}

/** `$.x`, `$$.Execution.Id`, `$var.x`: evaluated against the state's input, context or variables. */
export interface PathArgument extends PathSpan {
  readonly kind: 'path';
  readonly path: JsonPath;
}

export type IntrinsicArgument =
  StringArgument | NumberArgument | BooleanArgument | NullArgument | PathArgument | IntrinsicCall;

export type IntrinsicParseResult =
  | { readonly ok: true; readonly call: IntrinsicCall }
  | { readonly ok: false; readonly problem: SyntaxProblem };

/** How deep calls may nest: Step Functions refuses an eleventh level. */
export const MAX_INTRINSIC_DEPTH = 10;
