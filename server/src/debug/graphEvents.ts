import type { ExecutionState, StateVisit } from '../engine';
import type { ExecutionPathStep } from '../executionEvents';

/** The graph's path to a visited state: each enclosing Parallel/Map with the branch or iteration. */
export function pathOfVisit(visit: StateVisit): ExecutionPathStep[] {
  const steps: ExecutionPathStep[] = visit.path.map((step) =>
    step.kind === 'branch'
      ? { state: step.state, branch: step.index }
      : { state: step.state, iteration: step.index },
  );
  steps.push({ state: visit.name });
  return steps;
}

/** The same path for the innermost frame's state, read from the frames. */
export function pathOfFrames(state: ExecutionState): ExecutionPathStep[] {
  const frames = state.frames;
  const steps: ExecutionPathStep[] = [];
  for (let i = 1; i < frames.length; i++) {
    const parent = frames[i - 1];
    const child = frames[i];
    if (parent === undefined || child === undefined) continue;
    steps.push(
      child.kind === 'branch'
        ? { state: parent.state, branch: child.index }
        : { state: parent.state, iteration: child.index },
    );
  }
  const top = frames.at(-1);
  if (top !== undefined) steps.push({ state: top.state });
  return steps;
}

/** Branches or iterations finished out of all, for the Parallel/Map state of `frames[index]`. */
export function progressOf(
  state: ExecutionState,
  index: number,
): { done: number; total: number } | undefined {
  const fan = state.frames[index]?.fan;
  if (fan === undefined) return undefined;
  return { done: fan.results.length, total: fan.items.length };
}
