import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './waitFor';
import { showFile, workspaceFile } from './workspace';

function previewTab(title: string): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .find(
      (tab) =>
        tab.input instanceof vscode.TabInputWebview &&
        tab.input.viewType.endsWith('stepwise.preview') &&
        tab.label === title,
    );
}

export function registerPreviewSuite(): void {
  describe('the graph preview', () => {
    it('opens beside the editor as a webview panel', async () => {
      const editor = await showFile('account-processing.asl.json');
      await vscode.commands.executeCommand('stepwise.preview.open');
      const tab = await waitFor(
        vscode.window.tabGroups.onDidChangeTabs,
        () => previewTab('Preview: account-processing.asl.json'),
        'the preview tab',
      );
      assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'beside the editor, not over it');
      assert.equal(
        vscode.window.activeTextEditor?.document.uri.toString(),
        editor.document.uri.toString(),
        'the editor keeps the focus',
      );
    });

    it('opens for the document a code lens names (its URI as a string)', async () => {
      const yaml = workspaceFile('account-processing.asl.yaml');
      await vscode.commands.executeCommand('stepwise.preview.open', yaml.toString());
      await waitFor(
        vscode.window.tabGroups.onDidChangeTabs,
        () => previewTab('Preview: account-processing.asl.yaml'),
        'the preview tab of the YAML definition',
      );
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
  });
}
