/**
 * The layout worker: ELK and our translation of the graph, off the page's thread, so that a
 * big machine lays out while the page stays responsive. Started by layoutClient.ts from a blob.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutGraph } from '../../../../server/src/asl/graph/layout';
import { LayoutCache } from '../../../../server/src/asl/graph/layoutCache';
import { isLayoutRequest, type LayoutResponse } from './layoutProtocol';

const elk = new ELK();
/** Chunks laid out for the last picture: an edit lays out again only the chunks it changed. */
const cache = new LayoutCache();

// elk.bundled installs its own onmessage when it finds itself in a worker; ours replaces it
// (this ELK instance runs in-process, so it does not need that handler).
self.onmessage = (event: MessageEvent<unknown>) => {
  const request = event.data;
  if (!isLayoutRequest(request)) return;
  const started = performance.now();
  layoutGraph(request.graph, request.direction, elk, cache).then(
    (layout) => reply({ id: request.id, layout, milliseconds: performance.now() - started }),
    (error: unknown) =>
      reply({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
};

function reply(response: LayoutResponse): void {
  self.postMessage(response);
}
