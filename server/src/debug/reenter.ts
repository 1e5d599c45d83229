import { resetStateFields, type ExecutionState, type JsonValue } from '../engine';

/**
 * The execution state as it was just before `frames[frameIndex]` entered its current state,
 * but with `input` as that state's input: stepping once from it enters the state again
 * (a new Entered event), which is how "restart frame" and editing a state's input re-run it.
 *
 * `entered` must be a copy of the state taken right after that Entered event (the debugger
 * keeps one per state entry). This leans on the Frame fields the engine documents as plain
 * data: `phase` 'enter' means "the next step emits the Entered event"; resetStateFields clears
 * what the engine itself clears when a frame moves to a new state.
 */
export function reenteredState(
  entered: ExecutionState,
  frameIndex: number,
  input: JsonValue,
): ExecutionState {
  const frame = entered.frames[frameIndex];
  if (frame === undefined) throw new Error(`The execution has no frame ${frameIndex}.`);
  const enteredEvent = entered.history[frame.enteredEventId - 1];
  if (enteredEvent === undefined || enteredEvent.id !== frame.enteredEventId) {
    throw new Error(`The state '${frame.state}' has no Entered event to go back to.`);
  }
  entered.frames.length = frameIndex + 1;
  entered.history.length = enteredEvent.id - 1;
  frame.cursor = enteredEvent.previousEventId;
  frame.phase = 'enter';
  frame.input = input;
  frame.output = undefined;
  resetStateFields(frame);
  return entered;
}
