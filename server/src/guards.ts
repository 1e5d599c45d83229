/** Checks for data that arrives untyped (launch arguments, settings, webview messages, JSON files). */

/** A plain object (not null, not an array), whose properties are still unknown. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
