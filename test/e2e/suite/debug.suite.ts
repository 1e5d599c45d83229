import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { AdapterMessages, isRecord } from './adapterMessages';
import { nextEvent, waitFor } from './waitFor';
import { positionOf, workspaceFile } from './workspace';

const OUTPUT_MARKER = 'Execution SUCCEEDED. Output:\n';

interface StackFrame {
  readonly name: string;
  readonly line: number;
}

function isStackFrame(value: unknown): value is StackFrame {
  return (
    typeof value === 'object' &&
    value !== null &&
    'name' in value &&
    typeof value.name === 'string' &&
    'line' in value &&
    typeof value.line === 'number'
  );
}

async function stackOf(session: vscode.DebugSession): Promise<StackFrame[]> {
  const response: unknown = await session.customRequest('stackTrace', { threadId: 1 });
  const frames =
    typeof response === 'object' && response !== null && 'stackFrames' in response
      ? response.stackFrames
      : [];
  return Array.isArray(frames) ? frames.filter(isStackFrame) : [];
}

export function registerDebugSuite(): void {
  describe('the debugger through VS Code', () => {
    let messages: AdapterMessages;
    beforeEach(() => {
      messages = new AdapterMessages();
    });
    afterEach(() => {
      messages.dispose();
      vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
    });

    it('stops the banking example at a breakpoint on CheckAddress and continues to a successful end', async () => {
      // code-server runs with workspace trust off, which VS Code reports as trusted: handlers may run.
      assert.equal(vscode.workspace.isTrusted, true, 'local Task handlers run only in a trusted workspace');
      const program = workspaceFile('account-processing.asl.json');
      const document = await vscode.workspace.openTextDocument(program);
      const line = positionOf(document, '"CheckAddress": {').line;
      vscode.debug.addBreakpoints([
        new vscode.SourceBreakpoint(new vscode.Location(program, new vscode.Position(line, 0))),
      ]);

      const started = nextEvent(vscode.debug.onDidStartDebugSession, 'the session to start');
      const terminated = nextEvent(
        vscode.debug.onDidTerminateDebugSession,
        'the session to end',
        () => true,
        90_000,
      );
      const ok = await vscode.debug.startDebugging(vscode.workspace.workspaceFolders?.[0], {
        type: 'stepwise',
        request: 'launch',
        name: 'e2e: banking',
        program: program.fsPath,
        inputFile: workspaceFile('input.json').fsPath,
        handlers: workspaceFile('handlers.json').fsPath,
        persist: '',
      });
      assert.equal(ok, true, 'startDebugging');
      const session = await started;
      assert.equal(session.type, 'stepwise');

      const stopped = await messages.event('stopped', 'a stop at the breakpoint');
      assert.equal(stopped.body?.['reason'], 'breakpoint', JSON.stringify(stopped.body));
      const stack = await stackOf(session);
      assert.deepEqual(
        stack.map((f) => f.name),
        ['Branch 2 › CheckAddress', 'CheckApplicant'],
      );
      assert.equal(stack[0]?.line, line + 1, 'the frame is on the line of CheckAddress');
      // VS Code shows the stop in the editor: the active stack item is CheckAddress.
      await waitFor(
        vscode.debug.onDidChangeActiveStackItem,
        () => (vscode.debug.activeStackItem instanceof vscode.DebugStackFrame ? true : undefined),
        'VS Code to focus the stopped frame',
      );

      const after = messages.sent.length;
      await session.customRequest('continue', { threadId: 1 });
      const exited = await messages.event('exited', 'the run to exit', () => true, after, 60_000);
      assert.equal(exited.body?.['exitCode'], 0, messages.output());
      await messages.event('terminated', 'the adapter to say the run is over', () => true, after);
      await terminated;

      const console = messages.output();
      const at = console.indexOf(OUTPUT_MARKER);
      assert.ok(at >= 0, `the Debug Console shows a successful end:\n${console}`);
      const output: unknown = JSON.parse(console.slice(at + OUTPUT_MARKER.length));
      const input: unknown = JSON.parse(fs.readFileSync(workspaceFile('input.json').fsPath, 'utf8'));
      assert.ok(isRecord(output) && isRecord(input));
      assert.deepEqual(Object.keys(output), ['applicant', 'checks', 'account']);
      assert.deepEqual(output['applicant'], input['applicant']);
      assert.deepEqual(output['checks'], [
        { check: 'name', passed: true, name: 'Ada Lovelace' },
        { check: 'address', passed: true, country: 'GB' },
      ]);
      assert.match(JSON.stringify(output), /"accountNumber":"ACC-\d{9}","holder":"Ada Lovelace"/);
      assert.match(console, /TaskStateEntered\s+CheckAddress/);
    });
  });
}
