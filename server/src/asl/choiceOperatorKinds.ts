/**
 * The JSONPath Choice rule operators and the kind of value each takes, written once for the
 * schema (which fields a choice rule has) and the semantic rules (what each field must hold).
 */

/** What a JSONPath comparison operator's value must be. */
export type OperandKind = 'string' | 'number' | 'boolean' | 'timestamp' | 'path';

/** Operators that compare with a literal; each has a `...Path` twin that compares with the value at a path. */
const COMPARISONS: ReadonlyMap<string, OperandKind> = new Map<string, OperandKind>([
  ['BooleanEquals', 'boolean'],
  ['NumericEquals', 'number'],
  ['NumericGreaterThan', 'number'],
  ['NumericGreaterThanEquals', 'number'],
  ['NumericLessThan', 'number'],
  ['NumericLessThanEquals', 'number'],
  ['StringEquals', 'string'],
  ['StringGreaterThan', 'string'],
  ['StringGreaterThanEquals', 'string'],
  ['StringLessThan', 'string'],
  ['StringLessThanEquals', 'string'],
  ['TimestampEquals', 'timestamp'],
  ['TimestampGreaterThan', 'timestamp'],
  ['TimestampGreaterThanEquals', 'timestamp'],
  ['TimestampLessThan', 'timestamp'],
  ['TimestampLessThanEquals', 'timestamp'],
]);

/** Operators without a Path twin. */
const OTHERS: readonly [string, OperandKind][] = [
  ['IsBoolean', 'boolean'],
  ['IsNull', 'boolean'],
  ['IsNumeric', 'boolean'],
  ['IsPresent', 'boolean'],
  ['IsString', 'boolean'],
  ['IsTimestamp', 'boolean'],
  ['StringMatches', 'string'],
];

/**
 * Every JSONPath Choice rule operator with the kind of value it takes. Ordered by name, each
 * comparison followed by its Path twin: the schema lists a choice rule's fields in this order,
 * and where two fields are equally close to a misspelt one, the first is suggested.
 */
export const CHOICE_OPERATORS: ReadonlyMap<string, OperandKind> = new Map(
  [...COMPARISONS, ...OTHERS]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .flatMap(([name, kind]): [string, OperandKind][] =>
      COMPARISONS.has(name)
        ? [
            [name, kind],
            [`${name}Path`, 'path'],
          ]
        : [[name, kind]],
    ),
);
