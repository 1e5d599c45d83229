import * as vscode from 'vscode';
import { PreviewPanel, type PreviewContext } from './previewPanel';

/** The schemes a preview may follow: those the language client serves. */
const PREVIEW_SCHEMES: readonly string[] = ['file', 'untitled'];

/**
 * Brings previews back after a reload. The webview saved `{ uri }` with `setState`; that state
 * comes from the webview, so it is checked like any other message before it is used.
 */
export function registerPreviewSerializer(context: PreviewContext): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(PreviewPanel.viewType, {
    deserializeWebviewPanel: (panel: vscode.WebviewPanel, state: unknown): Promise<void> => {
      const uri = uriFromState(state);
      if (uri === undefined) panel.dispose();
      else PreviewPanel.revive(panel, context, uri);
      return Promise.resolve();
    },
  });
}

function uriFromState(state: unknown): vscode.Uri | undefined {
  if (typeof state !== 'object' || state === null || !('uri' in state) || typeof state.uri !== 'string') {
    return undefined;
  }
  try {
    const uri = vscode.Uri.parse(state.uri, true);
    return PREVIEW_SCHEMES.includes(uri.scheme) ? uri : undefined;
  } catch {
    return undefined;
  }
}
