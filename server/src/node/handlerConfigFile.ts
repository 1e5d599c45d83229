import { basename, resolve } from 'node:path';
import {
  functionExportNames,
  handlerConfigFromExports,
  parseHandlerConfig,
  type HandlerConfig,
  type ModuleImporter,
} from '../engine/tasks';

/**
 * What came of loading `--handlers` / "handlers": each way it can go wrong is its own kind, so
 * the CLI and the debugger can word it as each of them reports problems.
 */
export type HandlerConfigLoad =
  | { readonly kind: 'ok'; readonly config: HandlerConfig }
  /** A handlers file (JSON) whose mapping is wrong: its problems, each a sentence. */
  | { readonly kind: 'invalid'; readonly problems: readonly string[] }
  /** The handlers file could not be read: what `readText` threw. */
  | { readonly kind: 'unreadable'; readonly error: unknown }
  /** The handlers module threw on import (or was not found): what the import threw. */
  | { readonly kind: 'unloadable'; readonly error: unknown }
  | { readonly kind: 'noFunctions' };

export interface HandlerConfigSources {
  readonly readText: (file: string) => Promise<string>;
  readonly importModule: ModuleImporter;
}

const MODULE_FILE = /\.[cm]?js$/i;

/** A handlers file (JSON mapping), or a module whose function exports are the handlers. */
export async function loadHandlerConfig(
  file: string,
  sources: HandlerConfigSources,
): Promise<HandlerConfigLoad> {
  if (!MODULE_FILE.test(file)) {
    let text: string;
    try {
      text = await sources.readText(file);
    } catch (error) {
      return { kind: 'unreadable', error };
    }
    return parseHandlerConfig(text);
  }
  let namespace: unknown;
  try {
    namespace = await sources.importModule(resolve(file));
  } catch (error) {
    return { kind: 'unloadable', error };
  }
  const names = functionExportNames(namespace);
  if (names.length === 0) return { kind: 'noFunctions' };
  return { kind: 'ok', config: handlerConfigFromExports(`./${basename(file)}`, names) };
}
