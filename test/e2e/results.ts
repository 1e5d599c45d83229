/** What the extension-host suite reports back to the node:test wrapper, one entry per test. */
export interface E2eResult {
  readonly title: string;
  readonly state: 'passed' | 'failed';
  readonly durationMs: number;
  readonly error?: string;
}

/** Written beside the suite's bundle (out/e2e/). */
export const RESULTS_FILE = 'results.json';
