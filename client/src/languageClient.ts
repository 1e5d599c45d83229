import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { StateTreeRequest, type StateTreeResult } from '../../server/src/protocol';

/** The language ids the extension serves (package.json `contributes.languages`). */
export const ASL_LANGUAGE_IDS: readonly string[] = ['asl', 'asl-yaml'];

export function isAslDocument(document: vscode.TextDocument): boolean {
  return ASL_LANGUAGE_IDS.includes(document.languageId);
}

/** The document of the active editor when it is an ASL workflow. */
export function activeAslDocument(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document !== undefined && isAslDocument(document) ? document : undefined;
}

/**
 * The client of the Stepwise language server (dist/server.js, over Node IPC). Its id is
 * 'stepwise', so vscode-languageclient reads the trace level from `stepwise.trace.server`.
 */
export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: ASL_LANGUAGE_IDS.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    synchronize: { configurationSection: 'stepwise' },
  };
  return new LanguageClient('stepwise', 'Stepwise Language Server', serverOptions, clientOptions);
}

/** The states of a document, with its error and warning counts, as the server sees them. */
export function requestStateTree(client: LanguageClient, uri: vscode.Uri): Promise<StateTreeResult> {
  return client.sendRequest(StateTreeRequest.type, { uri: uri.toString() });
}
