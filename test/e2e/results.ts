/** What the extension-host suite reports back to the node:test wrapper, one entry per test. */
export interface E2eResult {
  readonly title: string;
  readonly state: 'passed' | 'failed';
  readonly durationMs: number;
  readonly error?: string;
}

/** Written beside the suite's bundle (out/e2e/). */
export const RESULTS_FILE = 'results.json';

/** The results in a results.json, or undefined when it holds anything else. */
export function parseResults(text: string): E2eResult[] | undefined {
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value)) return undefined;
  const results: E2eResult[] = [];
  const entries: unknown[] = value;
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null) return undefined;
    const title: unknown = 'title' in entry ? entry.title : undefined;
    const state: unknown = 'state' in entry ? entry.state : undefined;
    const durationMs: unknown = 'durationMs' in entry ? entry.durationMs : undefined;
    const error: unknown = 'error' in entry ? entry.error : undefined;
    if (typeof title !== 'string' || (state !== 'passed' && state !== 'failed')) return undefined;
    if (typeof durationMs !== 'number') return undefined;
    results.push({ title, state, durationMs, ...(typeof error === 'string' ? { error } : {}) });
  }
  return results;
}
