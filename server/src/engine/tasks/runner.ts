import type { TaskRequest, TaskRunner } from '../ports';

/** A task runner that answers only some Tasks, so that runners can be tried in turn. */
export interface SelectiveTaskRunner extends TaskRunner {
  /** Whether this runner is configured to answer the request's state at all. */
  covers(request: TaskRequest): boolean;
}
