import { isRecord } from '../../guards';
import type { Template } from './template';

/**
 * A JSONPath value rewritten for a JSONata state: paths become `{% %}` expressions over
 * `$states.input` (or `$states.result`), `name.$` keys lose their suffix. Undefined when a
 * part has no direct equivalent (an intrinsic function call), so no half-converted fix is offered.
 */
export function toJsonata(value: unknown, root: 'input' | 'result', isPath: boolean): Template | undefined {
  if (isPath) {
    if (typeof value !== 'string') return undefined;
    const expression = pathToJsonata(value, root);
    return expression === undefined ? undefined : `{% ${expression} %}`;
  }
  return template(value, root);
}

function template(value: unknown, root: 'input' | 'result'): Template | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (Array.isArray(value)) {
    const items: Template[] = [];
    for (const item of value) {
      const converted = template(item, root);
      if (converted === undefined) return undefined;
      items.push(converted);
    }
    return items;
  }
  if (!isRecord(value)) return undefined;
  const result: Record<string, Template> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key.endsWith('.$')) {
      if (typeof item !== 'string') return undefined;
      const expression = pathToJsonata(item, root);
      if (expression === undefined) return undefined;
      result[key.slice(0, -2)] = `{% ${expression} %}`;
    } else {
      const converted = template(item, root);
      if (converted === undefined) return undefined;
      result[key] = converted;
    }
  }
  return result;
}

/** `$.a.b` → `$states.input.a.b`, `$$.Execution.Id` → `$states.context.Execution.Id`, `$name` stays. */
export function pathToJsonata(path: string, root: 'input' | 'result'): string | undefined {
  if (path === '$') return `$states.${root}`;
  if (path.startsWith('$$.')) return `$states.context.${path.slice(3)}`;
  if (path.startsWith('$.') || path.startsWith('$[')) return `$states.${root}${path.slice(1)}`;
  if (/^\$[A-Za-z_]/.test(path)) return path;
  return undefined;
}
