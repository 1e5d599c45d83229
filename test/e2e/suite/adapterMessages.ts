import * as vscode from 'vscode';

/** A DAP message as the tracker sees it: only the fields the tests read, checked before use. */
export interface AdapterMessage {
  readonly type: string;
  readonly event?: string;
  readonly command?: string;
  readonly body?: Record<string, unknown>;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asMessage(value: unknown): AdapterMessage | undefined {
  if (!isRecord(value) || typeof value['type'] !== 'string') return undefined;
  const { type, event, command, body } = value;
  return {
    type,
    ...(typeof event === 'string' ? { event } : {}),
    ...(typeof command === 'string' ? { command } : {}),
    ...(isRecord(body) ? { body } : {}),
  };
}

/**
 * Records what the debug adapter of every `stepwise` session sends (through a
 * DebugAdapterTracker), and resolves waits on it: the tests see what VS Code sees.
 */
export class AdapterMessages implements vscode.Disposable {
  readonly sent: AdapterMessage[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly registration: vscode.Disposable;

  constructor() {
    this.registration = vscode.debug.registerDebugAdapterTrackerFactory('stepwise', {
      createDebugAdapterTracker: () => ({
        onDidSendMessage: (message: unknown) => {
          const parsed = asMessage(message);
          if (parsed === undefined) return;
          this.sent.push(parsed);
          for (const wake of [...this.waiters]) wake();
        },
      }),
    });
  }

  /** The text of every output event so far (the Debug Console). */
  output(): string {
    return this.sent
      .filter((m) => m.event === 'output')
      .map((m) => (typeof m.body?.['output'] === 'string' ? m.body['output'] : ''))
      .join('');
  }

  /** The first event named `event` at or after index `from` that `accept` takes. */
  event(
    event: string,
    what: string,
    accept: (m: AdapterMessage) => boolean = () => true,
    from = 0,
    timeoutMs = 30_000,
  ): Promise<AdapterMessage> {
    const find = () => this.sent.slice(from).find((m) => m.event === event && accept(m));
    return new Promise((resolve, reject) => {
      const now = find();
      if (now !== undefined) {
        resolve(now);
        return;
      }
      const wake = () => {
        const found = find();
        if (found === undefined) return;
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        const seen = this.sent.map((m) => m.event ?? m.command ?? m.type).join(', ');
        reject(
          new Error(
            `Timed out after ${timeoutMs} ms waiting for ${what}. The adapter sent: ${seen}\n${this.output()}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(wake);
    });
  }

  dispose(): void {
    this.registration.dispose();
    this.waiters.clear();
  }
}
