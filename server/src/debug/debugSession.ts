import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { DebugSession, InitializedEvent, OutputEvent, TerminatedEvent } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import {
  buildModel,
  countStates,
  formatDiagnosticLine,
  formatOf,
  hasErrors,
  outlineStates,
  parseDocument,
  renderOutline,
} from '../asl';
import { toLaunchArgs } from './launchArgs';

/** How long launch waits for `configurationDone` before going on without it. */
const CONFIGURATION_TIMEOUT_MS = 1000;

export const ENGINE_MISSING_NOTICE =
  'Stepwise cannot execute workflows yet: the local engine arrives with the engine issue.';

/**
 * The DAP side of a Stepwise run. Until the engine exists it checks the workflow, lists its
 * states in the debug console and ends the session; it never pretends to execute anything.
 */
export class AslDebugSession extends DebugSession {
  private readonly configured: Promise<void>;
  private markConfigured: () => void = () => undefined;

  constructor() {
    super();
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
      supportsTerminateRequest: false,
      supportsRestartRequest: false,
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

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    response.body = { threads: [] };
    this.sendResponse(response);
  }

  private async launch(response: DebugProtocol.LaunchResponse, raw: unknown): Promise<void> {
    const checked = toLaunchArgs(raw);
    if (checked.kind === 'invalid') return this.fail(response, checked.message);
    const program = path.resolve(checked.args.program);

    let text: string;
    try {
      text = await readFile(program, 'utf8');
    } catch (error) {
      return this.fail(response, cannotRead(program, error));
    }

    const document = parseDocument(text, formatOf(program));
    if (hasErrors(document.errors)) {
      const lines = document.errors.map((d) => formatDiagnosticLine(program, document.lines, d));
      this.sendEvent(new OutputEvent(`${lines.join('\n')}\n`, 'stderr'));
      const count = document.errors.length === 1 ? 'a syntax error' : `${document.errors.length} problems`;
      return this.fail(
        response,
        `Cannot run ${path.basename(program)}: it has ${count}.\n${lines.join('\n')}`,
      );
    }
    const outline = outlineStates(buildModel(document));
    if (outline === undefined) {
      return this.fail(
        response,
        `Cannot run ${path.basename(program)}: a workflow definition is an object with "StartAt" and "States".`,
      );
    }

    await this.waitForConfiguration();
    this.sendResponse(response);
    this.print(
      `${path.basename(program)}: ${countStates(outline)} states, starting at ${outline.startAt ?? '(no StartAt)'}`,
    );
    for (const line of renderOutline(outline)) this.print(line);
    this.print(ENGINE_MISSING_NOTICE);
    this.sendEvent(new TerminatedEvent());
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

function cannotRead(program: string, error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (code === 'ENOENT') return `Cannot read the workflow ${program}: the file does not exist.`;
  if (code === 'EISDIR') return `Cannot read the workflow ${program}: it is a folder, not a file.`;
  const detail = error instanceof Error ? error.message : String(error);
  return `Cannot read the workflow ${program}: ${detail}`;
}
