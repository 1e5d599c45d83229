import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DebugSession,
  ExitedEvent,
  InitializedEvent,
  InvalidatedEvent,
  OutputEvent,
  StoppedEvent,
  TerminatedEvent,
} from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { buildModel, formatOf, parseDocument, type ParsedDocument, type StateMachine } from '../asl';
import { clockFor, createNodeFileStore, nodeIds, nodeRandom } from '../node/ports';
import { readTextFileSync } from '../node/text';
import {
  createExecution,
  parseJson,
  resumeExecution,
  type ExecutionResult,
  type ExecutionState,
  type HistoryEvent,
  type JsonValue,
  type StateVisit,
  type TaskRunner,
} from '../engine';
import { composeTaskRunners } from '../engine/tasks';
import {
  EXECUTION_EVENT,
  type ExecutionEvent,
  type ExecutionPathStep,
  type StateStatus,
} from '../executionEvents';
import type { ExecutionRecorder } from '../store';
import { BreakpointTable } from './breakpointTable';
import { nameLine, stateNamed } from './breakpointBinding';
import { evaluateText } from './expressions';
import { scopesOf } from './frameScopes';
import { pathOfFrames, pathOfVisit, progressOf } from './graphEvents';
import { createHandlerProcess, type HandlerProcess } from './handlerProcess';
import { detailsOf, endLines, eventLine } from './historyLines';
import { previewOf } from './jsonPreview';
import { handlersAllowed, planLaunch, type LaunchPlan } from './launchPlan';
import { toLaunchArgs } from './launchArgs';
import { RunController, type RunEvents, type Stop, type StopRules } from './runController';
import { mockRunnerFor } from './taskRunners';
import { isUncaught } from './uncaught';
import { replaceAt, VariableStore } from './variableStore';
import type { WorkflowProgram } from './workflowProgram';

/** How long launch waits for `configurationDone` before going on without it. */
const CONFIGURATION_TIMEOUT_MS = 1000;

/** The one thread: branches and iterations are stack frames (see RunController). */
const THREAD_ID = 1;

/**
 * The DAP side of a Stepwise run: protocol glue over RunController (stepping, stops), the
 * engine (the state shown in scopes, expressions) and the store (every event written down).
 * It holds no workflow semantics of its own.
 */
export class AslDebugSession extends DebugSession {
  private readonly configured: Promise<void>;
  private markConfigured: () => void = () => undefined;
  private readonly breakpoints = new BreakpointTable();
  private readonly variables = new VariableStore();
  private program: WorkflowProgram | undefined;
  private controller: RunController | undefined;
  private handlers: HandlerProcess | undefined;
  private recorder: ExecutionRecorder | undefined;
  private lastStop: Stop | undefined;
  private threadName = 'Execution';
  private uri = '';
  private executionId = '';
  /** Failures seen per frame (enteredEventId), to tell "caught" from "succeeded" on exit. */
  private readonly failedStates = new Set<number>();

  constructor() {
    super();
    this.setDebuggerLinesStartAt1(true);
    this.setDebuggerColumnsStartAt1(true);
    this.configured = new Promise((resolve) => {
      this.markConfigured = resolve;
    });
  }

  protected override initializeRequest(
    response: DebugProtocol.InitializeResponse,
    _args: DebugProtocol.InitializeRequestArguments,
  ): void {
    response.body = {
      ...response.body,
      supportsConfigurationDoneRequest: true,
      supportsFunctionBreakpoints: true,
      supportsConditionalBreakpoints: true,
      supportsHitConditionalBreakpoints: true,
      supportsLogPoints: true,
      supportsEvaluateForHovers: true,
      supportsSetVariable: true,
      supportsStepBack: true,
      supportsRestartFrame: true,
      supportsExceptionInfoRequest: true,
      supportsExceptionFilterOptions: true,
      supportsTerminateRequest: true,
      supportsRestartRequest: false,
      exceptionBreakpointFilters: [
        {
          filter: 'all',
          label: 'All Errors',
          description: 'Stop whenever a state fails, even when Retry or Catch will handle the error.',
          default: false,
          supportsCondition: true,
          conditionDescription: 'Error names, comma-separated (e.g. States.TaskFailed, InvalidAddress)',
        },
        {
          filter: 'uncaught',
          label: 'Uncaught Errors',
          description:
            'Stop when a state fails with an error that no Retry or Catch handles: the execution will fail.',
          default: true,
          supportsCondition: true,
          conditionDescription: 'Error names, comma-separated (e.g. States.Timeout)',
        },
      ],
    };
    this.sendResponse(response);
    this.sendEvent(new InitializedEvent());
  }

  protected override configurationDoneRequest(
    response: DebugProtocol.ConfigurationDoneResponse,
    _args: DebugProtocol.ConfigurationDoneArguments,
  ): void {
    this.sendResponse(response);
    this.markConfigured();
  }

  protected override launchRequest(
    response: DebugProtocol.LaunchResponse,
    args: DebugProtocol.LaunchRequestArguments,
  ): void {
    this.launch(response, args).catch((error: unknown) => {
      this.fail(
        response,
        `Stepwise could not start: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  }

  private async launch(response: DebugProtocol.LaunchResponse, raw: unknown): Promise<void> {
    const checked = toLaunchArgs(raw);
    if (checked.kind === 'invalid') return this.fail(response, checked.message);
    const args = checked.args;
    const planned = await planLaunch(args);
    if (planned.kind === 'invalid') {
      if (planned.diagnostics.length > 0)
        this.sendEvent(new OutputEvent(`${planned.diagnostics.join('\n')}\n`, 'stderr'));
      return this.fail(response, planned.message);
    }
    const plan = planned.plan;
    if (plan.launch.handlers !== undefined && !handlersAllowed()) {
      return this.fail(
        response,
        'Local Task handlers run only in a trusted workspace. Trust the workspace, or use "mocks" instead of "handlers".',
      );
    }
    const runner = await this.taskRunnerFor(plan);
    if (typeof runner === 'string') return this.fail(response, runner);

    this.program = plan.program;
    this.breakpoints.useProgram(plan.program);
    this.uri = pathToFileURL(plan.program.file).href;
    this.threadName = `Execution ${plan.launch.stateMachineName}`;
    const debugging = args.noDebug !== true;
    const clock = { current: clockFor(plan.launch.clock) };
    const ports = {
      taskRunner: runner,
      ids: nodeIds,
      random: nodeRandom,
      files: createNodeFileStore(path.dirname(plan.program.file)),
    };
    const machine = plan.program.machine;
    const continued = plan.continueFrom;
    const rules = this.stopRules(plan);
    this.controller = new RunController(
      machine,
      (state, observer) => {
        if (state === undefined && continued === undefined) {
          return createExecution(
            machine,
            plan.input,
            {
              stateMachineName: plan.launch.stateMachineName,
              workflowType: plan.launch.workflowType,
              name: nodeIds.uuid(),
            },
            { ...ports, clock: clock.current, observer },
          );
        }
        const from = state ?? continued?.state;
        if (from === undefined) throw new Error('Nothing to continue from.');
        clock.current = clockFor(plan.launch.clock, from);
        return resumeExecution(machine, from, { ...ports, clock: clock.current, observer });
      },
      rules,
      this.runEvents(plan),
      debugging,
    );
    this.clockNow = () => clock.current.now();
    this.executionId = this.controller.state.info.name;
    if (continued !== undefined && plan.store !== undefined)
      this.recorder = plan.store.append(continued.stored);

    await this.waitForConfiguration();
    this.sendResponse(response);
    const verb = continued === undefined ? 'Running' : continued.kind === 'resume' ? 'Resuming' : 'Redriving';
    this.print(
      `${verb} ${plan.launch.stateMachineName} (execution ${this.executionId}) from ${plan.program.file}`,
    );
    this.sendExecutionEvent({ kind: 'started', executionId: this.executionId, uri: this.uri });
    // The "debuggee" is this process (handlers run in a child of it): its pid lets tools stop it.
    const started: DebugProtocol.ProcessEvent = {
      seq: 0,
      type: 'event',
      event: 'process',
      body: {
        name: plan.program.file,
        systemProcessId: process.pid,
        isLocalProcess: true,
        startMethod: 'launch',
      },
    };
    this.sendEvent(started);
    this.controller.start(args.stopOnEntry === true);
  }

  private clockNow: () => number = () => Date.now();

  private async taskRunnerFor(plan: LaunchPlan): Promise<TaskRunner | string> {
    const launch = plan.launch;
    const mocks =
      launch.mocks === undefined
        ? undefined
        : await mockRunnerFor(launch.mocks, launch.stateMachineName, launch.testCase);
    if (typeof mocks === 'string') return mocks;
    if (launch.handlers !== undefined) {
      const script = process.argv[1];
      if (script === undefined)
        return 'The debug adapter cannot find its own script to start the handler process.';
      this.handlers = createHandlerProcess({
        script,
        handlers: launch.handlers,
        now: () => this.clockNow(),
        output: (text, category) => this.sendEvent(new OutputEvent(text, category)),
      });
      const problem = await this.handlers.start();
      if (problem !== undefined) return problem;
    }
    const handlers = this.handlers;
    return composeTaskRunners({ ...(mocks && { mocks }), ...(handlers && { handlers }) });
  }

  private stopRules(plan: LaunchPlan): StopRules {
    const machine = plan.program.machine;
    return {
      entered: (visit, state) => {
        const frameIndex = state.frames.length - 1;
        const input = state.frames[frameIndex]?.input ?? null;
        return this.breakpoints.entered(visit.name, (text) =>
          evaluateText(machine, state, frameIndex, text, input),
        );
      },
      failing: (failure, state) => this.breakpoints.stopsOnFailure(failure, () => isUncaught(machine, state)),
      hasBreakpoint: (name) => this.breakpoints.hasBreakpoint(name),
    };
  }

  private runEvents(plan: LaunchPlan): RunEvents {
    return {
      recorded: (events, state) => {
        this.persist(plan, state);
        for (const event of events) this.printEvent(event, state);
      },
      rewound: (eventId, state) => {
        this.recorder?.rewound(state);
        this.print(`  ⟲  back to event ${eventId}: later events are undone`);
      },
      visited: (kind, visit, state) => this.stateVisited(kind, visit, state),
      failing: (_failure, state) => {
        const top = state.frames.at(-1);
        if (top !== undefined) this.failedStates.add(top.enteredEventId);
        this.sendStateEvent(pathOfFrames(state), 'failed');
      },
      stopped: (stop) => this.stopped(stop),
      ended: (result) => this.ended(result),
      log: (text) => this.print(text),
    };
  }

  /** Every event written down before the run goes on: a kill loses nothing already recorded. */
  private persist(plan: LaunchPlan, state: ExecutionState): void {
    const store = plan.store;
    if (store === undefined) return;
    if (this.recorder === undefined) {
      this.recorder = store.create(
        { program: plan.program.file, definition: plan.program.definition, launch: plan.launch },
        state,
      );
      this.print(`Storing the execution in ${this.recorder.file}`);
      return;
    }
    this.recorder.capture(state);
  }

  private printEvent(event: HistoryEvent, state: ExecutionState): void {
    const name = event.details?.['name'];
    const label =
      typeof name === 'string'
        ? name
        : event.type.startsWith('Execution')
          ? undefined
          : state.frames.at(-1)?.state;
    const output = new OutputEvent(`${eventLine(event, label)}\n`, 'console');
    const body: DebugProtocol.OutputEvent['body'] = output.body;
    body.variablesReference = this.variables.referenceFor(detailsOf(event), undefined, undefined, true);
    this.sendEvent(output);
  }

  private stateVisited(kind: 'entered' | 'exited', visit: StateVisit, state: ExecutionState): void {
    const steps = pathOfVisit(visit);
    if (kind === 'entered') {
      const parent = state.frames.length - 2;
      const progress = parent >= 0 ? progressOf(state, parent) : undefined;
      this.sendStateEvent(steps, 'running', undefined, progress);
      return;
    }
    const frame = state.frames[visit.path.length];
    const caught = frame !== undefined && this.failedStates.delete(frame.enteredEventId);
    this.sendStateEvent(steps, caught ? 'caught' : 'succeeded', frame?.next);
  }

  private sendStateEvent(
    steps: readonly ExecutionPathStep[],
    status: StateStatus,
    next?: string,
    progress?: { done: number; total: number },
  ): void {
    if (steps.length === 0) return;
    this.sendExecutionEvent({
      kind: 'state',
      executionId: this.executionId,
      uri: this.uri,
      path: steps,
      status,
      ...(next === undefined ? {} : { next }),
      ...(progress === undefined ? {} : { progress }),
    });
  }

  private sendExecutionEvent(event: ExecutionEvent): void {
    this.sendEvent({ seq: 0, type: 'event', event: EXECUTION_EVENT, body: event });
  }

  private stopped(stop: Stop): void {
    this.lastStop = stop;
    this.variables.clearTransient();
    const event = new StoppedEvent(stop.reason, THREAD_ID, stop.failure?.error);
    const body: DebugProtocol.StoppedEvent['body'] = event.body;
    body.description = stop.description;
    body.allThreadsStopped = true;
    if (stop.breakpointIds !== undefined) body.hitBreakpointIds = [...stop.breakpointIds];
    this.sendEvent(event);
  }

  private ended(result: ExecutionResult): void {
    for (const line of endLines(result)) this.print(line);
    this.sendExecutionEvent({
      kind: 'ended',
      executionId: this.executionId,
      uri: this.uri,
      status: result.status,
    });
    this.release();
    this.sendEvent(new ExitedEvent(result.status === 'SUCCEEDED' ? 0 : 1));
    this.sendEvent(new TerminatedEvent());
  }

  private release(): void {
    this.controller?.dispose();
    this.handlers?.dispose();
    this.handlers = undefined;
    this.recorder?.close();
    this.recorder = undefined;
  }

  // ── breakpoints ──────────────────────────────────────────────────────────────────────────

  protected override setBreakPointsRequest(
    response: DebugProtocol.SetBreakpointsResponse,
    args: DebugProtocol.SetBreakpointsArguments,
  ): void {
    const file = args.source.path;
    const requested = args.breakpoints ?? (args.lines ?? []).map((line) => ({ line }));
    const source = file === undefined ? undefined : this.sourceOf(file);
    response.body = { breakpoints: this.breakpoints.setLineBreakpoints(file ?? '', source, requested) };
    this.sendResponse(response);
  }

  protected override setFunctionBreakPointsRequest(
    response: DebugProtocol.SetFunctionBreakpointsResponse,
    args: DebugProtocol.SetFunctionBreakpointsArguments,
  ): void {
    const answers = this.breakpoints.setFunctionBreakpoints(args.breakpoints);
    const file = this.program?.file;
    response.body = {
      breakpoints: answers.map((bp) =>
        file !== undefined && bp.line !== undefined
          ? { ...bp, source: { name: path.basename(file), path: file } }
          : bp,
      ),
    };
    this.sendResponse(response);
  }

  protected override setExceptionBreakPointsRequest(
    response: DebugProtocol.SetExceptionBreakpointsResponse,
    args: DebugProtocol.SetExceptionBreakpointsArguments,
  ): void {
    this.breakpoints.setExceptionFilters(args.filters, args.filterOptions ?? []);
    this.sendResponse(response);
  }

  /** The workflow file a breakpoint is set in, parsed (the program itself once it is loaded). */
  private sourceOf(file: string): { document: ParsedDocument; model: StateMachine } | undefined {
    const program = this.program;
    if (program !== undefined && path.resolve(file) === program.file) return program;
    let text: string;
    try {
      text = readTextFileSync(file);
    } catch {
      return undefined;
    }
    const document = parseDocument(text, formatOf(file));
    return { document, model: buildModel(document) };
  }

  // ── threads, frames, scopes, variables ───────────────────────────────────────────────────

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    response.body = {
      threads: this.controller === undefined ? [] : [{ id: THREAD_ID, name: this.threadName }],
    };
    this.sendResponse(response);
  }

  protected override stackTraceRequest(
    response: DebugProtocol.StackTraceResponse,
    args: DebugProtocol.StackTraceArguments,
  ): void {
    const controller = this.controller;
    const program = this.program;
    if (controller === undefined || program === undefined || controller.isRunning) {
      response.body = { stackFrames: [], totalFrames: 0 };
      return this.sendResponse(response);
    }
    const frames = controller.state.frames;
    const stackFrames: DebugProtocol.StackFrame[] = [];
    for (let i = frames.length - 1; i >= 0; i--) {
      const frame = frames[i];
      if (frame === undefined) continue;
      const state = stateNamed(program.model, frame.state);
      const at = state === undefined ? { line: 0, column: 0 } : nameLine(program.document, state);
      const prefix =
        frame.kind === 'branch'
          ? `Branch ${frame.index + 1} › `
          : frame.kind === 'iteration'
            ? `Map[${frame.index}] › `
            : '';
      stackFrames.push({
        id: i + 1,
        name: `${prefix}${frame.state}`,
        source: { name: path.basename(program.file), path: program.file },
        line: this.convertDebuggerLineToClient(at.line + 1),
        column: this.convertDebuggerColumnToClient(at.column + 1),
        canRestart: true,
      });
    }
    const start = args.startFrame ?? 0;
    const count = args.levels ?? stackFrames.length;
    response.body = {
      stackFrames: stackFrames.slice(start, start + (count === 0 ? stackFrames.length : count)),
      totalFrames: stackFrames.length,
    };
    this.sendResponse(response);
  }

  protected override scopesRequest(
    response: DebugProtocol.ScopesResponse,
    args: DebugProtocol.ScopesArguments,
  ): void {
    const controller = this.controller;
    const scopes =
      controller === undefined || controller.isRunning
        ? []
        : scopesOf(controller.machine, controller.state, args.frameId - 1, this.variables);
    response.body = { scopes };
    this.sendResponse(response);
  }

  protected override variablesRequest(
    response: DebugProtocol.VariablesResponse,
    args: DebugProtocol.VariablesArguments,
  ): void {
    response.body = {
      variables: this.variables.children(args.variablesReference, args.start ?? 0, args.count ?? 0),
    };
    this.sendResponse(response);
  }

  protected override setVariableRequest(
    response: DebugProtocol.SetVariableResponse,
    args: DebugProtocol.SetVariableArguments,
  ): void {
    this.setVariable(args)
      .then((value) => {
        response.body = { value: previewOf(value) };
        this.sendResponse(response);
        this.sendEvent(new InvalidatedEvent(['variables', 'stacks']));
      })
      .catch((error: unknown) => this.fail(response, error instanceof Error ? error.message : String(error)));
  }

  private async setVariable(args: DebugProtocol.SetVariableArguments): Promise<JsonValue> {
    const controller = this.requireStopped();
    const container = this.variables.get(args.variablesReference);
    const location = container?.input;
    if (container === undefined || location === undefined) {
      throw new Error(
        'Only the state input can be changed (State Input): the state then runs again with it.',
      );
    }
    let value: JsonValue;
    try {
      value = parseJson(args.value);
    } catch {
      throw new Error(`'${args.value}' is not a JSON value: strings need quotes, as in "text".`);
    }
    const frame = controller.state.frames[location.frameIndex];
    if (frame === undefined) throw new Error('That frame is no longer running.');
    const parent = this.variables.valueOf(container);
    const key = Array.isArray(parent)
      ? Number(args.name)
      : parent !== null && typeof parent === 'object'
        ? args.name
        : undefined;
    const input = replaceAt(frame.input, key === undefined ? location.path : [...location.path, key], value);
    await controller.restartFrame(location.frameIndex, input);
    return value;
  }

  // ── evaluate ─────────────────────────────────────────────────────────────────────────────

  protected override evaluateRequest(
    response: DebugProtocol.EvaluateResponse,
    args: DebugProtocol.EvaluateArguments,
  ): void {
    this.evaluate(args)
      .then((body) => {
        response.body = body;
        this.sendResponse(response);
      })
      .catch((error: unknown) => this.fail(response, error instanceof Error ? error.message : String(error)));
  }

  private async evaluate(
    args: DebugProtocol.EvaluateArguments,
  ): Promise<DebugProtocol.EvaluateResponse['body']> {
    const controller = this.requireStopped();
    const frameIndex = args.frameId === undefined ? controller.state.frames.length - 1 : args.frameId - 1;
    const frame = controller.state.frames[frameIndex];
    if (frame === undefined) throw new Error('There is no running state to evaluate against.');
    const result = await evaluateText(
      controller.machine,
      controller.state,
      frameIndex,
      args.expression,
      frame.input,
    );
    if (!result.ok) throw new Error(`${result.error}: ${result.cause}`);
    return {
      result:
        args.context === 'repl' || args.context === 'clipboard'
          ? JSON.stringify(result.value)
          : previewOf(result.value),
      variablesReference: this.variables.referenceFor(result.value, undefined, undefined),
    };
  }

  protected override exceptionInfoRequest(response: DebugProtocol.ExceptionInfoResponse): void {
    const failure = this.lastStop?.failure;
    response.body = {
      exceptionId: failure?.error ?? 'Error',
      description: failure?.cause ?? '',
      breakMode: this.lastStop?.uncaught === true ? 'unhandled' : 'always',
    };
    this.sendResponse(response);
  }

  // ── execution control ────────────────────────────────────────────────────────────────────

  protected override continueRequest(response: DebugProtocol.ContinueResponse): void {
    response.body = { allThreadsContinued: true };
    this.sendResponse(response);
    this.controller?.continue();
  }

  protected override nextRequest(response: DebugProtocol.NextResponse): void {
    this.sendResponse(response);
    this.controller?.next();
  }

  protected override stepInRequest(response: DebugProtocol.StepInResponse): void {
    this.sendResponse(response);
    this.controller?.stepIn();
  }

  protected override stepOutRequest(response: DebugProtocol.StepOutResponse): void {
    this.sendResponse(response);
    this.controller?.stepOut();
  }

  protected override pauseRequest(response: DebugProtocol.PauseResponse): void {
    this.sendResponse(response);
    this.controller?.pause();
  }

  protected override stepBackRequest(response: DebugProtocol.StepBackResponse): void {
    this.sendResponse(response);
    const controller = this.controller;
    if (controller !== undefined && !controller.isRunning && !controller.stepBack())
      this.stayStopped('There is no earlier state to go back to.');
  }

  protected override reverseContinueRequest(response: DebugProtocol.ReverseContinueResponse): void {
    this.sendResponse(response);
    const controller = this.controller;
    if (controller !== undefined && !controller.isRunning && !controller.reverseContinue())
      this.stayStopped('There is no earlier state to go back to.');
  }

  protected override restartFrameRequest(
    response: DebugProtocol.RestartFrameResponse,
    args: DebugProtocol.RestartFrameArguments,
  ): void {
    const controller = this.controller;
    if (controller === undefined || controller.isRunning)
      return this.fail(response, 'Restart a frame while the execution is stopped.');
    controller
      .restartFrame(args.frameId - 1)
      .then(() => this.sendResponse(response))
      .catch((error: unknown) => this.fail(response, error instanceof Error ? error.message : String(error)));
  }

  /** A request that could not move: the editor still expects a stop to show where things are. */
  private stayStopped(message: string): void {
    this.print(message);
    this.stopped({ reason: 'step', description: message });
  }

  protected override terminateRequest(response: DebugProtocol.TerminateResponse): void {
    this.release();
    this.sendResponse(response);
    this.sendEvent(new TerminatedEvent());
  }

  protected override disconnectRequest(response: DebugProtocol.DisconnectResponse): void {
    this.release();
    this.sendResponse(response);
  }

  private requireStopped(): RunController {
    const controller = this.controller;
    if (controller === undefined) throw new Error('No execution is running.');
    if (controller.isRunning) throw new Error('The execution is running: pause it first.');
    return controller;
  }

  private async waitForConfiguration(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, CONFIGURATION_TIMEOUT_MS);
    });
    await Promise.race([this.configured, timeout]);
    clearTimeout(timer);
  }

  private print(line: string): void {
    this.sendEvent(new OutputEvent(`${line}\n`, 'console'));
  }

  /**
   * An error response whose message is shown as is. (`sendErrorResponse` would run the text
   * through its `{placeholder}` formatter, which mangles braces from diagnostics and file names.)
   */
  private fail(response: DebugProtocol.Response, message: string): void {
    response.success = false;
    response.message = message;
    response.body = { error: { id: 1001, format: message, showUser: true } };
    this.sendResponse(response);
  }
}
