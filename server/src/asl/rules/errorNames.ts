import { propertyOf, type ArrayNode, type StringNode, type ValueNode } from '../ast';
import type { State } from '../model';

export { PREDEFINED_ERRORS } from '../statesErrors';

export interface ErrorMatcher {
  /** "Retry" or "Catch". */
  readonly field: 'Retry' | 'Catch';
  readonly index: number;
  readonly count: number;
  readonly errorEquals: ArrayNode;
  readonly names: readonly StringNode[];
}

/** Every retrier and catcher of a state with its ErrorEquals list. */
export function collectErrorMatchers(state: State): ErrorMatcher[] {
  const matchers: ErrorMatcher[] = [];
  const body = state.node;
  if (body === undefined) return matchers;
  collectField(matchers, 'Retry', propertyOf(body, 'Retry')?.value);
  collectField(matchers, 'Catch', propertyOf(body, 'Catch')?.value);
  return matchers;
}

function collectField(matchers: ErrorMatcher[], field: 'Retry' | 'Catch', list: ValueNode | undefined): void {
  if (list?.kind !== 'array') return;
  const count = list.items.length;
  for (let index = 0; index < count; index++) {
    const errorEquals = propertyOf(list.items[index], 'ErrorEquals')?.value;
    if (errorEquals?.kind !== 'array') continue;
    const names = errorEquals.items.filter((n): n is StringNode => n.kind === 'string');
    matchers.push({ field, index, count, errorEquals, names });
  }
}
