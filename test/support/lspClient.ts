import * as path from 'node:path';
import { FramedProcess, isRecord } from './framedProcess';

export interface LspDiagnostic {
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
  readonly severity?: number;
  readonly code?: string | number;
  readonly message: string;
}

export interface PublishDiagnostics {
  readonly uri: string;
  readonly version?: number;
  readonly diagnostics: readonly LspDiagnostic[];
}

/** The built language server (dist/server.js) over stdio, with just enough client to test it. */
export class LspClient {
  private readonly process: FramedProcess;
  private nextId = 1;

  constructor() {
    const server = path.join(__dirname, '..', '..', 'dist', 'server.js');
    this.process = new FramedProcess(server, ['--stdio']);
  }

  async request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    this.process.send({ jsonrpc: '2.0', id, method, params });
    const response = await this.process.waitFor(
      (m): m is Record<string, unknown> => isRecord(m) && m['id'] === id && !('method' in m),
      `the response to ${method}`,
    );
    if (response['error'] !== undefined)
      throw new Error(`${method} failed: ${JSON.stringify(response['error'])}`);
    return response['result'];
  }

  notify(method: string, params: unknown): void {
    this.process.send({ jsonrpc: '2.0', method, params });
  }

  async initialize(): Promise<unknown> {
    const result = await this.request('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
    });
    this.notify('initialized', {});
    return result;
  }

  open(uri: string, languageId: string, text: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, text: string, version: number): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** The next diagnostics published for `uri` (at `version` when given). */
  diagnostics(uri: string, version?: number): Promise<PublishDiagnostics> {
    return this.process
      .waitFor(
        (m): m is { params: PublishDiagnostics } =>
          isRecord(m) &&
          m['method'] === 'textDocument/publishDiagnostics' &&
          isRecord(m['params']) &&
          m['params']['uri'] === uri &&
          (version === undefined || m['params']['version'] === version),
        `diagnostics for ${uri}`,
      )
      .then((m) => m.params);
  }

  async shutdown(): Promise<number | null> {
    await this.request('shutdown', null);
    this.notify('exit', null);
    return this.process.exited;
  }

  kill(): void {
    this.process.kill();
  }

  get stderr(): string {
    return this.process.stderr;
  }
}
