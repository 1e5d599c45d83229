import type { Severity } from '../diagnostics';

/**
 * The schema layer's diagnostic codes. Every shape mistake maps to one of these five; the
 * wording lives in messages.ts. All are errors: AWS rejects each of them at CreateStateMachine.
 */
export const SCHEMA_CODES = {
  /** A key the object does not take (a typo, or a field of another state type). */
  'ASL-SCHEMA-UNKNOWN-FIELD': 'error',
  /** A field the object needs is absent. */
  'ASL-SCHEMA-MISSING-FIELD': 'error',
  /** A value of the wrong JSON type (a string where a number goes, ...). */
  'ASL-SCHEMA-TYPE': 'error',
  /** A string outside a closed set of values (Type, QueryLanguage, Mode, ...). */
  'ASL-SCHEMA-ENUM': 'error',
  /** A number, string length or list length outside its allowed range. */
  'ASL-SCHEMA-RANGE': 'error',
} as const satisfies Record<string, Severity>;

export type SchemaCode = keyof typeof SCHEMA_CODES;
