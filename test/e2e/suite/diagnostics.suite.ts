import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually } from './eventually';
import { codeOf, diagnosticsOf, EXTENSION_ID, hasCodes, showFile, workspaceFile } from './workspace';

function summary(diagnostics: readonly vscode.Diagnostic[]): unknown[] {
  return diagnostics
    .map((d) => [codeOf(d), d.source, d.severity, d.range.start.line, d.range.start.character])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

export function registerDiagnosticsSuite(): void {
  describe('activation and diagnostics from the language server process', () => {
    // The first test opens a YAML file: the extension must activate on asl-yaml by itself.
    it('activates on an .asl.yaml file and reports its duplicate key and unknown Next', async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is installed`);
      assert.equal(extension.isActive, false, 'nothing has activated the extension before a workflow opens');
      const editor = await showFile('broken.asl.yaml');
      assert.equal(editor.document.languageId, 'asl-yaml');
      const found = await diagnosticsOf(
        editor.document.uri,
        hasCodes(['ASL-DUPLICATE-KEY', 'ASL-NEXT-UNKNOWN']),
        'the YAML diagnostics',
      );
      assert.equal(extension.isActive, true);
      assert.deepEqual(summary(found), [
        ['ASL-DUPLICATE-KEY', 'stepwise', vscode.DiagnosticSeverity.Error, 5, 2],
        ['ASL-NEXT-UNKNOWN', 'stepwise', vscode.DiagnosticSeverity.Error, 4, 10],
      ]);
    });

    it('follows edits as they are typed: renaming the duplicate clears both problems', async () => {
      const editor = await showFile('broken.asl.yaml');
      const line = editor.document.lineAt(5);
      assert.equal(line.text, '  A:');
      assert.ok(await editor.edit((edit) => edit.replace(line.range, '  B:')));
      await diagnosticsOf(
        editor.document.uri,
        (d) => d.length === 0,
        'the diagnostics to clear after the fix',
      );
    });

    it('gives an .asl.json file the asl language and reports a strict-JSON syntax error', async () => {
      const editor = await showFile('broken.asl.json');
      assert.equal(editor.document.languageId, 'asl');
      const found = await diagnosticsOf(
        editor.document.uri,
        hasCodes(['ASL-SYNTAX-TRAILING-COMMA']),
        'the trailing comma',
      );
      assert.deepEqual(summary(found), [
        ['ASL-SYNTAX-TRAILING-COMMA', 'stepwise', vscode.DiagnosticSeverity.Error, 3, 40],
      ]);
    });

    it('reports a semantic problem (a Next naming no state) with a quick fix that corrects it', async () => {
      const editor = await showFile('unknown-next.asl.json');
      const found = await diagnosticsOf(
        editor.document.uri,
        (d) => d.some((x) => codeOf(x) === 'ASL-NEXT-UNKNOWN'),
        'ASL-NEXT-UNKNOWN',
      );
      const unknown = found.find((d) => codeOf(d) === 'ASL-NEXT-UNKNOWN');
      assert.ok(unknown);
      assert.equal(editor.document.getText(unknown.range).replace(/"/g, ''), 'Dnoe');
      assert.match(unknown.message, /"Dnoe"/);

      const actions = await eventually(async () => {
        const all = await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          editor.document.uri,
          unknown.range,
        );
        return all.some((a) => a.edit !== undefined) ? all : undefined;
      }, 'a quick fix for ASL-NEXT-UNKNOWN');
      const fix = actions.find((a) => a.edit !== undefined && /Done/.test(a.title));
      assert.ok(fix?.edit, `a fix naming Done; got ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(editor.document.getText(), /"Next": "Done"/);
      await diagnosticsOf(editor.document.uri, (d) => d.length === 0, 'no problems once the fix is applied');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('sees the workflow files of the workspace as ASL, JSON and YAML alike', async () => {
      const json = await vscode.workspace.openTextDocument(workspaceFile('account-processing.asl.json'));
      const yaml = await vscode.workspace.openTextDocument(workspaceFile('account-processing.asl.yaml'));
      assert.equal(json.languageId, 'asl');
      assert.equal(yaml.languageId, 'asl-yaml');
    });
  });
}
