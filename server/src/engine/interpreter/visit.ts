import type { CompiledState } from '../definition/types';
import type { JsonValue } from '../json';
import type { StatePathStep, StateVisit } from '../observer';
import type { Frame } from '../state';
import type { Runtime } from './runtime';

/** The path of every top-level state: shared, as observers only read it. */
const TOP_LEVEL: readonly StatePathStep[] = Object.freeze([]);

/** Only built when an observer is installed. */
export function visitOf(
  rt: Runtime,
  frame: Frame,
  state: CompiledState,
  eventId: number,
  data: JsonValue,
): StateVisit {
  const frames = rt.state.frames;
  if (frames.length <= 1) return { name: state.name, type: state.type, path: TOP_LEVEL, eventId, data };
  const path: StatePathStep[] = [];
  for (let i = 1; i < frames.length; i++) {
    const child = frames[i];
    const parent = frames[i - 1];
    if (child === undefined || parent === undefined || child.kind === 'machine') continue;
    path.push({ state: parent.state, kind: child.kind, index: child.index });
  }
  void frame;
  return { name: state.name, type: state.type, path, eventId, data };
}
