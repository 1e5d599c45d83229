import * as path from 'node:path';
import * as vscode from 'vscode';
import { isRecord } from '../../../server/src/guards';
import { defaultStoreDirectory } from '../../../server/src/store';
import { activeAslDocument } from '../languageClient';

/** The debugger type contributed in package.json. */
export const DEBUG_TYPE = 'stepwise';

/** A launch configuration running the workflow file at `uri`. */
export function launchConfigurationFor(uri: vscode.Uri, name: string): vscode.DebugConfiguration {
  return { type: DEBUG_TYPE, request: 'launch', name, program: uri.fsPath, input: {}, stopOnEntry: true };
}

/**
 * The launch.json configuration of `folder` that runs exactly the workflow at `uri`, if there is
 * one. The Run and Debug commands (and so the code lenses) use it, so that a workflow whose
 * Tasks need handlers, mocks or an input runs the way its launch configuration says rather
 * than with an empty input that fails at the first Task. A "program" of ${file} fits every
 * workflow and so names none of them.
 */
export function configuredLaunchFor(
  uri: vscode.Uri,
  folder: vscode.WorkspaceFolder | undefined,
): vscode.DebugConfiguration | undefined {
  if (folder === undefined || folder.uri.scheme !== 'file' || uri.scheme !== 'file') return undefined;
  const configurations: unknown = vscode.workspace
    .getConfiguration('launch', folder.uri)
    .get('configurations');
  if (!Array.isArray(configurations)) return undefined;
  for (const candidate of configurations) {
    if (!isRecord(candidate)) continue;
    const { type, request, name, program } = candidate;
    if (type !== DEBUG_TYPE || request !== 'launch' || typeof name !== 'string') continue;
    if (typeof program !== 'string') continue;
    const expanded = program.replace(/\$\{workspaceFolder\}/g, folder.uri.fsPath);
    if (expanded.includes('${')) continue;
    if (path.resolve(folder.uri.fsPath, expanded) === uri.fsPath)
      return { ...candidate, type, request, name };
  }
  return undefined;
}

/** The debugger reads workflows from disk: an unsaved one is refused with a message saying so. */
export function isSavedWorkflow(uri: vscode.Uri): boolean {
  if (uri.scheme === 'file') return true;
  void vscode.window.showErrorMessage(
    'Stepwise: save the workflow to a file first; the debugger reads it from disk.',
  );
  return false;
}

/**
 * Completes launch configurations before a session starts: F5 with no launch.json arrives here
 * as an empty configuration and becomes a run of the active workflow.
 */
export class StepwiseConfigurationProvider implements vscode.DebugConfigurationProvider {
  resolveDebugConfiguration(
    folder: vscode.WorkspaceFolder | undefined,
    config: vscode.DebugConfiguration,
  ): vscode.DebugConfiguration | undefined {
    const resolved = this.resolveProgram(config);
    return resolved === undefined ? undefined : withStore(folder, resolved);
  }

  private resolveProgram(config: vscode.DebugConfiguration): vscode.DebugConfiguration | undefined {
    const empty =
      config['type'] === undefined && config['request'] === undefined && config['name'] === undefined;
    const program: unknown = config['program'];
    if (!empty && typeof program === 'string' && program !== '') return config;
    if (typeof config['resume'] === 'string' || typeof config['redrive'] === 'string') return config;

    const document = activeAslDocument();
    if (document === undefined) {
      void vscode.window.showErrorMessage(
        'Stepwise: open a workflow (.asl.json, .asl.yaml) or set "program" in the launch configuration.',
      );
      return undefined;
    }
    if (!isSavedWorkflow(document.uri)) return undefined;
    const defaults = launchConfigurationFor(document.uri, 'Debug workflow');
    return empty ? { ...defaults, ...config } : { ...config, program: document.uri.fsPath };
  }
}

/**
 * Executions are stored (and so can be resumed) under the workspace folder unless the
 * configuration says where, or sets "persist" to "" to store nothing.
 */
function withStore(
  folder: vscode.WorkspaceFolder | undefined,
  config: vscode.DebugConfiguration,
): vscode.DebugConfiguration {
  if (config['persist'] !== undefined) return config;
  const root = folder ?? workspaceFolderOf(config['program']);
  if (root === undefined || root.uri.scheme !== 'file') return config;
  return { ...config, persist: defaultStoreDirectory(root.uri.fsPath) };
}

function workspaceFolderOf(program: unknown): vscode.WorkspaceFolder | undefined {
  return typeof program === 'string' && program !== ''
    ? vscode.workspace.getWorkspaceFolder(vscode.Uri.file(program))
    : undefined;
}

/**
 * Offers "Run and Debug" an entry for the active workflow, with no launch.json needed
 * (registered with the Dynamic trigger). It is kept apart from the provider above: an Initial
 * provider's configurations would be added to package.json's `initialConfigurations` when
 * VS Code creates a launch.json, giving two entries for one workflow.
 */
export class ActiveWorkflowConfigurationProvider implements vscode.DebugConfigurationProvider {
  provideDebugConfigurations(): vscode.DebugConfiguration[] {
    const document = activeAslDocument();
    if (document === undefined || document.uri.scheme !== 'file') return [];
    return [launchConfigurationFor(document.uri, `Debug ${path.basename(document.uri.fsPath)}`)];
  }
}
