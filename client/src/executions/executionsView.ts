import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HistoryEvent } from '../../../server/src/engine';
import {
  defaultStoreDirectory,
  openExecutionStore,
  type ExecutionStore,
  type ExecutionSummary,
} from '../../../server/src/store';
import { DEBUG_TYPE } from '../debug/configurationProvider';

/**
 * "Stepwise Executions": the runs stored under each workspace folder's .stepwise/executions,
 * newest first, each with its status and, expanded, its history events — as the Step Functions
 * console shows an execution. Resume and Redrive start a debug session that continues one.
 */

type Node =
  | {
      readonly kind: 'execution';
      readonly store: ExecutionStore;
      readonly folder: vscode.WorkspaceFolder;
      readonly summary: ExecutionSummary;
    }
  | { readonly kind: 'event'; readonly event: HistoryEvent }
  | { readonly kind: 'message'; readonly text: string };

const STATUS_ICONS: Record<ExecutionSummary['status'], string> = {
  RUNNING: 'debug-pause',
  SUCCEEDED: 'pass',
  FAILED: 'error',
  TIMED_OUT: 'watch',
  ABORTED: 'circle-slash',
};

export class ExecutionsTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'message':
        return new vscode.TreeItem(node.text);
      case 'event':
        return eventItem(node.event);
      case 'execution':
        return executionItem(node.summary);
    }
  }

  getChildren(node?: Node): Node[] {
    if (node === undefined) return this.executions();
    if (node.kind !== 'execution') return [];
    try {
      return node.store.load(node.summary.id).events.map((event) => ({ kind: 'event', event }));
    } catch (error) {
      return [{ kind: 'message', text: error instanceof Error ? error.message : String(error) }];
    }
  }

  private executions(): Node[] {
    const nodes: Node[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      const store = openExecutionStore(defaultStoreDirectory(folder.uri.fsPath));
      for (const summary of store.list()) nodes.push({ kind: 'execution', store, folder, summary });
    }
    return nodes;
  }
}

function executionItem(summary: ExecutionSummary): vscode.TreeItem {
  const item = new vscode.TreeItem(summary.stateMachineName, vscode.TreeItemCollapsibleState.Collapsed);
  const status = summary.status === 'RUNNING' ? 'NOT FINISHED' : summary.status;
  item.description = `${status} · ${new Date(summary.startTime).toLocaleString()}`;
  item.iconPath = new vscode.ThemeIcon(STATUS_ICONS[summary.status]);
  item.id = summary.file;
  const lines = [`Execution ${summary.id}`, summary.program, `${summary.eventCount} events, ${status}`];
  if (summary.result?.error !== undefined)
    lines.push(`${summary.result.error}: ${summary.result.cause ?? ''}`);
  item.tooltip = lines.join('\n');
  // Menus read this: "Resume" for runs that did not finish, "Redrive" for failed ones.
  item.contextValue =
    summary.status === 'RUNNING'
      ? 'stepwiseExecution.interrupted'
      : summary.status === 'SUCCEEDED'
        ? 'stepwiseExecution.succeeded'
        : 'stepwiseExecution.failed';
  return item;
}

function eventItem(event: HistoryEvent): vscode.TreeItem {
  const item = new vscode.TreeItem(`${event.id}  ${event.type}`);
  const name = event.details?.['name'];
  const error = event.details?.['error'];
  item.description = typeof error === 'string' ? error : typeof name === 'string' ? name : '';
  item.tooltip = JSON.stringify(
    { timestamp: new Date(event.timestamp).toISOString(), ...event.details },
    null,
    2,
  );
  item.iconPath = new vscode.ThemeIcon(
    event.type.endsWith('Failed') || event.type.endsWith('TimedOut') ? 'error' : 'circle-small',
  );
  return item;
}

/** Starts a debug session that resumes or redrives the execution of `node`. */
function continueExecution(node: unknown, how: 'resume' | 'redrive'): Thenable<boolean> | undefined {
  if (!isExecutionNode(node)) {
    void vscode.window.showErrorMessage('Stepwise: choose an execution in the Stepwise Executions view.');
    return undefined;
  }
  const verb = how === 'resume' ? 'Resume' : 'Redrive';
  return vscode.debug.startDebugging(node.folder, {
    type: DEBUG_TYPE,
    request: 'launch',
    name: `${verb} ${node.summary.stateMachineName} (${path.basename(node.summary.program)})`,
    [how]: node.summary.id,
    persist: node.store.directory,
  });
}

function isExecutionNode(value: unknown): value is Extract<Node, { kind: 'execution' }> {
  return (
    typeof value === 'object' &&
    value !== null &&
    'kind' in value &&
    value.kind === 'execution' &&
    'summary' in value
  );
}

/** The view, its commands, and a watcher that refreshes it when executions are written. */
export function registerExecutionsView(): vscode.Disposable {
  const provider = new ExecutionsTreeProvider();
  let pending: NodeJS.Timeout | undefined;
  const refreshSoon = (): void => {
    if (pending !== undefined) clearTimeout(pending);
    pending = setTimeout(() => provider.refresh(), 300);
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/.stepwise/executions/*.jsonl');
  return vscode.Disposable.from(
    vscode.window.registerTreeDataProvider('stepwise.executions', provider),
    watcher,
    watcher.onDidCreate(refreshSoon),
    watcher.onDidChange(refreshSoon),
    watcher.onDidDelete(refreshSoon),
    vscode.debug.onDidTerminateDebugSession(refreshSoon),
    vscode.commands.registerCommand('stepwise.executions.refresh', () => provider.refresh()),
    vscode.commands.registerCommand('stepwise.executions.resume', (node: unknown) =>
      continueExecution(node, 'resume'),
    ),
    vscode.commands.registerCommand('stepwise.executions.redrive', (node: unknown) =>
      continueExecution(node, 'redrive'),
    ),
    { dispose: () => pending !== undefined && clearTimeout(pending) },
  );
}
