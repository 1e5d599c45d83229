import type { TaskOutcome, TaskRequest, TaskRunner } from '../ports';
import type { SelectiveTaskRunner } from './runner';

/**
 * Mocks first, then handlers: a test case decides the states it names, handler modules answer
 * the rest. A Task neither covers is unavailable, with a message saying how to provide one.
 */
export function composeTaskRunners(runners: {
  readonly mocks?: SelectiveTaskRunner;
  readonly handlers?: SelectiveTaskRunner;
}): TaskRunner {
  const ordered = [runners.mocks, runners.handlers].filter((r): r is SelectiveTaskRunner => r !== undefined);
  return {
    run(request): Promise<TaskOutcome> | TaskOutcome {
      const runner = ordered.find((r) => r.covers(request));
      if (runner !== undefined) return runner.run(request);
      return { kind: 'unavailable', message: noAnswerMessage(request) };
    },
  };
}

export function noAnswerMessage(request: TaskRequest): string {
  return (
    `Nothing answers the Task state '${request.stateName}' (Resource ${request.resource}). ` +
    `Map it to a local handler in a handlers file ({ "${request.stateName}": "./handlers.mjs#handler" }, --handlers FILE) ` +
    `or mock it in a MockConfigFile test case (--mocks FILE --test-case NAME).`
  );
}
