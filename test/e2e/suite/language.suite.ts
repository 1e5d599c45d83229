import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually } from './eventually';
import { positionOf, showFile } from './workspace';

const BANKING = 'account-processing.asl.json';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/** Runs a provider command until it answers something: the client registers providers once its server is up. */
function execute<T>(command: string, accept: (value: T) => boolean, ...args: unknown[]): Promise<T> {
  return eventually(async () => {
    const value = await vscode.commands.executeCommand<T>(command, ...args);
    return value !== undefined && value !== null && accept(value) ? value : undefined;
  }, `an answer to ${command}`);
}

export function registerLanguageSuite(): void {
  describe('language features through the real language client', () => {
    it('completes the states a Next value may name, and only those of its scope', async () => {
      const { document } = await showFile(BANKING);
      // Inside the quotes of "Next": "OpenNewAccount" of CheckApplicant.
      const at = positionOf(document, '"Next": "OpenNewAccount"', '"Next": "'.length);
      const list = await execute<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        (l) => l.items.length > 0,
        document.uri,
        at,
      );
      const labels = list.items.map(labelOf);
      for (const state of ['OpenNewAccount', 'ApplicationRejected', 'AccountNotOpened']) {
        assert.ok(labels.includes(state), `${state} is offered; got ${labels.join(', ')}`);
      }
      // CheckName lives in a Parallel branch: a top-level Next cannot reach it.
      assert.ok(!labels.includes('CheckName'), `CheckName is not offered; got ${labels.join(', ')}`);
    });

    it('hovers a state type and an error name with their documentation', async () => {
      const { document } = await showFile(BANKING);
      const type = await execute<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        (h) => h.length > 0,
        document.uri,
        positionOf(document, '"Parallel"', 2),
      );
      assert.match(hoverText(type), /Parallel/);
      assert.match(hoverText(type), /branch/i);
      const error = await execute<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        (h) => h.length > 0,
        document.uri,
        positionOf(document, '"States.ALL"', 3),
      );
      assert.match(hoverText(error), /States\.ALL/);
    });

    it('goes from a Next value to the state it names', async () => {
      const { document } = await showFile(BANKING);
      const locations = await execute<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        (l) => l.length > 0,
        document.uri,
        positionOf(document, '"Next": "ApplicationRejected"', '"Next": "'.length + 3),
      );
      assert.equal(locations.length, 1);
      const target = locations[0];
      assert.ok(target !== undefined);
      const range =
        'targetRange' in target ? (target.targetSelectionRange ?? target.targetRange) : target.range;
      const uri = 'targetUri' in target ? target.targetUri : target.uri;
      assert.equal(uri.toString(), document.uri.toString());
      assert.equal(
        range.start.line,
        positionOf(document, '"ApplicationRejected": {').line,
        "the state's line",
      );
      assert.equal(document.getText(range).replace(/"/g, ''), 'ApplicationRejected', "the state's name");
    });

    it('renames a state at its key and at every transition to it', async () => {
      const { document } = await showFile(BANKING);
      const edit = await execute<vscode.WorkspaceEdit>(
        'vscode.executeDocumentRenameProvider',
        (e) => e.size > 0,
        document.uri,
        positionOf(document, '"OpenNewAccount": {', 3),
        'OpenAccount',
      );
      const edits = edit.get(document.uri);
      assert.equal(edits.length, 2, `the key and the Next; got ${JSON.stringify(edits)}`);
      for (const change of edits) {
        assert.equal(change.newText.replace(/"/g, ''), 'OpenAccount');
        assert.equal(document.getText(change.range).replace(/"/g, ''), 'OpenNewAccount');
      }
      const lines = edits.map((e) => e.range.start.line).sort((a, b) => a - b);
      assert.deepEqual(lines, [
        positionOf(document, '"Next": "OpenNewAccount"').line,
        positionOf(document, '"OpenNewAccount": {').line,
      ]);
    });

    it('puts Run, Debug and Show graph code lenses on the state machine', async () => {
      const { document } = await showFile(BANKING);
      const lenses = await execute<vscode.CodeLens[]>(
        'vscode.executeCodeLensProvider',
        (l) => l.length > 0,
        document.uri,
      );
      assert.deepEqual(lenses.map((lens) => lens.command?.command).sort(), [
        'stepwise.debug',
        'stepwise.preview.open',
        'stepwise.run',
      ]);
    });
  });
}
