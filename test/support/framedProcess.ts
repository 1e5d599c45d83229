import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { encodeFrame, FrameDecoder } from './framing';

/**
 * A child process speaking `Content-Length`-framed JSON over stdio, as both LSP and DAP do.
 * Messages are collected in arrival order; `waitFor` resolves with the first unconsumed message
 * matching a predicate, or rejects after a timeout so a silent server fails the test instead of
 * hanging it.
 */
export class FramedProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly decoder = new FrameDecoder();
  private readonly received: unknown[] = [];
  private readonly waiters = new Set<() => void>();
  private stderrText = '';
  exited: Promise<number | null>;

  constructor(script: string, args: readonly string[]) {
    this.child = spawn(process.execPath, [script, ...args], { stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderrText += chunk.toString('utf8');
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  get stderr(): string {
    return this.stderrText;
  }

  send(message: unknown): void {
    this.child.stdin.write(encodeFrame(message), 'utf8');
  }

  /** The first message (consumed) that satisfies `match`, waiting up to `timeoutMs`. */
  async waitFor<T>(match: (message: unknown) => message is T, what: string, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.received.findIndex(match);
      if (index >= 0) return this.received.splice(index, 1)[0] as T;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. stderr:\n${this.stderrText}`);
      }
      await new Promise<void>((resolve) => {
        // Each wait removes only its own waker, so concurrent waits all wake on new messages.
        const done = (): void => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, left);
        this.waiters.add(done);
      });
    }
  }

  /** Every message received and not consumed yet that satisfies `match`. */
  pending<T>(match: (message: unknown) => message is T): T[] {
    return this.received.filter(match);
  }

  kill(): void {
    this.child.kill();
  }

  private onData(chunk: Buffer): void {
    this.received.push(...this.decoder.push(chunk));
    for (const wake of this.waiters) wake();
  }
}

export { isRecord } from '../../server/src/guards';
