/**
 * Retries `attempt` until it returns a value, for conditions that have no event to wait on (a
 * provider the language client registers once its server is up, an answer that is empty until
 * the server has the document). Rejects after `timeoutMs` with `what` and the last failure.
 */
export async function eventually<T>(
  attempt: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? ` Last error: ${last.message}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
