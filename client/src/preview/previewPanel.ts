import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GraphModel } from '../../../server/src/asl/graph/types';
import type { ExecutionEvent } from '../../../server/src/executionEvents';
import type { GraphResult } from '../../../server/src/protocol';
import { stateNodeAt } from './cursorNode';
import {
  isFromWebviewMessage,
  isGraphDirection,
  type ExportFormat,
  type FromWebviewMessage,
  type GraphDirection,
  type TextRange,
  type ToWebviewMessage,
} from './messages';
import { previewHtml } from './previewHtml';

/** What a preview needs from the extension: where the bundle is, the server's graph, the debugger's events. */
export interface PreviewContext {
  readonly extensionUri: vscode.Uri;
  readonly graph: (uri: vscode.Uri) => Promise<GraphResult>;
  /** Subscribes to the debugger's `stepwise/execution` events (every session, every file). */
  readonly onExecutionEvent: (listener: (event: ExecutionEvent) => void) => { dispose(): void };
}

/** Typing pauses this long before the preview asks the server again. */
const REFRESH_DELAY_MS = 150;
/** A reloaded webview gets the current run replayed; a run longer than this keeps its latest events. */
const MAX_REPLAYED_EVENTS = 20_000;
/** How long an export waits for the webview to draw the picture. */
const EXPORT_TIMEOUT_MS = 30_000;

/**
 * The graph preview of one workflow document: a webview panel that follows the document's
 * edits, its editor's cursor and the debugger's runs of it, and reveals in the editor the state
 * picked in the graph. One panel per document; opening it again reveals the existing one.
 */
export class PreviewPanel {
  static readonly viewType = 'stepwise.preview';
  private static readonly open = new Map<string, PreviewPanel>();
  /** The panel focused last, which the export commands act on. */
  private static lastActive: PreviewPanel | undefined;

  private readonly key: string;
  private readonly disposables: vscode.Disposable[] = [];
  private graph: GraphModel | null = null;
  /** The server's last answer, re-sent with the new direction when only the settings change. */
  private lastResult: GraphResult | undefined;
  private highlighted: string | null | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  /** Counts refreshes, so that a slow answer never overwrites a newer one. */
  private generation = 0;
  private failureShown = false;
  private disposed = false;
  private execution: ExecutionEvent[] = [];
  private pendingExport: ((message: { format: ExportFormat; data: string } | undefined) => void) | undefined;

  /** Opens the preview of `uri` beside the editor, or reveals the one already open. */
  static show(context: PreviewContext, uri: vscode.Uri): void {
    const existing = PreviewPanel.open.get(uri.toString());
    if (existing !== undefined) {
      existing.panel.reveal(undefined, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      PreviewPanel.viewType,
      titleOf(uri),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(context.extensionUri),
    );
    new PreviewPanel(panel, context, uri);
  }

  /** Takes over a panel VS Code restored after a reload. */
  static revive(panel: vscode.WebviewPanel, context: PreviewContext, uri: vscode.Uri): void {
    panel.webview.options = webviewOptions(context.extensionUri);
    panel.title = titleOf(uri);
    new PreviewPanel(panel, context, uri);
  }

  /** The preview to export: the one focused last, else the one of the active editor. */
  static current(): PreviewPanel | undefined {
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    return PreviewPanel.lastActive ?? (active === undefined ? undefined : PreviewPanel.open.get(active));
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly context: PreviewContext,
    private readonly uri: vscode.Uri,
  ) {
    this.key = uri.toString();
    PreviewPanel.open.get(this.key)?.dispose();
    PreviewPanel.open.set(this.key, this);
    PreviewPanel.lastActive = this;
    panel.webview.html = panelHtml(panel.webview, context.extensionUri);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState((event) => {
        if (event.webviewPanel.active) PreviewPanel.lastActive = this;
      }),
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() === this.key) this.scheduleRefresh();
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        const selection = event.selections[0];
        if (event.textEditor.document.uri.toString() === this.key && selection !== undefined) {
          this.followCursor(selection.active);
        }
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('stepwise.graph', this.uri)) this.settingsChanged();
      }),
      context.onExecutionEvent((event) => this.onExecution(event)),
    );
    // The first graph goes out when the webview reports it is ready to listen.
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.refreshTimer);
    this.pendingExport?.(undefined);
    if (PreviewPanel.open.get(this.key) === this) PreviewPanel.open.delete(this.key);
    if (PreviewPanel.lastActive === this) PreviewPanel.lastActive = undefined;
    this.panel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  /** Asks the webview for the picture and saves it where the user says. */
  async exportAs(format: ExportFormat): Promise<void> {
    this.pendingExport?.(undefined);
    const reply = new Promise<{ format: ExportFormat; data: string } | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), EXPORT_TIMEOUT_MS);
      this.pendingExport = (message) => {
        clearTimeout(timer);
        this.pendingExport = undefined;
        resolve(message);
      };
    });
    this.post({ kind: 'export', format });
    const exported = await reply;
    if (exported === undefined || exported.format !== format || exported.data === '') {
      void vscode.window.showWarningMessage(
        'Stepwise: the graph preview did not produce a picture to export.',
      );
      return;
    }
    const base = path.posix.basename(this.uri.path).replace(/\.asl\.(json|ya?ml)$|\.[^.]+$/i, '');
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(this.uri, '..', `${base}.${format}`),
      filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
    });
    if (target === undefined) return;
    const bytes =
      format === 'svg'
        ? Buffer.from(exported.data, 'utf8')
        : Buffer.from(exported.data.replace(/^data:image\/png;base64,/, ''), 'base64');
    await vscode.workspace.fs.writeFile(target, bytes);
  }

  private receive(message: unknown): void {
    if (!isFromWebviewMessage(message)) return;
    this.handle(message);
  }

  private handle(message: FromWebviewMessage): void {
    switch (message.kind) {
      case 'ready':
        // A (re)loaded webview has nothing: send it everything again.
        this.highlighted = undefined;
        void this.refresh().then(() => {
          for (const event of this.execution) this.post({ kind: 'execution', event });
        });
        return;
      case 'reveal':
        void this.reveal(message.range);
        return;
      case 'exported':
        this.pendingExport?.({ format: message.format, data: message.data });
        return;
    }
  }

  private onExecution(event: ExecutionEvent): void {
    if (event.uri !== this.key && !sameFile(event.uri, this.uri)) return;
    if (event.kind === 'started') this.execution = [];
    this.execution.push(event);
    if (this.execution.length > MAX_REPLAYED_EVENTS)
      this.execution.splice(1, this.execution.length - MAX_REPLAYED_EVENTS);
    this.post({ kind: 'execution', event });
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  private async refresh(): Promise<void> {
    const generation = ++this.generation;
    let result: GraphResult;
    try {
      // Opening is a no-op for an open document; after a reload it makes sure the server has it.
      await vscode.workspace.openTextDocument(this.uri);
      result = await this.context.graph(this.uri);
    } catch (error) {
      this.showFailure(error);
      return;
    }
    if (this.disposed || generation !== this.generation) return;
    if (result.graph !== null) this.graph = result.graph;
    this.lastResult = result;
    this.post({ kind: 'graph', uri: this.key, result, direction: this.direction() });
    const editor = this.editor();
    if (editor !== undefined) this.followCursor(editor.selection.active);
  }

  /**
   * The graph settings (direction, follow cursor) are the preview's own: the server's graph
   * does not depend on them, so the last one is laid out again instead of asked for again.
   */
  private settingsChanged(): void {
    if (this.lastResult === undefined) return;
    this.post({ kind: 'graph', uri: this.key, result: this.lastResult, direction: this.direction() });
    if (!this.followsCursor()) {
      this.highlighted = null;
      this.post({ kind: 'highlight', nodeId: null });
      return;
    }
    const editor = this.editor();
    if (editor !== undefined) this.followCursor(editor.selection.active);
  }

  private followCursor(position: vscode.Position): void {
    if (this.graph === null || !this.followsCursor()) return;
    const nodeId = stateNodeAt(this.graph, position)?.id ?? null;
    if (nodeId === this.highlighted) return;
    this.highlighted = nodeId;
    this.post({ kind: 'highlight', nodeId });
  }

  private async reveal(range: TextRange): Promise<void> {
    const document = await vscode.workspace.openTextDocument(this.uri);
    const selection = document.validateRange(
      new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character),
    );
    const visible = this.editor();
    const viewColumn =
      visible?.viewColumn ??
      (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn,
      selection,
      preserveFocus: false,
    });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** The editor showing the document: the active one first, else any visible one. */
  private editor(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active?.document.uri.toString() === this.key) return active;
    return vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === this.key);
  }

  private post(message: ToWebviewMessage): void {
    if (this.disposed) return;
    void this.panel.webview.postMessage(message);
  }

  private direction(): GraphDirection {
    const value: unknown = vscode.workspace.getConfiguration('stepwise.graph', this.uri).get('direction');
    return isGraphDirection(value) ? value : 'TB';
  }

  private followsCursor(): boolean {
    const value: unknown = vscode.workspace.getConfiguration('stepwise.graph', this.uri).get('followCursor');
    return value !== false;
  }

  /** Once per panel: a preview that keeps failing should not raise a notification per keystroke. */
  private showFailure(error: unknown): void {
    if (this.disposed || this.failureShown) return;
    this.failureShown = true;
    const detail = error instanceof Error ? error.message : String(error);
    void vscode.window.showWarningMessage(`Stepwise preview of ${titleOf(this.uri)}: ${detail}`);
  }
}

/** The debugger may name the file by path where the editor has a URI. */
function sameFile(eventUri: string, uri: vscode.Uri): boolean {
  try {
    const parsed = eventUri.includes('://') ? vscode.Uri.parse(eventUri, true) : vscode.Uri.file(eventUri);
    return parsed.toString() === uri.toString();
  } catch {
    return false;
  }
}

function titleOf(uri: vscode.Uri): string {
  return `Preview: ${path.posix.basename(uri.path)}`;
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')],
  };
}

function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const asset = (name: string) =>
    webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', name)).toString();
  return previewHtml({
    cspSource: webview.cspSource,
    scriptUri: asset('webview.js'),
    styleUri: asset('webview.css'),
    workerUri: asset('layoutWorker.js'),
    nonce: randomBytes(16).toString('base64'),
  });
}
