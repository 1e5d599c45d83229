import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './waitFor';

export const EXTENSION_ID = 'stepwise.stepwise';

/** A file of the e2e workspace folder (the banking example plus test/e2e/fixtures/workspace). */
export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the e2e workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function showFile(name: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(name)));
}

/** The position of the `occurrence`-th (0-based) match of `text` in `document`, plus `shift` characters. */
export function positionOf(
  document: vscode.TextDocument,
  text: string,
  shift = 0,
  occurrence = 0,
): vscode.Position {
  const source = document.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = source.indexOf(text, at + 1);
    assert.ok(at >= 0, `"${text}" occurs ${occurrence + 1} time(s) in ${document.uri.path}`);
  }
  return document.positionAt(at + shift);
}

export function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}

/** The diagnostics of `uri` once `accept` holds for them (they arrive from the server process). */
export async function diagnosticsOf(
  uri: vscode.Uri,
  accept: (d: readonly vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<readonly vscode.Diagnostic[]> {
  try {
    return await waitFor(
      vscode.languages.onDidChangeDiagnostics,
      () => {
        const current = vscode.languages.getDiagnostics(uri);
        return accept(current) ? current : undefined;
      },
      what,
    );
  } catch (error) {
    // Say what there was instead, so that a failure explains itself.
    const all = vscode.languages
      .getDiagnostics()
      .map(([u, d]) => `${u.toString()}: ${d.map((x) => `${String(codeOf(x))} ${x.message}`).join('; ')}`);
    const open = vscode.workspace.textDocuments.map((d) => `${d.uri.toString()} (${d.languageId})`);
    throw new Error(`${String(error)}\nDiagnostics: ${all.join('\n')}\nOpen documents: ${open.join(', ')}`, {
      cause: error,
    });
  }
}

/** Whether the diagnostics carry exactly these codes (in any order). */
export function hasCodes(expected: readonly string[]): (d: readonly vscode.Diagnostic[]) => boolean {
  const want = [...expected].sort().join(',');
  return (d) =>
    d
      .map((x) => String(codeOf(x)))
      .sort()
      .join(',') === want;
}
