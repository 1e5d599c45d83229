/** The `stepwise.*` settings the server reads, from whatever the client sends (unknown until checked). */
import { isRecord } from '../guards';

export interface Settings {
  readonly validationEnabled: boolean;
}

export function readSettings(section: unknown): Settings {
  const validation = isRecord(section) ? section['validation'] : undefined;
  const enable = isRecord(validation) ? validation['enable'] : undefined;
  return { validationEnabled: typeof enable === 'boolean' ? enable : true };
}
