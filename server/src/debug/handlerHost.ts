import { dirname, resolve } from 'node:path';
import type { TaskRunner } from '../engine';
import { composeTaskRunners, createHandlerRunner, importModule } from '../engine/tasks';
import { isToHandlerHost, type FromHandlerHost, type ToHandlerHost } from './handlerMessages';
import { loadHandlerConfig } from '../node/handlerConfigFile';
import { nodeIds } from '../node/ports';
import { readTextFile } from '../node/text';

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

/** A handlers file (JSON mapping) or a module whose function exports are the handlers. */
async function loadRunner(file: string, now: () => number): Promise<TaskRunner | string> {
  const loaded = await loadHandlerConfig(file, { readText: readTextFile, importModule });
  switch (loaded.kind) {
    case 'ok':
      break;
    case 'invalid':
      return `${file}: ${loaded.problems.join(' ')}`;
    case 'unreadable':
      return `The handlers file ${file} cannot be read: ${messageOf(loaded.error)}`;
    case 'unloadable':
      return `The handlers module ${file} could not be loaded: ${messageOf(loaded.error)}`;
    case 'noFunctions':
      return `The handlers module ${file} exports no functions.`;
  }
  const handlers = createHandlerRunner(loaded.config, {
    baseDirectory: dirname(resolve(file)),
    ids: nodeIds,
    now,
  });
  return composeTaskRunners({ handlers });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
