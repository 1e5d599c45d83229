import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { configuredLaunchFor, isSavedWorkflow, launchConfigurationFor } from './debug/configurationProvider';
import { activeAslDocument, requestStateTree } from './languageClient';
import { PreviewPanel, type PreviewContext } from './preview/previewPanel';

export interface CommandContext {
  readonly client: LanguageClient;
  readonly preview: PreviewContext;
}

/** A command's handler. Menus pass the resource they were invoked on as the first argument. */
export type Command = (...args: unknown[]) => unknown;

/** Every command of package.json, by id. activate() registers them as they are. */
export function createCommands(context: CommandContext): Record<string, Command> {
  return {
    'stepwise.preview.open': (resource) => openPreview(context.preview, resource),
    'stepwise.validate': (resource) => validate(context.client, resource),
    'stepwise.run': (resource) => runWorkflow(resource),
    'stepwise.debug': (resource) => debugWorkflow(resource),
  };
}

function openPreview(preview: PreviewContext, resource: unknown): void {
  const uri = targetOf(resource);
  if (uri !== undefined) PreviewPanel.show(preview, uri);
}

async function validate(client: LanguageClient, resource: unknown): Promise<void> {
  const uri = targetOf(resource);
  if (uri === undefined) return;
  const { errorCount, warningCount } = await requestStateTree(client, uri);
  const summary = `${plural(errorCount, 'error')}, ${plural(warningCount, 'warning')}`;
  void vscode.window.showInformationMessage(`${path.posix.basename(uri.path)}: ${summary}`);
  if (errorCount + warningCount > 0) await vscode.commands.executeCommand('workbench.actions.view.problems');
}

function runWorkflow(resource: unknown): Thenable<boolean> | undefined {
  return startSession(resource, 'Run', { noDebug: true });
}

function debugWorkflow(resource: unknown): Thenable<boolean> | undefined {
  return startSession(resource, 'Debug', { noDebug: false });
}

function startSession(
  resource: unknown,
  verb: string,
  options: vscode.DebugSessionOptions,
): Thenable<boolean> | undefined {
  const uri = targetOf(resource);
  if (uri === undefined) return undefined;
  if (!isSavedWorkflow(uri)) return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const config =
    configuredLaunchFor(uri, folder) ?? launchConfigurationFor(uri, `${verb} ${path.basename(uri.fsPath)}`);
  return vscode.debug.startDebugging(folder, config, options);
}

/** The workflow a command acts on: the resource a menu passed, else the active ASL editor's document. */
function targetOf(resource: unknown): vscode.Uri | undefined {
  if (resource instanceof vscode.Uri) return resource;
  // Code lenses of the language server pass the document's URI as a string.
  if (typeof resource === 'string') return vscode.Uri.parse(resource);
  const document = activeAslDocument();
  if (document !== undefined) return document.uri;
  void vscode.window.showErrorMessage(
    'Stepwise: open a Step Functions workflow (.asl.json, .asl.yaml) first.',
  );
  return undefined;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
