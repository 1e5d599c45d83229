import { pathToFileURL } from 'node:url';
import { StateMachine, type RunOptions } from 'aws-local-stepfunctions';
import type { Workload } from './engineWorkloads';

type AnchorDefinition = ConstructorParameters<typeof StateMachine>[0];
type AnchorInput = Parameters<StateMachine['run']>[0];
export type AnchorHandler = (input: AnchorInput) => Promise<AnchorInput>;

export interface PreparedAnchor {
  readonly machine: StateMachine;
  readonly input: AnchorInput;
  readonly options: RunOptions;
}

/** Adds the Promise.withResolvers polyfill the anchor needs on Node 20; call once before running it. */
export async function loadAnchorPolyfill(): Promise<void> {
  await import('./withResolvers.mjs');
}

/**
 * A Lambda-style handler module's `handler` as the anchor's local Task handler, called with an
 * empty context as anchorRun.mjs calls it, so both engines run the same user code.
 */
export async function loadAnchorHandler(modulePath: string): Promise<AnchorHandler> {
  const namespace: unknown = await import(pathToFileURL(modulePath).href);
  const handler: unknown =
    typeof namespace === 'object' && namespace !== null ? Reflect.get(namespace, 'handler') : undefined;
  if (typeof handler !== 'function') throw new Error(`${modulePath} exports no handler.`);
  // The handler returns what it is given (JSON in, the same JSON out): the anchor's own type.
  return (input) => Promise.resolve(Reflect.apply(handler, undefined, [input, {}]) as Promise<AnchorInput>);
}

/** Builds the anchor's machine (its constructor validates with the default options) and its run options. */
export function prepareAnchor(workload: Workload, handler: AnchorHandler): PreparedAnchor {
  const taskResourceLocalHandlers = Object.fromEntries(
    taskStateNames(workload.definition).map((name) => [name, handler]),
  );
  return {
    machine: new StateMachine(toAnchorDefinition(workload.definition)),
    input: toAnchorInput(workload.input),
    options: workload.usesHandler ? { overrides: { taskResourceLocalHandlers } } : {},
  };
}

/** Validates a definition the way the anchor does before every run. */
export function validateWithAnchor(definition: Record<string, unknown>): void {
  new StateMachine(toAnchorDefinition(definition));
}

export function runAnchor(prepared: PreparedAnchor): Promise<unknown> {
  return prepared.machine.run(prepared.input, prepared.options).result;
}

function taskStateNames(definition: Record<string, unknown>): string[] {
  const states = definition['States'];
  if (typeof states !== 'object' || states === null) return [];
  return Object.entries(states).flatMap(([name, state]: [string, unknown]) =>
    typeof state === 'object' && state !== null && 'Type' in state && state.Type === 'Task' ? [name] : [],
  );
}

// The anchor declares its own JSON types; the workloads are plain JSON that satisfies them.
function toAnchorDefinition(definition: Record<string, unknown>): AnchorDefinition {
  return JSON.parse(JSON.stringify(definition)) as AnchorDefinition;
}

function toAnchorInput(input: unknown): AnchorInput {
  return JSON.parse(JSON.stringify(input)) as AnchorInput;
}
