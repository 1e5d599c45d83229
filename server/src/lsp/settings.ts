/** The `stepwise.*` settings the server reads, from whatever the client sends (unknown until checked). */
export interface Settings {
  readonly validationEnabled: boolean;
}

export function readSettings(section: unknown): Settings {
  const validation = isRecord(section) ? section['validation'] : undefined;
  const enable = isRecord(validation) ? validation['enable'] : undefined;
  return { validationEnabled: typeof enable === 'boolean' ? enable : true };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
