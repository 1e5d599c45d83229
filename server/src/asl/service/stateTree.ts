import type { Span } from '../ast';
import type { Scope, State, StateMachine } from '../model';
import { stringValue } from '../model';

/** A state and its nested scopes, with spans: what an outline or the preview shows. */
export interface StateOutline {
  readonly name: string;
  readonly type: string | undefined;
  readonly span: Span;
  readonly nameSpan: Span;
  readonly scopes: readonly ScopeOutline[];
}

export interface ScopeOutline {
  readonly label: string;
  readonly startAt: string | undefined;
  readonly states: readonly StateOutline[];
}

export function outlineStates(model: StateMachine): ScopeOutline | undefined {
  return model.machine === undefined ? undefined : outlineScope(model.machine);
}

function outlineScope(scope: Scope): ScopeOutline {
  return {
    label: scopeLabel(scope),
    startAt: stringValue(scope.startAt?.value),
    states: scope.states.map(outlineState),
  };
}

function outlineState(state: State): StateOutline {
  return {
    name: state.name,
    type: state.type,
    span: state.property,
    nameSpan: state.key,
    scopes: state.children.map(outlineScope),
  };
}

export function scopeLabel(scope: Scope): string {
  switch (scope.kind) {
    case 'branch':
      return `Branch ${scope.index + 1}`;
    case 'itemProcessor':
      return 'ItemProcessor';
    case 'iterator':
      return 'Iterator';
    default:
      return 'States';
  }
}

/** How many states a scope holds, nested ones included. */
export function countStates(scope: ScopeOutline): number {
  return scope.states.reduce(
    (n, state) => n + 1 + state.scopes.reduce((m, child) => m + countStates(child), 0),
    0,
  );
}

/**
 * The outline as text, one state a line: `▶` marks each scope's StartAt state, and the
 * branches and processors of Parallel and Map states are labelled and indented under them.
 */
export function renderOutline(scope: ScopeOutline, indent = ''): string[] {
  return scope.states.flatMap((state) => {
    const mark = state.name === scope.startAt ? '▶' : ' ';
    const lines = [`${indent}${mark} ${state.name} (${state.type ?? 'no Type'})`];
    for (const child of state.scopes) {
      lines.push(`${indent}    ${child.label}:`);
      lines.push(...renderOutline(child, `${indent}      `));
    }
    return lines;
  });
}
