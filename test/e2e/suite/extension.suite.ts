import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './waitFor';

const EXTENSION_ID = 'stepwise.stepwise';

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the e2e workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** The diagnostics of `uri` once `accept` holds for them (they arrive from the server process). */
async function diagnosticsOf(
  uri: vscode.Uri,
  accept: (d: readonly vscode.Diagnostic[]) => boolean,
  what: string,
) {
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
      .map(([u, d]) => `${u.toString()}: ${d.map((x) => x.message).join('; ')}`);
    const open = vscode.workspace.textDocuments.map((d) => `${d.uri.toString()} (${d.languageId})`);
    throw new Error(`${String(error)}\nDiagnostics: ${all.join('\n')}\nOpen documents: ${open.join(', ')}`, {
      cause: error,
    });
  }
}

function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}

export function registerExtensionSuites(): void {
  describe('Stepwise in VS Code', () => {
    it('gives .asl.json and .asl.yaml files the ASL languages', async () => {
      const json = await vscode.workspace.openTextDocument(workspaceFile('account-processing.asl.json'));
      const yaml = await vscode.workspace.openTextDocument(workspaceFile('account-processing.asl.yaml'));
      assert.equal(json.languageId, 'asl');
      assert.equal(yaml.languageId, 'asl-yaml');
    });

    it('activates and reports syntax errors of a JSON definition from the language server', async () => {
      const uri = workspaceFile('broken.asl.json');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const diagnostics = await diagnosticsOf(uri, (d) => d.length > 0, 'diagnostics of broken.asl.json');
      assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
      assert.deepEqual(
        diagnostics.map((d) => [codeOf(d), d.source, d.range.start.line, d.range.start.character]),
        [['ASL-SYNTAX-TRAILING-COMMA', 'stepwise', 3, 40]],
      );
    });

    it('reports YAML problems, and follows edits as they are typed', async () => {
      const uri = workspaceFile('broken.asl.yaml');
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const before = await diagnosticsOf(uri, (d) => d.length > 0, 'diagnostics of broken.asl.yaml');
      assert.deepEqual(before.map(codeOf), ['ASL-DUPLICATE-KEY']);
      // Rename the second "A" to "B": the duplicate goes away.
      const line = editor.document.lineAt(before[0]?.range.start.line ?? 0);
      await editor.edit((edit) => edit.replace(line.range, '  B:'));
      await diagnosticsOf(uri, (d) => d.length === 0, 'the diagnostics to clear after the fix');
    });

    it('opens the preview beside the editor as a webview', async () => {
      await vscode.window.showTextDocument(
        await vscode.workspace.openTextDocument(workspaceFile('account-processing.asl.json')),
      );
      await vscode.commands.executeCommand('stepwise.preview.open');
      const tab = await waitFor(
        vscode.window.tabGroups.onDidChangeTabs,
        () =>
          vscode.window.tabGroups.all
            .flatMap((group) => group.tabs)
            .find(
              (t) =>
                t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('stepwise.preview'),
            ),
        'the preview tab',
      );
      assert.equal(tab.label, 'Preview: account-processing.asl.json');
    });

    it('starts a debug session through the adapter process, which lists the states and ends', async () => {
      const output: string[] = [];
      const tracker = vscode.debug.registerDebugAdapterTrackerFactory('stepwise', {
        createDebugAdapterTracker: () => ({
          onDidSendMessage: (message: { type?: string; event?: string; body?: { output?: string } }) => {
            if (message.type === 'event' && message.event === 'output' && message.body?.output)
              output.push(message.body.output);
          },
        }),
      });
      try {
        const program = workspaceFile('account-processing.asl.json').fsPath;
        const ended = waitFor(
          vscode.debug.onDidTerminateDebugSession,
          () => (output.length > 0 ? true : undefined),
          'the session to end',
        );
        const started = await vscode.debug.startDebugging(vscode.workspace.workspaceFolders?.[0], {
          type: 'stepwise',
          request: 'launch',
          name: 'e2e',
          program,
        });
        assert.equal(started, true);
        await ended;
        const text = output.join('');
        assert.match(text, new RegExp(`${path.basename(program)}: 6 states, starting at CheckApplicant`));
        assert.match(text, /▶ CheckApplicant \(Parallel\)/);
      } finally {
        tracker.dispose();
      }
    });
  });
}
