import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HandlerReference } from './handlerConfig';
import type { LambdaHandler } from './invokeHandler';

/** Imports a module by absolute path; injected so tests and bundles can substitute it. */
export type ModuleImporter = (absolutePath: string) => Promise<unknown>;

export const importModule: ModuleImporter = (absolutePath) => import(pathToFileURL(absolutePath).href);

export type LoadedHandler =
  | { readonly kind: 'loaded'; readonly handler: LambdaHandler }
  | { readonly kind: 'problem'; readonly message: string };

/**
 * Loads handlers on first use and keeps them: each module is imported once per run, as a warm
 * Lambda container would keep its module state between invocations.
 */
export function createHandlerLoader(
  baseDirectory: string,
  importer: ModuleImporter = importModule,
): (reference: HandlerReference) => LoadedHandler | Promise<LoadedHandler> {
  const modules = new Map<string, Promise<unknown>>();
  // Settled lookups, so that every call after the first is synchronous.
  const loaded = new Map<HandlerReference, LoadedHandler>();
  const load = async (reference: HandlerReference): Promise<LoadedHandler> => {
    const path = isAbsolute(reference.module) ? reference.module : resolve(baseDirectory, reference.module);
    let loading = modules.get(path);
    if (loading === undefined) {
      loading = importer(path);
      modules.set(path, loading);
    }
    let namespace: unknown;
    try {
      namespace = await loading;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return problem(
        `The handler module '${reference.module}' for "${reference.key}" could not be loaded: ${reason}`,
      );
    }
    const handler = exportOf(namespace, reference.exportName);
    if (handler === undefined) {
      return problem(
        `The handler module '${reference.module}' for "${reference.key}" has no function export '${reference.exportName}'.`,
      );
    }
    return { kind: 'loaded', handler };
  };
  return (reference) => {
    const known = loaded.get(reference);
    if (known !== undefined) return known;
    return load(reference).then((result) => {
      loaded.set(reference, result);
      return result;
    });
  };
}

/** The names of a loaded module's function exports (CommonJS properties included). */
export function functionExportNames(namespace: unknown): string[] {
  const names = new Set<string>();
  for (const source of [namespace, propertyOf(namespace, 'default')]) {
    if ((typeof source !== 'object' && typeof source !== 'function') || source === null) continue;
    for (const name of Object.keys(source)) if (isHandler(propertyOf(source, name))) names.add(name);
  }
  return [...names];
}

/** An ES module's named export, or a CommonJS module's property (reached through `default`). */
function exportOf(namespace: unknown, name: string): LambdaHandler | undefined {
  const direct = propertyOf(namespace, name);
  if (isHandler(direct)) return direct;
  const viaDefault = propertyOf(propertyOf(namespace, 'default'), name);
  return isHandler(viaDefault) ? viaDefault : undefined;
}

function propertyOf(value: unknown, name: string): unknown {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
  return Reflect.get(value, name);
}

function isHandler(value: unknown): value is LambdaHandler {
  return typeof value === 'function';
}

function problem(message: string): LoadedHandler {
  return { kind: 'problem', message };
}
