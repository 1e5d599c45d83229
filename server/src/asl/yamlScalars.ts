import type { ValueNode } from './ast';
import { sharedKey } from './treeBuilder';

/**
 * What a plain (unquoted) YAML scalar means under the YAML 1.2 core schema, the schema both YAML
 * paths read with: null, a boolean, a number, or else the text itself.
 */
export function resolveCoreScalar(raw: string): null | boolean | number | string {
  if (raw === '' || raw === '~' || raw === 'null' || raw === 'Null' || raw === 'NULL') return null;
  if (raw === 'true' || raw === 'True' || raw === 'TRUE') return true;
  if (raw === 'false' || raw === 'False' || raw === 'FALSE') return false;
  const first = raw.charCodeAt(0);
  // Numbers start with a digit, a sign or a dot; everything else is text without further tests.
  if (!(first === 0x2b || first === 0x2d || first === 0x2e || (first >= 0x30 && first <= 0x39))) return raw;
  if (DECIMAL.test(raw)) return Number(raw);
  if (OCTAL.test(raw)) return parseInt(raw.slice(2), 8);
  if (HEX.test(raw)) return parseInt(raw.slice(2), 16);
  if (FLOAT.test(raw)) return Number(raw);
  if (INFINITY.test(raw)) return raw.startsWith('-') ? -Infinity : Infinity;
  if (NAN.test(raw)) return NaN;
  return raw;
}

const DECIMAL = /^[-+]?[0-9]+$/;
const OCTAL = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INFINITY = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

/** A plain scalar as a positioned value: null, a boolean, a number or a string, as the core schema reads it. */
export function coreScalarNode(raw: string, offset: number, length: number): ValueNode {
  const value = resolveCoreScalar(raw);
  if (value === null) return { kind: 'null', value, offset, length };
  if (typeof value === 'number') return { kind: 'number', value, offset, length };
  if (typeof value === 'boolean') return { kind: 'boolean', value, offset, length };
  return { kind: 'string', value, offset, length };
}

/**
 * A plain key as the full path reads it: resolved, then written back as text (`1.0:` is the key
 * "1"), one string per distinct key. Undefined for the keys the quick readers leave to the full
 * path: merge keys (`<<`) and null keys.
 */
export function coreScalarKey(raw: string): string | undefined {
  if (raw === '<<') return undefined;
  const resolved = resolveCoreScalar(raw);
  if (resolved === null) return undefined;
  return sharedKey(typeof resolved === 'string' ? resolved : String(resolved));
}
