import * as vscode from 'vscode';

/**
 * Runs the debug adapter (dist/debugAdapter.js) as its own Node process, so that workflow code
 * (local Task handlers) never runs in the extension host. The extension host's executable may be
 * Electron; ELECTRON_RUN_AS_NODE makes it behave as plain Node.
 */
export class StepwiseAdapterFactory implements vscode.DebugAdapterDescriptorFactory {
  constructor(private readonly adapterPath: string) {}

  createDebugAdapterDescriptor(session: vscode.DebugSession): vscode.DebugAdapterDescriptor | undefined {
    const handlers: unknown = session.configuration['handlers'];
    if (handlers !== undefined && handlers !== null && handlers !== '' && !vscode.workspace.isTrusted) {
      void vscode.window.showErrorMessage(
        'Stepwise runs local Task handlers only in a trusted workspace. Trust this workspace, or remove "handlers" from the launch configuration (mocks work everywhere).',
      );
      return undefined;
    }
    const cwd =
      session.workspaceFolder?.uri.scheme === 'file' ? session.workspaceFolder.uri.fsPath : undefined;
    // The adapter also refuses handlers on its own when told the workspace is not trusted:
    // a resumed or redriven execution takes its handlers from the store, not from this config.
    const trust = vscode.workspace.isTrusted ? {} : { STEPWISE_UNTRUSTED: '1' };
    // VS Code merges `env` into the extension host's environment: only the additions go here.
    const options: vscode.DebugAdapterExecutableOptions = {
      env: { ELECTRON_RUN_AS_NODE: '1', ...trust },
      ...(cwd === undefined ? {} : { cwd }),
    };
    return new vscode.DebugAdapterExecutable(process.execPath, [this.adapterPath], options);
  }
}
