/**
 * The built adapter (dist/debugAdapter.js) driven over stdio by @vscode/debugadapter-testsupport's
 * DebugClient, with every event kept in order: a test asks for "the next stopped event" and
 * gets it whether it arrived before the question or after, so no event is missed to a race.
 */
import assert from 'node:assert/strict';
import { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { isRecord } from '../../server/src/guards';

export const root = path.resolve(import.meta.dirname, '..', '..');
export const adapterPath = path.join(root, 'dist', 'debugAdapter.js');
export const fixture = (name: string): string => path.join(import.meta.dirname, 'fixtures', name);
export const example = (name: string): string => path.join(root, 'examples', 'account-processing', name);

const EVENTS = [
  'initialized',
  'stopped',
  'output',
  'terminated',
  'exited',
  'invalidated',
  'process',
  'stepwise/execution',
];

/** How long a single wait may take before the test fails (handlers run in a child process). */
const WAIT_MS = 10_000;

export interface LaunchOptions {
  /** Line breakpoints: file → 1-based lines (with optional condition, hit count, log message). */
  readonly breakpoints?: ReadonlyMap<string, readonly DebugProtocol.SourceBreakpoint[]>;
  readonly functionBreakpoints?: readonly string[];
  readonly exceptionFilters?: readonly string[];
  readonly exceptionOptions?: readonly DebugProtocol.ExceptionFilterOptions[];
}

export class StepwiseClient {
  readonly dc: DebugClient;
  readonly events: DebugProtocol.Event[] = [];
  private consumed = new Set<DebugProtocol.Event>();
  private waiters: { name: string; resolve: (event: DebugProtocol.Event) => void }[] = [];
  breakpointAnswers: DebugProtocol.Breakpoint[] = [];

  private constructor() {
    assert.ok(existsSync(adapterPath), `${adapterPath} is missing: run \`node esbuild.mjs\` first.`);
    this.dc = new DebugClient(process.execPath, adapterPath, 'stepwise', { stdio: 'pipe' });
    this.dc.defaultTimeout = WAIT_MS;
    for (const name of EVENTS) {
      this.dc.on(name, (event: DebugProtocol.Event) => this.receive(event));
    }
  }

  static async start(): Promise<StepwiseClient> {
    const client = new StepwiseClient();
    await client.dc.start();
    // DebugClient leaves the adapter's stdin without an error listener. After a test kills the
    // adapter (the resume tests do, with SIGKILL), the disconnect sent on close fails with EPIPE,
    // which would surface as an uncaught exception; a dead pipe is expected there.
    const adapter: unknown = Reflect.get(client.dc, '_adapterProcess');
    if (adapter instanceof ChildProcess) adapter.stdin?.on('error', () => undefined);
    return client;
  }

  private receive(event: DebugProtocol.Event): void {
    this.events.push(event);
    const index = this.waiters.findIndex((w) => w.name === event.event);
    const waiter = this.waiters[index];
    if (waiter === undefined) return;
    this.waiters.splice(index, 1);
    this.consumed.add(event);
    waiter.resolve(event);
  }

  /** The next event of that name not handed out yet, waiting for it if need be. */
  next(name: string, timeoutMs = WAIT_MS): Promise<DebugProtocol.Event> {
    const ready = this.events.find((e) => e.event === name && !this.consumed.has(e));
    if (ready !== undefined) {
      this.consumed.add(ready);
      return Promise.resolve(ready);
    }
    return new Promise((resolve, reject) => {
      const waiter = { name, resolve: (event: DebugProtocol.Event) => (clearTimeout(timer), resolve(event)) };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`No '${name}' event within ${timeoutMs} ms. Output so far:\n${this.output()}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** The next stop, checked to be for `reason`; returns its body. */
  async stopped(reason?: string): Promise<DebugProtocol.StoppedEvent['body']> {
    const event = await this.next('stopped');
    const body: unknown = event.body;
    assert.ok(isStoppedBody(body));
    if (reason !== undefined)
      assert.equal(body.reason, reason, `stopped for ${body.reason}: ${body.description ?? ''}`);
    return body;
  }

  /** initialize, launch, breakpoints, configurationDone: what VS Code does. */
  async launch(args: Record<string, unknown>, options: LaunchOptions = {}): Promise<DebugProtocol.Response> {
    const initialized = this.next('initialized');
    // DebugClient rejects on a failed launch: turned into the response, which tests inspect.
    const launched = this.dc
      .launch({ type: 'stepwise', request: 'launch', name: 'test', ...args })
      .catch((error: unknown): DebugProtocol.Response => {
        const message = error instanceof Error ? error.message : String(error);
        return { seq: 0, type: 'response', request_seq: 0, command: 'launch', success: false, message };
      });
    await initialized;
    this.breakpointAnswers = [];
    for (const [file, breakpoints] of options.breakpoints ?? []) {
      const answer = await this.dc.setBreakpointsRequest({
        source: { path: file },
        breakpoints: [...breakpoints],
      });
      this.breakpointAnswers.push(...answer.body.breakpoints);
    }
    if (options.functionBreakpoints !== undefined) {
      const answer = await this.dc.setFunctionBreakpointsRequest({
        breakpoints: options.functionBreakpoints.map((name) => ({ name })),
      });
      this.breakpointAnswers.push(...answer.body.breakpoints);
    }
    await this.dc.setExceptionBreakpointsRequest({
      filters: [...(options.exceptionFilters ?? [])],
      ...(options.exceptionOptions === undefined ? {} : { filterOptions: [...options.exceptionOptions] }),
    });
    await this.dc.configurationDoneRequest();
    return launched;
  }

  /** The stack, innermost first: names and 1-based lines. */
  async stack(): Promise<{ name: string; line: number; id: number }[]> {
    const response = await this.dc.stackTraceRequest({ threadId: 1 });
    return response.body.stackFrames.map((f) => ({ name: f.name, line: f.line, id: f.id }));
  }

  /** The scopes of the top frame (or `frameId`) by name. */
  async scopes(frameId?: number): Promise<Map<string, number>> {
    const id = frameId ?? (await this.stack())[0]?.id;
    assert.ok(id !== undefined, 'there is a stack frame');
    const response = await this.dc.scopesRequest({ frameId: id });
    return new Map(response.body.scopes.map((s) => [s.name, s.variablesReference]));
  }

  /** A scope's (or any container's) members: name → displayed value. */
  async variables(reference: number): Promise<Map<string, DebugProtocol.Variable>> {
    const response = await this.dc.variablesRequest({ variablesReference: reference });
    return new Map(response.body.variables.map((v) => [v.name, v]));
  }

  async scope(name: string, frameId?: number): Promise<Map<string, DebugProtocol.Variable>> {
    const reference = (await this.scopes(frameId)).get(name);
    assert.ok(reference !== undefined, `there is a scope '${name}'`);
    return this.variables(reference);
  }

  async evaluate(expression: string, context = 'repl'): Promise<DebugProtocol.EvaluateResponse> {
    return this.dc.evaluateRequest({ expression, context });
  }

  /** All console output so far, as one text. */
  output(category = 'console'): string {
    return this.events
      .filter((e) => e.event === 'output')
      .map((e) => {
        const body: unknown = e.body;
        return isOutputBody(body) && (body.category ?? 'console') === category ? body.output : '';
      })
      .join('');
  }

  /** Disconnects and stops the adapter; a dead adapter answers nothing, so the wait is bounded. */
  async close(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const bounded = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, 2000);
    });
    await Promise.race([this.dc.stop().catch(() => undefined), bounded]);
    clearTimeout(timer);
  }
}

/** A member of an event's body (bodies arrive untyped). */
export function bodyField(event: DebugProtocol.Event, key: string): unknown {
  return member(event.body, key);
}

/** A property of a value that may be an object. */
export function member(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}

function isStoppedBody(value: unknown): value is DebugProtocol.StoppedEvent['body'] {
  return typeof value === 'object' && value !== null && 'reason' in value && typeof value.reason === 'string';
}

function isOutputBody(value: unknown): value is DebugProtocol.OutputEvent['body'] {
  return typeof value === 'object' && value !== null && 'output' in value && typeof value.output === 'string';
}

/** The output a successful run prints last to the Debug Console. */
export function finalOutput(console: string): unknown {
  const marker = 'Execution SUCCEEDED. Output:\n';
  const at = console.indexOf(marker);
  assert.ok(at >= 0, `the run succeeded:\n${console}`);
  return JSON.parse(console.slice(at + marker.length));
}

/** The counting fixture's file: how many times each `<Task> start` / `<Task> done` line was written. */
export function countsIn(file: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line !== '') counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  return counts;
}

/** Waits until the counting fixture's `task` has started (written `<task> start`). */
export async function taskStarted(countFile: string, task: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(existsSync(countFile) && countsIn(countFile).has(`${task} start`))) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for the ${task} Task to start.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Runs `body` against a fresh adapter and always shuts it down. */
export async function withClient(body: (client: StepwiseClient) => Promise<void>): Promise<void> {
  const client = await StepwiseClient.start();
  try {
    await body(client);
  } finally {
    await client.close();
  }
}
