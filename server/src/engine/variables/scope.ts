import { fail } from '../errors';
import { utf8Size } from '../../asl/jsonSize';
import { requireDepth } from '../interpreter/size';
import type { JsonObject, JsonValue } from '../json';
import type { VariableScope } from '../state';

/**
 * Workflow variables and their scopes, as AWS documents them:
 * - the machine's top-level states share one scope;
 * - each Parallel branch and each inline Map iteration runs in a scope of its own that reads
 *   the variables of the scopes around it but cannot assign them, and whose own variables
 *   are gone when it ends (data leaves a branch or iteration through its output only);
 * - a distributed Map's iterations are child executions: they see no outer variables;
 * - a state's assignments take effect when it exits: every expression of the state, Assign's
 *   own included, reads the values the state was entered with.
 */

/** The largest Assign block a state may write: 256 KiB of JSON. */
export const ASSIGN_LIMIT_BYTES = 262_144;
/** The most variables a scope may hold in all: 10 MiB of JSON. */
export const SCOPE_LIMIT_BYTES = 10 * 1_048_576;

/** The machine's scope, or a distributed Map iteration's, which sees no outer variables. */
export function emptyScope(inner: boolean): VariableScope {
  return { values: {}, own: [], bytes: 0, inner };
}

/** A branch's or iteration's scope: it starts out seeing what its parent sees. */
export function innerScope(parent: VariableScope): VariableScope {
  return { values: parent.values, own: [], bytes: parent.bytes, inner: true };
}

/**
 * Checks that `assigned` may be committed to `scope` (no outer variable overwritten, within the
 * size limits) and returns the byte count the scope will have. Throws a StatesFailure otherwise:
 * the state fails before anything is assigned.
 */
export function checkAssignment(scope: VariableScope, assigned: JsonObject, stateName: string): number {
  let bytes = scope.bytes;
  let assignedBytes = 0;
  for (const [name, value] of Object.entries(assigned)) {
    if (scope.inner && Object.hasOwn(scope.values, name) && !scope.own.includes(name)) {
      fail(
        'States.Runtime',
        `The state '${stateName}' cannot assign the variable '${name}': it belongs to an outer scope. States in a Parallel branch or a Map iteration can read the variables of the states around them but not assign them.`,
      );
    }
    requireDepth(value, `The variable '${name}'`);
    const size = jsonBytes(value);
    assignedBytes += size;
    if (Object.hasOwn(scope.values, name)) bytes -= jsonBytes(scope.values[name] ?? null);
    bytes += size;
  }
  if (assignedBytes > ASSIGN_LIMIT_BYTES) {
    fail(
      'States.DataLimitExceeded',
      `The variables assigned by the state '${stateName}' take ${assignedBytes} bytes, more than the ${ASSIGN_LIMIT_BYTES} bytes one Assign may hold.`,
    );
  }
  if (bytes > SCOPE_LIMIT_BYTES) {
    fail(
      'States.DataLimitExceeded',
      `The variables assigned by the state '${stateName}' would bring the workflow's variables to ${bytes} bytes, more than the ${SCOPE_LIMIT_BYTES} bytes allowed.`,
    );
  }
  return bytes;
}

/** Makes the state's assignments visible from its next state on. */
export function commitAssignment(scope: VariableScope, assigned: JsonObject, bytes: number): void {
  if (scope.inner) {
    // Copy on write: the values object may be shared with the enclosing scope.
    scope.values = { ...scope.values, ...assigned };
    for (const name of Object.keys(assigned)) if (!scope.own.includes(name)) scope.own.push(name);
  } else Object.assign(scope.values, assigned);
  scope.bytes = bytes;
}

/** UTF-8 bytes of the value as JSON text. */
export function jsonBytes(value: JsonValue): number {
  return utf8Size(JSON.stringify(value));
}
