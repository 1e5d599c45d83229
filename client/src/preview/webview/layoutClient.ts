/**
 * The page's side of the layout worker. VS Code webviews start workers only from blob: or
 * data: URLs, so the worker's script is fetched from the extension (dist/layoutWorker.js) and
 * started from a blob. Answers are matched to requests by id; a newer request does not cancel
 * an older one, the caller just ignores answers it no longer wants.
 */
import type { GraphDirection, GraphLayout } from '../../../../server/src/asl/graph/layout';
import type { GraphModel } from '../../../../server/src/asl/graph/types';
import { isLayoutResponse } from './layoutProtocol';

export interface TimedLayout {
  readonly layout: GraphLayout;
  /** Time ELK and the translation took in the worker. */
  readonly milliseconds: number;
}

interface Pending {
  resolve(value: TimedLayout): void;
  reject(error: Error): void;
}

export class LayoutClient {
  private readonly worker: Promise<Worker>;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(scriptUrl: string) {
    this.worker = startWorker(scriptUrl).then((worker) => {
      worker.addEventListener('message', (event: MessageEvent<unknown>) => this.receive(event.data));
      worker.addEventListener('error', (event) => this.failAll(event.message || 'the layout worker stopped'));
      return worker;
    });
    // A failed start is reported by layout(); this only keeps the rejection from going unhandled.
    this.worker.catch(() => undefined);
  }

  async layout(graph: GraphModel, direction: GraphDirection): Promise<TimedLayout> {
    const worker = await this.worker;
    const id = this.nextId++;
    return new Promise<TimedLayout>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, graph, direction });
    });
  }

  private receive(data: unknown): void {
    if (!isLayoutResponse(data)) return;
    const pending = this.pending.get(data.id);
    if (pending === undefined) return;
    this.pending.delete(data.id);
    if ('error' in data) pending.reject(new Error(data.error));
    else pending.resolve({ layout: data.layout, milliseconds: data.milliseconds });
  }

  private failAll(message: string): void {
    for (const pending of this.pending.values()) pending.reject(new Error(message));
    this.pending.clear();
  }
}

async function startWorker(scriptUrl: string): Promise<Worker> {
  const response = await fetch(scriptUrl);
  if (!response.ok) throw new Error(`cannot load the layout worker (${response.status})`);
  const source = await response.blob();
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  return new Worker(url);
}
