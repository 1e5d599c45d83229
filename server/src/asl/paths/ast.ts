/**
 * The parsed form of a JSONPath as Step Functions reads it (Jayway's dialect, restricted the
 * way the ASL documentation says). Every node keeps its offset into the text it was parsed
 * from, plus the `baseOffset` the caller gave, so a validator can point at the exact character
 * and the engine can evaluate the same tree without parsing again.
 */

/** A region of the parsed text: `offset` counts UTF-16 code units from the caller's origin. */
export interface PathSpan {
  readonly offset: number;
  readonly length: number;
}

/** A problem in a path or an intrinsic call, in our own words, at the offending characters. */
export interface SyntaxProblem extends PathSpan {
  readonly message: string;
}

/**
 * Where a path starts: `$` the state input (or the node under test inside a filter's `$`),
 * `$$` the context object, `$name` a workflow variable, `@` the current item inside a filter.
 */
export type PathRoot =
  | (PathSpan & { readonly kind: 'input' })
  | (PathSpan & { readonly kind: 'context' })
  | (PathSpan & { readonly kind: 'variable'; readonly name: string })
  | (PathSpan & { readonly kind: 'current' });

/** `.name`, `['name']`, `["name"]`. */
export interface NameSelector extends PathSpan {
  readonly kind: 'name';
  readonly name: string;
  /** How it was written: matters for messages only. */
  readonly notation: 'dot' | 'bracket';
}

/** `[n]`; a negative n counts from the end. */
export interface IndexSelector extends PathSpan {
  readonly kind: 'index';
  readonly index: number;
}

/** `.*` or `[*]`: every member value of an object, every item of an array. */
export interface WildcardSelector extends PathSpan {
  readonly kind: 'wildcard';
}

/** `[start:end:step]`, each part optional. */
export interface SliceSelector extends PathSpan {
  readonly kind: 'slice';
  readonly start: number | undefined;
  readonly end: number | undefined;
  readonly step: number | undefined;
}

/** `['a','b']` or `[0,2]`: several names or several indexes (never mixed). */
export interface UnionSelector extends PathSpan {
  readonly kind: 'union';
  readonly members: readonly (NameSelector | IndexSelector)[];
}

/** `[?( expression )]`: the items (or member values) the expression holds for. */
export interface FilterSelector extends PathSpan {
  readonly kind: 'filter';
  readonly expression: FilterExpression;
}

export type Selector =
  NameSelector | IndexSelector | WildcardSelector | SliceSelector | UnionSelector | FilterSelector;

/** One step of a path: a selector applied to the current nodes, or to all their descendants (`..`). */
export interface PathSegment extends PathSpan {
  readonly descendant: boolean;
  readonly selector: Selector;
}

export interface JsonPath extends PathSpan {
  /** The text as written (without the caller's surrounding characters). */
  readonly text: string;
  readonly root: PathRoot;
  readonly segments: readonly PathSegment[];
  /**
   * True when the path can select at most one node (names and indexes only, no `..`): Step
   * Functions then returns that node itself, and fails when there is none.
   */
  readonly definite: boolean;
  /**
   * For definite paths, the keys to follow in order (names as strings, indexes as numbers):
   * what the evaluator's fast loop walks. Undefined for indefinite paths.
   */
  readonly steps: readonly (string | number)[] | undefined;
}

export type ComparisonOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type LiteralValue = string | number | boolean | null;

export interface LiteralOperand extends PathSpan {
  readonly kind: 'literal';
  readonly value: LiteralValue;
}

export interface PathOperand extends PathSpan {
  readonly kind: 'path';
  /** Rooted at `@` (the item under test) or `$` (the whole document). */
  readonly path: JsonPath;
}

export type FilterOperand = LiteralOperand | PathOperand;

export type FilterExpression =
  | (PathSpan & {
      readonly kind: 'and' | 'or';
      readonly left: FilterExpression;
      readonly right: FilterExpression;
    })
  | (PathSpan & { readonly kind: 'not'; readonly operand: FilterExpression })
  | (PathSpan & {
      readonly kind: 'compare';
      readonly operator: ComparisonOperator;
      readonly left: FilterOperand;
      readonly right: FilterOperand;
    })
  /** A bare operand: a path holds when it selects something, a literal when it is truthy. */
  | (PathSpan & { readonly kind: 'test'; readonly operand: FilterOperand });

export type PathParseResult =
  { readonly ok: true; readonly path: JsonPath } | { readonly ok: false; readonly problem: SyntaxProblem };
