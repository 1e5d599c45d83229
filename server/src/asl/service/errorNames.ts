import { propertyOf } from '../ast';
import { stringValue, type StateMachine } from '../model';
import type { ParsedDocument } from '../parse';

const cache = new WeakMap<StateMachine, readonly string[]>();

/**
 * The error names a workflow raises or handles itself: Fail states' `Error` and the names in
 * `ErrorEquals` lists, in document order, without the predefined `States.*` names.
 */
export function errorNamesIn(_document: ParsedDocument, model: StateMachine): readonly string[] {
  const cached = cache.get(model);
  if (cached !== undefined) return cached;
  const names = new Set<string>();
  const add = (name: string | undefined): void => {
    if (name !== undefined && name !== '' && !name.startsWith('States.')) names.add(name);
  };
  for (const state of model.states) {
    if (state.type === 'Fail') add(stringValue(propertyOf(state.node, 'Error')?.value));
    for (const field of ['Retry', 'Catch']) {
      const list = propertyOf(state.node, field)?.value;
      if (list?.kind !== 'array') continue;
      for (const entry of list.items) {
        const errors = propertyOf(entry, 'ErrorEquals')?.value;
        if (errors?.kind === 'array') for (const item of errors.items) add(stringValue(item));
      }
    }
  }
  const result = [...names];
  cache.set(model, result);
  return result;
}
