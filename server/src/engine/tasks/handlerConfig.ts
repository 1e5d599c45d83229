import { isRecord } from '../../guards';

/**
 * The handlers file: `{ "<state name or Resource ARN or function name>": "./module.mjs#export" }`.
 * Parsing is pure: module paths stay as written (relative to the file) and are resolved when
 * loaded. The export defaults to `handler`, as in Lambda's `index.handler`.
 */

export interface HandlerReference {
  /** The key the reference was declared under. */
  readonly key: string;
  /** The module path as written in the file (relative to it, or absolute). */
  readonly module: string;
  readonly exportName: string;
}

export type HandlerConfig = ReadonlyMap<string, HandlerReference>;

export type HandlerConfigResult =
  | { readonly kind: 'ok'; readonly config: HandlerConfig }
  | { readonly kind: 'invalid'; readonly problems: readonly string[] };

export const DEFAULT_EXPORT_NAME = 'handler';

const EXPORT_NAME = /^[A-Za-z_$][\w$]*$/;

/** Parses the text of a handlers file; every problem is reported, each naming its key. */
export function parseHandlerConfig(text: string): HandlerConfigResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return invalid([
      `The handlers file is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`,
    ]);
  }
  if (!isRecord(value)) {
    return invalid([
      'The handlers file must be a JSON object mapping state names, Resource ARNs or function names to "./module.js#exportName".',
    ]);
  }
  const problems: string[] = [];
  const config = new Map<string, HandlerReference>();
  for (const [key, target] of Object.entries(value)) {
    if (key === '') {
      problems.push(
        'The handlers file has an empty key: use a state name, a Resource ARN or a function name.',
      );
      continue;
    }
    const parsed = parseReference(key, target);
    if (typeof parsed === 'string') problems.push(parsed);
    else config.set(key, parsed);
  }
  return problems.length > 0 ? invalid(problems) : { kind: 'ok', config };
}

function parseReference(key: string, target: unknown): HandlerReference | string {
  if (typeof target !== 'string' || target.trim() === '') {
    return `"${key}" must map to a module path such as "./handlers.mjs#${DEFAULT_EXPORT_NAME}".`;
  }
  const hash = target.lastIndexOf('#');
  const module = hash < 0 ? target : target.slice(0, hash);
  const exportName = hash < 0 ? DEFAULT_EXPORT_NAME : target.slice(hash + 1);
  if (module === '') return `"${key}" names no module before '#': write "./module.mjs#${exportName}".`;
  if (!EXPORT_NAME.test(exportName)) {
    return `"${key}": '${exportName}' is not an export name (letters, digits, _ and $, not starting with a digit).`;
  }
  return { key, module, exportName };
}

function invalid(problems: readonly string[]): HandlerConfigResult {
  return { kind: 'invalid', problems };
}

/**
 * A handlers module given directly instead of a handlers file: each exported function answers
 * the Tasks whose state name, Resource ARN or function name is its export name (the banking
 * example's `exports.CheckName` answers the function `CheckName`).
 */
export function handlerConfigFromExports(module: string, exportNames: Iterable<string>): HandlerConfig {
  const config = new Map<string, HandlerReference>();
  for (const exportName of exportNames) {
    if (exportName !== 'default') config.set(exportName, { key: exportName, module, exportName });
  }
  return config;
}
