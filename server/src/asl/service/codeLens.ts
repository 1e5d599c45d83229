import type { Span } from '../ast';
import type { StateMachine } from '../model';

export type LensAction = 'run' | 'debug' | 'graph';

export interface Lens {
  readonly span: Span;
  readonly title: string;
  readonly action: LensAction;
}

/** "Run", "Debug" and "Show graph" above the state machine (its StartAt, or its opening brace). */
export function codeLenses(model: StateMachine): readonly Lens[] {
  const machine = model.machine;
  if (machine === undefined) return [];
  const anchor = machine.startAt ?? machine.node;
  const span = { offset: anchor.offset, length: 0 };
  return [
    { span, title: '▶ Run', action: 'run' },
    { span, title: 'Debug', action: 'debug' },
    { span, title: 'Show graph', action: 'graph' },
  ];
}
