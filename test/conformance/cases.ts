import * as fs from 'node:fs';
import * as path from 'node:path';
import { isRecord } from '../../server/src/guards';
import { conformanceDirectory } from '../support/conformance';
import type { JsonValue } from '../../server/src/engine';

/** One recorded AWS execution of ../shared/conformance/cases (see its README). */
export interface ConformanceCase {
  readonly file: string;
  readonly name: string;
  readonly category: string;
  readonly features: readonly string[];
  readonly needs: readonly string[];
  readonly definition: JsonValue;
  readonly input: JsonValue;
  readonly stateMachineType: 'STANDARD' | 'EXPRESS';
  readonly expected: { readonly [key: string]: JsonValue };
  readonly nondeterministic: readonly string[];
  readonly history: readonly JsonValue[] | undefined;
  readonly mock: { readonly [key: string]: JsonValue } | undefined;
}

let loaded: ConformanceCase[] | undefined;

/** Every case, read once per test process. */
export function loadCases(): readonly ConformanceCase[] {
  loaded ??= readCases(conformanceDirectory());
  return loaded;
}

function readCases(directory: string): ConformanceCase[] {
  return fs
    .readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => toCase(file, JSON.parse(fs.readFileSync(path.join(directory, file), 'utf8')) as unknown));
}

function toCase(file: string, raw: unknown): ConformanceCase {
  if (!isRecord(raw)) throw new Error(`${file} is not a case object.`);
  const expected = raw['expected'];
  if (!isRecord(expected)) throw new Error(`${file} has no expected result.`);
  return {
    file,
    name: String(raw['name']),
    category: String(raw['category']),
    features: strings(raw['features']),
    needs: strings(raw['needs']),
    definition: toJson(raw['definition']),
    input: toJson(raw['input'] ?? {}),
    stateMachineType: raw['stateMachineType'] === 'EXPRESS' ? 'EXPRESS' : 'STANDARD',
    expected: toJsonObject(expected),
    nondeterministic: strings(raw['nondeterministic']),
    history: Array.isArray(raw['history']) ? raw['history'].map(toJson) : undefined,
    mock: isRecord(raw['mock']) ? toJsonObject(raw['mock']) : undefined,
  };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function toJson(value: unknown): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (Array.isArray(value)) return value.map(toJson);
  if (isRecord(value)) return toJsonObject(value);
  return null;
}

function toJsonObject(value: Record<string, unknown>): { [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = {};
  for (const [key, item] of Object.entries(value)) out[key] = toJson(item);
  return out;
}
