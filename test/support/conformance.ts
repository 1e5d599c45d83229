import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The executions recorded against AWS (../shared/conformance/cases, or STEPWISE_CONFORMANCE).
 * Tests read them in place; they are never copied into the repository.
 */
export const CONFORMANCE_DIR =
  process.env['STEPWISE_CONFORMANCE'] ??
  join(import.meta.dirname, '..', '..', '..', 'shared', 'conformance', 'cases');

export interface ConformanceCase {
  readonly file: string;
  readonly name: string;
  readonly category: string;
  readonly needs: readonly string[];
  readonly definition: unknown;
  /** Everything else the case records (input, expected, history, mock...), unchecked. */
  readonly raw: Readonly<Record<string, unknown>>;
}

let cache: readonly ConformanceCase[] | undefined;

export function conformanceCases(): readonly ConformanceCase[] {
  cache ??= readdirSync(CONFORMANCE_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const raw: unknown = JSON.parse(readFileSync(join(CONFORMANCE_DIR, file), 'utf8'));
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        throw new Error(`${file}: a conformance case is a JSON object`);
      }
      const record = raw as Record<string, unknown>;
      const needs = Array.isArray(record['needs'])
        ? record['needs'].filter((n): n is string => typeof n === 'string')
        : [];
      return {
        file,
        name: typeof record['name'] === 'string' ? record['name'] : file,
        category: typeof record['category'] === 'string' ? record['category'] : 'unknown',
        needs,
        definition: record['definition'],
        raw: record,
      };
    });
  return cache;
}

/** Every definition AWS accepted. */
export function conformanceDefinitions(): readonly ConformanceCase[] {
  return conformanceCases();
}
