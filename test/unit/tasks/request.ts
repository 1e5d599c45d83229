import type { JsonValue } from '../../../server/src/engine/json';
import type { IdSource, TaskRequest } from '../../../server/src/engine/ports';

/** A Task request as the engine would make it, with what a test does not care about filled in. */
export function taskRequest(fields: Partial<TaskRequest> & { readonly input?: JsonValue }): TaskRequest {
  return {
    stateName: 'Task',
    resource: 'arn:aws:states:::lambda:invoke',
    input: {},
    invocation: 0,
    context: {
      StateMachine: { Id: 'arn:aws:states:eu-west-1:111122223333:stateMachine:orders', Name: 'orders' },
    },
    ...fields,
  };
}

/** Ids `id-1`, `id-2`, ... so outputs are predictable. */
export function countingIds(): IdSource {
  let n = 0;
  return { uuid: () => `id-${++n}` };
}
