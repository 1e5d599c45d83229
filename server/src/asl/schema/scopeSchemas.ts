import type { SchemaObject } from 'ajv';
import type { ScopeKind } from '../model';
import { fields, machineTimeout, oneOfStrings, string, type ObjectName } from './fragments';
import { QUERY_LANGUAGES } from './stateSchemas';

/**
 * The objects that hold states: the machine itself, a Parallel branch, a Map processor. Each
 * state inside `States` is checked on its own (stateSchemas.ts); here a state only has to be
 * an object.
 */

const states = (): SchemaObject => ({
  type: 'object',
  expects: 'states',
  additionalProperties: { type: 'object', expects: 'state' },
});

const processorConfig = fields('processorConfig', {
  Mode: oneOfStrings('processorMode', ['INLINE', 'DISTRIBUTED']),
  ExecutionType: oneOfStrings('executionType', ['STANDARD', 'EXPRESS']),
});

function scope(objectName: ObjectName, extra: Readonly<Record<string, SchemaObject>>): SchemaObject {
  return fields(objectName, { StartAt: string(), States: states(), Comment: string(), ...extra }, [
    'StartAt',
    'States',
  ]);
}

export const SCOPE_SCHEMAS: Readonly<Record<ScopeKind, SchemaObject>> = {
  machine: scope('machine', {
    Version: string(),
    TimeoutSeconds: machineTimeout(),
    QueryLanguage: oneOfStrings('queryLanguage', QUERY_LANGUAGES),
  }),
  branch: scope('branch', {}),
  itemProcessor: scope('itemProcessor', { ProcessorConfig: processorConfig }),
  // The older name of ItemProcessor; AWS accepts a ProcessorConfig in it too.
  iterator: scope('iterator', { ProcessorConfig: processorConfig }),
};
