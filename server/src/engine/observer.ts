import type { JsonValue } from './json';

/**
 * The debugger's window on a run: called synchronously when a state is entered and when it is
 * exited. Only called when installed, so an execution without an observer pays nothing.
 */
export interface StateObserver {
  stateEntered?(visit: StateVisit): void;
  stateExited?(visit: StateVisit): void;
}

export interface StateVisit {
  readonly name: string;
  readonly type: string;
  /** Enclosing Parallel/Map states with the branch or iteration index, outermost first. */
  readonly path: readonly StatePathStep[];
  /** The history event that entered or exited the state. */
  readonly eventId: number;
  /** The state's input (entered) or output (exited). */
  readonly data: JsonValue;
}

export interface StatePathStep {
  readonly state: string;
  readonly kind: 'branch' | 'iteration';
  readonly index: number;
}
