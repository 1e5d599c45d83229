import type { JsonValue } from '../engine';

/**
 * One-line previews of JSON values for the Variables view and the Debug Console. Only the
 * first level is spelled out and the text is cut at `limit` characters, so a 256 KiB payload
 * costs no more to show than a small one.
 */
export function previewOf(value: JsonValue, limit = 120): string {
  if (value === null || typeof value !== 'object') return cut(JSON.stringify(value), limit);
  if (Array.isArray(value)) {
    const parts: string[] = [];
    let length = 0;
    for (const item of value) {
      const text = shallow(item);
      length += text.length + 2;
      if (length > limit) {
        parts.push('…');
        break;
      }
      parts.push(text);
    }
    return `(${value.length}) [${parts.join(', ')}]`;
  }
  const parts: string[] = [];
  let length = 0;
  for (const [key, item] of Object.entries(value)) {
    const text = `${key}: ${shallow(item)}`;
    length += text.length + 2;
    if (length > limit) {
      parts.push('…');
      break;
    }
    parts.push(text);
  }
  return `{${parts.join(', ')}}`;
}

function shallow(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return cut(JSON.stringify(value), 60);
  return Array.isArray(value) ? `Array(${value.length})` : '{…}';
}

function cut(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

export function typeOf(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** `$.a.b`, `$['odd key'][2]`: the JSONPath of a member below `base` (`''`: the variables, `$name`). */
export function memberPath(base: string, key: string | number): string {
  if (base === '') return `$${String(key)}`;
  if (typeof key === 'number') return `${base}[${key}]`;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${base}.${key}` : `${base}['${key.replace(/'/g, "\\'")}']`;
}
