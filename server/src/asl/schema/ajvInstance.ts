import Ajv from 'ajv';
import type { SchemaObject } from 'ajv';
import type { ScopeKind } from '../model';
import { SCOPE_SCHEMAS } from './scopeSchemas';
import { SHARED_SCHEMAS, STATE_SCHEMAS, STATE_TYPE_SCHEMA, STATE_TYPES } from './stateSchemas';

/**
 * Every schema the layer validates with, by the name of the validator generated for it
 * (generated/validators.js exports one function per name).
 */
export const VALIDATOR_SCHEMAS: Readonly<Record<string, SchemaObject>> = {
  ...Object.fromEntries(STATE_TYPES.map((type) => [`state${type}`, STATE_SCHEMAS[type]])),
  ...Object.fromEntries(
    (Object.keys(SCOPE_SCHEMAS) as ScopeKind[]).map((kind) => [`scope_${kind}`, SCOPE_SCHEMAS[kind]]),
  ),
  stateType: STATE_TYPE_SCHEMA,
};

/** The ajv instance holding every schema, configured as the generated validators are. */
export function createAjv(): Ajv {
  const ajv = new Ajv({
    // Every mistake, not only the first: one diagnostic per mistake.
    allErrors: true,
    // Fields such as TimeoutSeconds take a number or a JSONata string.
    allowUnionTypes: true,
    strict: true,
    // The Map processor is required under one of two names (anyOf of required), which this check forbids.
    strictRequired: false,
    // Shared objects (Retry, Catch, Choice rules, ...) compile to one function each, not one copy per state type.
    inlineRefs: false,
    // The wording is ours (messages.ts): leave ajv's English out of the generated code.
    messages: false,
    code: { source: true, lines: true },
  });
  // Annotations for the messages only (fragments.ts); they validate nothing.
  ajv.addKeyword({ keyword: 'expects', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'objectName', schemaType: 'string' });
  for (const [name, schema] of Object.entries(SHARED_SCHEMAS)) ajv.addSchema(schema, name);
  for (const [name, schema] of Object.entries(VALIDATOR_SCHEMAS)) ajv.addSchema(schema, name);
  return ajv;
}
