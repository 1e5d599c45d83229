/** The `stepwise.*` settings the server reads, from whatever the client sends (unknown until checked). */
import { isRecord } from '../guards';

export interface Settings {
  readonly validationEnabled: boolean;
  /** Diagnostic codes the user turned off (`stepwise.validation.disabledRules`). */
  readonly disabledRules: readonly string[];
}

export function readSettings(section: unknown): Settings {
  const validation = isRecord(section) ? section['validation'] : undefined;
  const enable = isRecord(validation) ? validation['enable'] : undefined;
  const disabled = isRecord(validation) ? validation['disabledRules'] : undefined;
  return {
    validationEnabled: typeof enable === 'boolean' ? enable : true,
    disabledRules: Array.isArray(disabled)
      ? disabled.filter((code): code is string => typeof code === 'string')
      : [],
  };
}
