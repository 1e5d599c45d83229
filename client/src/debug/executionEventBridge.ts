import * as vscode from 'vscode';
import { EXECUTION_EVENT, isExecutionEvent } from '../../../server/src/executionEvents';
import { DEBUG_TYPE } from './configurationProvider';
import { publishExecutionEvent } from './executionEvents';

/**
 * Forwards the adapter's `stepwise/execution` custom events to onExecutionEvent listeners,
 * checking each one first: the adapter is another process, and its events are data to verify.
 */
export function registerExecutionEventBridge(): vscode.Disposable {
  return vscode.debug.onDidReceiveDebugSessionCustomEvent((event) => {
    if (event.session.type !== DEBUG_TYPE || event.event !== EXECUTION_EVENT) return;
    const body: unknown = event.body;
    if (isExecutionEvent(body)) publishExecutionEvent(body);
  });
}
