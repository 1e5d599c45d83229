/**
 * Activation wires the extension together and does nothing else: the language client, the
 * commands, the debugger and the preview's restore after a reload.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createCommands } from './commands';
import { StepwiseAdapterFactory } from './debug/adapterFactory';
import {
  ActiveWorkflowConfigurationProvider,
  DEBUG_TYPE,
  StepwiseConfigurationProvider,
} from './debug/configurationProvider';
import { registerExecutionEventBridge } from './debug/executionEventBridge';
import { registerExecutionsView } from './executions/executionsView';
import { onExecutionEvent } from './debug/executionEvents';
import { createLanguageClient } from './languageClient';
import { requestGraph } from './preview/graphRequest';
import { registerExportCommands } from './preview/previewCommands';
import type { PreviewContext } from './preview/previewPanel';
import { registerPreviewSerializer } from './preview/serializer';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const languageClient = createLanguageClient(context);
  client = languageClient;
  const preview: PreviewContext = {
    extensionUri: context.extensionUri,
    graph: (uri) => requestGraph(languageClient, uri),
    onExecutionEvent,
  };

  for (const [id, command] of Object.entries(createCommands({ client: languageClient, preview }))) {
    context.subscriptions.push(vscode.commands.registerCommand(id, command));
  }
  context.subscriptions.push(
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, new StepwiseConfigurationProvider()),
    vscode.debug.registerDebugConfigurationProvider(
      DEBUG_TYPE,
      new ActiveWorkflowConfigurationProvider(),
      vscode.DebugConfigurationProviderTriggerKind.Dynamic,
    ),
    vscode.debug.registerDebugAdapterDescriptorFactory(
      DEBUG_TYPE,
      new StepwiseAdapterFactory(context.asAbsolutePath('dist/debugAdapter.js')),
    ),
    registerPreviewSerializer(preview),
    ...registerExportCommands(),
    registerExecutionEventBridge(),
    registerExecutionsView(),
  );

  // A server that fails to start is reported by the client itself (notification + output channel).
  languageClient.start().catch(() => undefined);
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running?.needsStop() === true) await running.stop();
}
