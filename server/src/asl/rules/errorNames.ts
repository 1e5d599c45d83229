import type { ArrayNode, StringNode } from '../ast';
import type { State } from '../model';

/** The error names Step Functions itself raises; any other `States.` name can never match. */
export const PREDEFINED_ERRORS: readonly string[] = [
  'States.ALL',
  'States.DataLimitExceeded',
  'States.ExceedToleratedFailureThreshold',
  'States.HeartbeatTimeout',
  'States.Http.Socket',
  'States.IntrinsicFailure',
  'States.ItemReaderFailed',
  'States.NoChoiceMatched',
  'States.ParameterPathFailure',
  'States.Permissions',
  'States.QueryEvaluationError',
  'States.ResultPathMatchFailure',
  'States.ResultWriterFailed',
  'States.Runtime',
  'States.TaskFailed',
  'States.Timeout',
  'States.BranchFailed',
];

export interface ErrorMatcher {
  /** "Retry" or "Catch". */
  readonly field: 'Retry' | 'Catch';
  readonly index: number;
  readonly count: number;
  readonly errorEquals: ArrayNode;
  readonly names: readonly StringNode[];
}

const cache = new WeakMap<State, readonly ErrorMatcher[]>();

/** Every retrier and catcher of a state with its ErrorEquals list. */
export function errorMatchersOf(state: State): readonly ErrorMatcher[] {
  let matchers = cache.get(state);
  if (matchers === undefined) {
    matchers = collect(state);
    cache.set(state, matchers);
  }
  return matchers;
}

function collect(state: State): ErrorMatcher[] {
  const matchers: ErrorMatcher[] = [];
  for (const field of ['Retry', 'Catch'] as const) {
    const list = state.node?.properties.find((p) => p.key.value === field)?.value;
    if (list?.kind !== 'array') continue;
    list.items.forEach((item, index) => {
      const errorEquals =
        item.kind === 'object'
          ? item.properties.find((p) => p.key.value === 'ErrorEquals')?.value
          : undefined;
      if (errorEquals?.kind !== 'array') return;
      const names = errorEquals.items.filter((n): n is StringNode => n.kind === 'string');
      matchers.push({ field, index, count: list.items.length, errorEquals, names });
    });
  }
  return matchers;
}
