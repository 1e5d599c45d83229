import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { TaskRunner } from '../engine';
import {
  composeTaskRunners,
  createHandlerRunner,
  functionExportNames,
  handlerConfigFromExports,
  importModule,
  parseHandlerConfig,
  type HandlerConfig,
} from '../engine/tasks';
import { isToHandlerHost, type FromHandlerHost, type ToHandlerHost } from './handlerMessages';
import { withoutBom } from '../node/text';

/**
 * The handler process: a child of the debug adapter that loads the local handler modules and
 * runs them for the adapter's Task requests. User code lives here, so a handler that exits the
 * process, crashes it or spins forever takes down this process only; the adapter reports the
 * Task as failed and starts a fresh one for the next Task.
 */
export function runHandlerHost(): void {
  let runner: TaskRunner | undefined;
  let now = Date.now();
  const send = (message: FromHandlerHost): void => {
    process.send?.(message);
  };
  process.on('message', (message: unknown) => {
    if (!isToHandlerHost(message)) return;
    void handle(message);
  });
  // The adapter going away (killed) closes the channel: nothing left to serve.
  process.on('disconnect', () => process.exit(0));

  async function handle(message: ToHandlerHost): Promise<void> {
    if (message.kind === 'init') {
      const loaded = await loadRunner(message.handlers, () => now);
      if (typeof loaded === 'string') send({ kind: 'initFailed', problems: [loaded] });
      else {
        runner = loaded;
        send({ kind: 'ready' });
      }
      return;
    }
    now = message.now;
    const active = runner;
    if (active === undefined) {
      send({
        kind: 'outcome',
        id: message.id,
        outcome: { kind: 'unavailable', message: 'The handlers are not loaded.' },
      });
      return;
    }
    try {
      const outcome = await active.run(message.request);
      send({ kind: 'outcome', id: message.id, outcome });
    } catch (error) {
      const cause = error instanceof Error ? error.message : String(error);
      send({
        kind: 'outcome',
        id: message.id,
        outcome: { kind: 'failed', error: 'States.TaskFailed', cause },
      });
    }
  }
}

const MODULE_FILE = /\.[cm]?js$/i;

/** A handlers file (JSON mapping) or a module whose function exports are the handlers. */
async function loadRunner(file: string, now: () => number): Promise<TaskRunner | string> {
  let config: HandlerConfig;
  if (MODULE_FILE.test(file)) {
    let namespace: unknown;
    try {
      namespace = await importModule(resolve(file));
    } catch (error) {
      return `The handlers module ${file} could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
    }
    const names = functionExportNames(namespace);
    if (names.length === 0) return `The handlers module ${file} exports no functions.`;
    config = handlerConfigFromExports(`./${basename(file)}`, names);
  } else {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      return `The handlers file ${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`;
    }
    const parsed = parseHandlerConfig(withoutBom(text));
    if (parsed.kind === 'invalid') return `${file}: ${parsed.problems.join(' ')}`;
    config = parsed.config;
  }
  const handlers = createHandlerRunner(config, {
    baseDirectory: dirname(resolve(file)),
    ids: { uuid: () => randomUUID() },
    now,
  });
  return composeTaskRunners({ handlers });
}
