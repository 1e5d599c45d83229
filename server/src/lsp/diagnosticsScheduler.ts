/**
 * Validation runs a moment after the last keystroke rather than on each one, and only for the
 * newest version of a document: a pending run is dropped when another change arrives, and a
 * result is published only if the document has not changed while it was computed.
 */
export interface ScheduledDocument {
  readonly uri: string;
  readonly version: number;
}

export class DiagnosticsScheduler {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    /** Milliseconds after the last change. */
    private readonly delay: number,
    /** The version open now, or undefined once the document is closed. */
    private readonly currentVersion: (uri: string) => number | undefined,
    private readonly publish: (uri: string, version: number) => void,
  ) {}

  /** Validates after the delay (or at once, for a document that just opened). */
  schedule(document: ScheduledDocument, immediately = false): void {
    this.cancel(document.uri);
    const run = (): void => {
      this.pending.delete(document.uri);
      if (this.currentVersion(document.uri) !== document.version) return;
      this.publish(document.uri, document.version);
    };
    this.pending.set(document.uri, setTimeout(run, immediately ? 0 : this.delay));
  }

  cancel(uri: string): void {
    const timer = this.pending.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    this.pending.delete(uri);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
