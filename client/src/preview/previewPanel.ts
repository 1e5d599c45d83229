import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { StateTreeNode, StateTreeResult } from '../../../server/src/protocol';
import {
  isFromWebviewMessage,
  isGraphDirection,
  type FromWebviewMessage,
  type GraphDirection,
  type TextRange,
  type ToWebviewMessage,
} from './messages';
import { previewHtml } from './previewHtml';

/** What a preview needs from the extension: where the bundle is, and the server's state tree. */
export interface PreviewContext {
  readonly extensionUri: vscode.Uri;
  readonly stateTree: (uri: vscode.Uri) => Promise<StateTreeResult>;
}

/** Typing pauses this long before the preview asks the server again. */
const REFRESH_DELAY_MS = 150;

/**
 * The preview of one workflow document: a webview panel that follows the document's edits and
 * its editor's cursor, and reveals in the editor the state picked in the webview. One panel per
 * document; opening it again reveals the existing one.
 */
export class PreviewPanel {
  static readonly viewType = 'stepwise.preview';
  private static readonly open = new Map<string, PreviewPanel>();

  private readonly key: string;
  private readonly disposables: vscode.Disposable[] = [];
  private tree: StateTreeResult | undefined;
  private highlighted: string | null | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  /** Counts refreshes, so that a slow answer never overwrites a newer one. */
  private generation = 0;
  private failureShown = false;
  private disposed = false;

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

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly context: PreviewContext,
    private readonly uri: vscode.Uri,
  ) {
    this.key = uri.toString();
    PreviewPanel.open.get(this.key)?.dispose();
    PreviewPanel.open.set(this.key, this);
    panel.webview.html = panelHtml(panel.webview, context.extensionUri);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
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
        if (event.affectsConfiguration('stepwise.graph', this.uri)) this.scheduleRefresh();
      }),
    );
    // The first tree goes out when the webview reports it is ready to listen.
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.refreshTimer);
    if (PreviewPanel.open.get(this.key) === this) PreviewPanel.open.delete(this.key);
    this.panel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
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
        void this.refresh();
        return;
      case 'reveal':
        void this.reveal(message.range);
        return;
    }
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  private async refresh(): Promise<void> {
    const generation = ++this.generation;
    let result: StateTreeResult;
    try {
      // Opening is a no-op for an open document; after a reload it makes sure the server has it.
      await vscode.workspace.openTextDocument(this.uri);
      result = await this.context.stateTree(this.uri);
    } catch (error) {
      this.showFailure(error);
      return;
    }
    if (this.disposed || generation !== this.generation) return;
    this.tree = result;
    this.post({ kind: 'tree', uri: this.key, result, direction: this.direction() });
    const editor = this.editor();
    if (editor !== undefined) this.followCursor(editor.selection.active);
  }

  private followCursor(position: vscode.Position): void {
    if (this.tree === undefined || !this.followsCursor()) return;
    const stateName = innermostStateAt(this.tree.states, position)?.name ?? null;
    if (stateName === this.highlighted) return;
    this.highlighted = stateName;
    this.post({ kind: 'highlight', stateName });
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

/** The innermost state whose definition contains the position. */
export function innermostStateAt(
  states: readonly StateTreeNode[],
  position: vscode.Position,
): StateTreeNode | undefined {
  for (const state of states) {
    if (!contains(state.range, position)) continue;
    for (const scope of state.scopes) {
      const inner = innermostStateAt(scope.states, position);
      if (inner !== undefined) return inner;
    }
    return state;
  }
  return undefined;
}

function contains(range: TextRange, position: vscode.Position): boolean {
  const { start, end } = range;
  if (position.line < start.line || position.line > end.line) return false;
  if (position.line === start.line && position.character < start.character) return false;
  if (position.line === end.line && position.character > end.character) return false;
  return true;
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
  return previewHtml({
    cspSource: webview.cspSource,
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js')).toString(),
    nonce: randomBytes(16).toString('base64'),
  });
}
