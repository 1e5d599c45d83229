import { toAwsHistoryEvent } from '../../../server/src/engine';
import type { HistoryEvent } from '../../../server/src/engine';

/**
 * One line per history event for golden files: id, previous id, type and the details as AWS
 * sends them (payloads as JSON text), without timestamps, which the goldens need not pin.
 */
export function renderHistory(history: readonly HistoryEvent[]): string {
  return `${history
    .map((event) => {
      const wire = toAwsHistoryEvent(event);
      const details = event.detailsKey === undefined ? undefined : wire[event.detailsKey];
      const shown = details === undefined ? '' : ` ${JSON.stringify(details)}`;
      return `${event.id} <- ${event.previousEventId} ${event.type}${shown}`;
    })
    .join('\n')}\n`;
}
