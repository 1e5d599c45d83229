/**
 * `Content-Length` framing, as LSP and DAP both use it over stdio: `encodeFrame` for what a
 * test sends, `FrameDecoder` for what the child writes back, in chunks of any size.
 */
const HEADER_END = '\r\n\r\n';

export function encodeFrame(message: unknown): string {
  const json = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(json, 'utf8')}${HEADER_END}${json}`;
}

export class FrameDecoder {
  private buffer = Buffer.alloc(0);

  /** Appends a chunk and returns every message it completes. Throws on a header with no length. */
  push(chunk: Buffer): unknown[] {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    const messages: unknown[] = [];
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd < 0) return messages;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = /Content-Length: *(\d+)/i.exec(header)?.[1];
      if (length === undefined)
        throw new Error(`Bad header from the child process: ${JSON.stringify(header)}`);
      const start = headerEnd + HEADER_END.length;
      const end = start + Number(length);
      if (this.buffer.length < end) return messages;
      messages.push(JSON.parse(this.buffer.subarray(start, end).toString('utf8')) as unknown);
      this.buffer = this.buffer.subarray(end);
    }
  }
}
