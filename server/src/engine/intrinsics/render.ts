/**
 * How States.Format writes a non-string argument into its template. AWS renders values the
 * way its Java runtime prints them: strings bare, null as "null", numbers and booleans as
 * written, and objects as `{key=value, key=value}` (recorded: "$$.StateMachine" renders as
 * "{Id=arn:..., Name=...}"); arrays likewise as `[a, b]`.
 */
import type { JsonValue } from '../json';

export function renderForFormat(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(renderForFormat).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([key, item]) => `${key}=${renderForFormat(item)}`)
    .join(', ')}}`;
}
