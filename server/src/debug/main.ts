/**
 * The Stepwise debug adapter process: DAP over stdin/stdout. Stdout carries the protocol, so
 * nothing here may print to it.
 */
import { DebugSession } from '@vscode/debugadapter';
import { AslDebugSession } from './debugSession';

DebugSession.run(AslDebugSession);
