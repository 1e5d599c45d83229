import { spanOf, type Span } from '../ast';
import type { Scope, State, StateMachine } from '../model';
import { scopeLabel } from './stateTree';

/** The outline: states with their type, Parallel branches and Map processors nested under their state. */
export interface OutlineSymbol {
  readonly name: string;
  /** The state type, or the kind of scope ("branch", "ItemProcessor"). */
  readonly detail: string;
  readonly kind: 'state' | 'scope';
  /** The state's Type, when the symbol is a state. */
  readonly stateType: string | undefined;
  readonly span: Span;
  /** The part to select and reveal: the state's name. */
  readonly selectionSpan: Span;
  readonly children: readonly OutlineSymbol[];
}

export function documentSymbols(model: StateMachine): readonly OutlineSymbol[] {
  return model.machine === undefined ? [] : model.machine.states.map(stateSymbol);
}

function stateSymbol(state: State): OutlineSymbol {
  return {
    name: state.name,
    detail: state.type ?? 'no Type',
    kind: 'state',
    stateType: state.type,
    span: spanOf(state.property),
    selectionSpan: spanOf(state.key),
    children: state.children.map(scopeSymbol),
  };
}

function scopeSymbol(scope: Scope): OutlineSymbol {
  const name = scopeLabel(scope);
  const where = spanOf(scope.node);
  return {
    name,
    detail: `${scope.states.length} state${scope.states.length === 1 ? '' : 's'}`,
    kind: 'scope',
    stateType: undefined,
    span: where,
    selectionSpan:
      scope.startAt === undefined ? { offset: where.offset, length: 0 } : spanOf(scope.startAt.key),
    children: scope.states.map(stateSymbol),
  };
}
