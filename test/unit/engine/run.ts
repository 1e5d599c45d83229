import {
  compileDefinition,
  counterIds,
  createExecution,
  createVirtualClock,
} from '../../../server/src/engine';
import type { CompileOptions, ExecutionPorts, ExecutionResult, JsonValue } from '../../../server/src/engine';

/** Runs a definition to the end on a virtual clock with counter ids: deterministic. */
export async function runMachine(
  definition: JsonValue,
  input: JsonValue = {},
  ports: ExecutionPorts = {},
  options: CompileOptions = {},
): Promise<ExecutionResult & { readonly events: readonly string[] }> {
  const machine = compileDefinition(definition, options);
  const execution = createExecution(
    machine,
    input,
    { name: 'unit' },
    { clock: createVirtualClock(Date.UTC(2025, 0, 1)), ids: counterIds(), ...ports },
  );
  const result = await execution.run();
  return { ...result, events: execution.history.map((event) => event.type) };
}

/** A one-state JSONata machine: `Output` (and `Assign`) of a Pass state. */
export function jsonataPass(output: JsonValue, extra: { readonly [key: string]: JsonValue } = {}): JsonValue {
  return {
    QueryLanguage: 'JSONata',
    StartAt: 'P',
    States: { P: { Type: 'Pass', Output: output, End: true, ...extra } },
  };
}
