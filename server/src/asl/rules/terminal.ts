import { propertyOf } from '../ast';
import type { State } from '../model';

/** Succeed and Fail end their scope; any state with `"End": true` does too. */
export function isTerminal(state: State): boolean {
  if (state.type === 'Succeed' || state.type === 'Fail') return true;
  const end = propertyOf(state.node, 'End')?.value;
  return end?.kind === 'boolean' && end.value;
}

/** The state types that move on with Next or End. */
export const FLOWING_TYPES: ReadonlySet<string> = new Set(['Task', 'Pass', 'Wait', 'Parallel', 'Map']);
