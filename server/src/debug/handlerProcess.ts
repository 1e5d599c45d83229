import { fork, type ChildProcess } from 'node:child_process';
import type { TaskOutcome, TaskRequest } from '../engine';
import type { SelectiveTaskRunner } from '../engine/tasks';
import { HANDLER_HOST_FLAG, isFromHandlerHost, type ToHandlerHost } from './handlerMessages';

/** Extra time a handler gets past its TimeoutSeconds before its process is killed. */
const KILL_GRACE_MS = 500;

export interface HandlerProcessOptions {
  /** The script to fork (the adapter's own bundle, which serves as the host with HANDLER_HOST_FLAG). */
  readonly script: string;
  /** The handlers file or module, absolute. */
  readonly handlers: string;
  /** The engine's time, for the Lambda response's Date. */
  readonly now: () => number;
  /** What the handlers print (console.log, errors): shown in the Debug Console. */
  readonly output: (text: string, category: 'stdout' | 'stderr') => void;
}

/**
 * Covers every Task: the mocks come first, and the host answers the rest, with its own
 * "nothing answers" message for a Task no handler is mapped to.
 */
export interface HandlerProcess extends SelectiveTaskRunner {
  /** Loads the handlers (a problem message when they cannot be loaded). */
  start(): Promise<string | undefined>;
  /** Kills the process and fails what was waiting on it. */
  dispose(): void;
}

interface Pending {
  readonly request: TaskRequest;
  readonly resolve: (outcome: TaskOutcome) => void;
  readonly timer: NodeJS.Timeout | undefined;
}

/**
 * Runs handlers in a child process, not in the adapter: a handler that calls process.exit,
 * crashes Node, or blocks the event loop forever cannot take the debug session with it. A
 * Task whose process dies fails with States.TaskFailed; one that outlives its TimeoutSeconds
 * fails with States.Timeout (the process is killed: a busy loop never yields to a timer in its
 * own process). The next Task starts a fresh process, as a new Lambda container would.
 */
export function createHandlerProcess(options: HandlerProcessOptions): HandlerProcess {
  let child: ChildProcess | undefined;
  let ready: Promise<string | undefined> | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const settle = (id: number, outcome: TaskOutcome): void => {
    const waiting = pending.get(id);
    if (waiting === undefined) return;
    pending.delete(id);
    if (waiting.timer !== undefined) clearTimeout(waiting.timer);
    waiting.resolve(outcome);
  };

  const spawn = (): Promise<string | undefined> => {
    const host = fork(options.script, [HANDLER_HOST_FLAG], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    child = host;
    host.stdout?.on('data', (chunk: Buffer) => options.output(chunk.toString('utf8'), 'stdout'));
    host.stderr?.on('data', (chunk: Buffer) => options.output(chunk.toString('utf8'), 'stderr'));
    return new Promise((resolve) => {
      host.on('message', (message: unknown) => {
        if (!isFromHandlerHost(message)) return;
        if (message.kind === 'ready') resolve(undefined);
        else if (message.kind === 'initFailed') resolve(message.problems.join(' '));
        else settle(message.id, message.outcome);
      });
      host.on('exit', (code, signal) => {
        if (child === host) {
          child = undefined;
          ready = undefined;
        }
        resolve(`The handler process exited before it was ready (${exitOf(code, signal)}).`);
        for (const [id, waiting] of pending) {
          settle(id, {
            kind: 'failed',
            error: 'States.TaskFailed',
            cause: `The handler for '${waiting.request.stateName}' ended its process (${exitOf(code, signal)}) before answering.`,
          });
        }
      });
      const init: ToHandlerHost = { kind: 'init', handlers: options.handlers };
      host.send(init);
    });
  };

  const ensure = (): Promise<string | undefined> => (ready ??= spawn());

  return {
    start: ensure,
    covers: () => true,
    async run(request) {
      const problem = await ensure();
      if (problem !== undefined) return { kind: 'unavailable', message: problem };
      const target = child;
      if (target === undefined)
        return { kind: 'failed', error: 'States.TaskFailed', cause: 'The handler process is gone.' };
      const id = nextId++;
      return new Promise<TaskOutcome>((resolve) => {
        const limit = request.timeoutSeconds;
        const timer =
          limit === undefined
            ? undefined
            : setTimeout(
                () => {
                  settle(id, {
                    kind: 'failed',
                    error: 'States.Timeout',
                    cause: `The handler for '${request.stateName}' did not answer within the state's TimeoutSeconds (${limit} s); its process was stopped.`,
                  });
                  target.kill('SIGKILL');
                },
                limit * 1000 + KILL_GRACE_MS,
              );
        pending.set(id, { request, resolve, timer });
        const message: ToHandlerHost = {
          kind: 'run',
          id,
          request: plainRequest(request),
          now: options.now(),
        };
        target.send(message);
      });
    },
    dispose() {
      const running = child;
      child = undefined;
      ready = undefined;
      running?.kill('SIGKILL');
    },
  };
}

function exitOf(code: number | null, signal: NodeJS.Signals | null): string {
  return signal !== null ? `signal ${signal}` : `exit code ${String(code)}`;
}

/** The request as plain data for the channel (the engine may build fields such as the context on demand). */
function plainRequest(request: TaskRequest): TaskRequest {
  return {
    stateName: request.stateName,
    resource: request.resource,
    input: request.input,
    invocation: request.invocation,
    context: request.context,
    ...(request.timeoutSeconds === undefined ? {} : { timeoutSeconds: request.timeoutSeconds }),
    ...(request.heartbeatSeconds === undefined ? {} : { heartbeatSeconds: request.heartbeatSeconds }),
  };
}
