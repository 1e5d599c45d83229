import type { EventDetails, HistoryEvent } from '../history';
import type { Frame } from '../state';
import type { Runtime } from './runtime';

/** STANDARD workflows fail when their history would grow past this many events. */
export const STANDARD_HISTORY_QUOTA = 25_000;

/**
 * Records one event for `frame`: the next id, `previousEventId` from the frame's cursor, the
 * clock's time. Events of silent frames (distributed Map children) are built but not recorded.
 * `advance` false leaves the cursor where it was (AWS chains some events off an earlier one).
 */
export function emit(
  rt: Runtime,
  frame: Frame | undefined,
  type: string,
  detailsKey?: string,
  details?: EventDetails,
  advance = true,
): HistoryEvent {
  const history = rt.state.history;
  const previousEventId = frame?.cursor ?? history.length;
  const event: HistoryEvent = {
    id: frame?.silent === true ? 0 : history.length + 1,
    previousEventId,
    timestamp: rt.clock.now(),
    type,
    detailsKey,
    details,
  };
  if (frame?.silent === true) return event;
  history.push(event);
  if (frame !== undefined && advance) frame.cursor = event.id;
  return event;
}
