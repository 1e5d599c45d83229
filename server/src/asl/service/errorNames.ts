import { propertyOf } from '../ast';
import { stringValue, type StateMachine } from '../model';
import { collectErrorMatchers } from '../rules/errorNames';

const cache = new WeakMap<StateMachine, readonly string[]>();

/**
 * The error names a workflow raises or handles itself: Fail states' `Error` and the names in
 * `ErrorEquals` lists, in document order, without the predefined `States.*` names.
 */
export function errorNamesIn(model: StateMachine): readonly string[] {
  const cached = cache.get(model);
  if (cached !== undefined) return cached;
  const names = new Set<string>();
  const add = (name: string | undefined): void => {
    if (name !== undefined && name !== '' && !name.startsWith('States.')) names.add(name);
  };
  for (const state of model.states) {
    if (state.type === 'Fail') add(stringValue(propertyOf(state.node, 'Error')?.value));
    for (const matcher of collectErrorMatchers(state)) for (const name of matcher.names) add(name.value);
  }
  const result = [...names];
  cache.set(model, result);
  return result;
}
