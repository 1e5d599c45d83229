/**
 * The Stepwise debug adapter process: DAP over stdin/stdout. Stdout carries the protocol, so
 * nothing here may print to it. Started with HANDLER_HOST_FLAG, the same bundle is instead the
 * child process that runs local Task handlers for an adapter.
 */
import { DebugSession } from '@vscode/debugadapter';
import { AslDebugSession } from './debugSession';
import { runHandlerHost } from './handlerHost';
import { HANDLER_HOST_FLAG } from './handlerMessages';

if (process.argv.includes(HANDLER_HOST_FLAG)) runHandlerHost();
else DebugSession.run(AslDebugSession);
