import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { encodeFrame, FrameDecoder } from './framing';

/** How long any single wait lasts before it fails the test, unless told otherwise. */
export const DEFAULT_TIMEOUT_MS = 5000;

interface EventWaiter {
  readonly event: string;
  readonly resolve: (event: DebugProtocol.Event) => void;
  readonly reject: (error: Error) => void;
}

interface PendingRequest {
  readonly command: string;
  readonly resolve: (response: DebugProtocol.Response) => void;
  readonly reject: (error: Error) => void;
}

/**
 * A minimal Debug Adapter Protocol client for tests: it runs an adapter script as a child Node
 * process and speaks `Content-Length` framed JSON over its stdin/stdout. Every wait has a
 * timeout, so a hung adapter fails the test instead of hanging it.
 */
export class DapClient {
  /** Every event received so far, in order. */
  readonly events: DebugProtocol.Event[] = [];
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, PendingRequest>();
  private readonly waiters: EventWaiter[] = [];
  private readonly decoder = new FrameDecoder();
  private seq = 1;
  private stderr = '';
  private exitCode: number | null | undefined;
  private readonly exited: Promise<void>;

  private constructor(adapterPath: string) {
    this.child = spawn(process.execPath, [adapterPath], { stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code) => {
        this.exitCode = code;
        this.failAll(new Error(`The adapter exited with code ${String(code)}.${this.stderrTail()}`));
        resolve();
      });
      this.child.on('error', (error) => {
        this.failAll(error);
        resolve();
      });
    });
  }

  static start(adapterPath: string): DapClient {
    return new DapClient(adapterPath);
  }

  /** Sends a request and resolves with its response, successful or not. */
  request(command: string, args?: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<DebugProtocol.Response> {
    const seq = this.seq++;
    const message = { seq, type: 'request', command, ...(args === undefined ? {} : { arguments: args }) };
    const result = withTimeout(
      new Promise<DebugProtocol.Response>((resolve, reject) => {
        this.pending.set(seq, { command, resolve, reject });
      }),
      timeoutMs,
      () => {
        this.pending.delete(seq);
        return `No response to "${command}" within ${timeoutMs} ms.${this.stderrTail()}`;
      },
    );
    this.send(message);
    return result;
  }

  /** The first event of that name, whether it already arrived or is still to come. */
  waitForEvent(event: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<DebugProtocol.Event> {
    const seen = this.events.find((e) => e.event === event);
    if (seen !== undefined) return Promise.resolve(seen);
    let waiter: EventWaiter | undefined;
    return withTimeout(
      new Promise<DebugProtocol.Event>((resolve, reject) => {
        waiter = { event, resolve, reject };
        this.waiters.push(waiter);
      }),
      timeoutMs,
      () => {
        const index = waiter === undefined ? -1 : this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        const got = this.events.map((e) => e.event).join(', ') || 'none';
        return `No "${event}" event within ${timeoutMs} ms (events so far: ${got}).${this.stderrTail()}`;
      },
    );
  }

  /** The text of the `output` events received so far, optionally of one category. */
  output(category?: string): string {
    return this.events
      .filter(isOutputEvent)
      .filter((e) => category === undefined || (e.body.category ?? 'console') === category)
      .map((e) => e.body.output)
      .join('');
  }

  /** Disconnects politely, then makes sure the process is gone. */
  async close(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    if (this.exitCode === undefined && this.child.stdin.writable) {
      await this.request('disconnect', {}, timeoutMs).catch(() => undefined);
    }
    const exited = await withTimeout(
      this.exited.then(() => true),
      timeoutMs,
      () => 'exit',
    ).catch(() => false);
    if (!exited) this.child.kill();
  }

  private send(message: object): void {
    this.child.stdin.write(encodeFrame(message), 'utf8');
  }

  private receive(chunk: Buffer): void {
    let messages: unknown[];
    try {
      messages = this.decoder.push(chunk);
    } catch (error) {
      this.failAll(error instanceof Error ? error : new Error(String(error)));
      this.child.kill();
      return;
    }
    for (const message of messages) this.dispatch(message);
  }

  private dispatch(message: unknown): void {
    if (isResponse(message)) {
      const pending = this.pending.get(message.request_seq);
      this.pending.delete(message.request_seq);
      pending?.resolve(message);
    } else if (isEvent(message)) {
      this.events.push(message);
      for (const waiter of this.waiters.filter((w) => w.event === message.event)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    } else if (isRequest(message)) {
      // Reverse requests (runInTerminal, startDebugging) are not supported by this client.
      this.send({
        seq: this.seq++,
        type: 'response',
        request_seq: message.seq,
        command: message.command,
        success: false,
        message: 'not supported by the test client',
      });
    }
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }

  private stderrTail(): string {
    const tail = this.stderr.trim().slice(-2000);
    return tail === '' ? '' : `\nAdapter stderr:\n${tail}`;
  }
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, describe: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(describe())), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isResponse(value: unknown): value is DebugProtocol.Response {
  return (
    isObject(value) &&
    value['type'] === 'response' &&
    typeof value['request_seq'] === 'number' &&
    typeof value['success'] === 'boolean' &&
    typeof value['command'] === 'string'
  );
}

function isEvent(value: unknown): value is DebugProtocol.Event {
  return isObject(value) && value['type'] === 'event' && typeof value['event'] === 'string';
}

function isOutputEvent(event: DebugProtocol.Event): event is DebugProtocol.OutputEvent {
  const body: unknown = event.body;
  return event.event === 'output' && isObject(body) && typeof body['output'] === 'string';
}

function isRequest(value: unknown): value is DebugProtocol.Request {
  return (
    isObject(value) &&
    value['type'] === 'request' &&
    typeof value['seq'] === 'number' &&
    typeof value['command'] === 'string'
  );
}
