import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { GraphRequest, type GraphResult } from '../../../server/src/protocol';

/** The graph of a document as the language server sees it (`stepwise/graph`). */
export function requestGraph(client: LanguageClient, uri: vscode.Uri): Promise<GraphResult> {
  return client.sendRequest(GraphRequest.type, { uri: uri.toString() });
}
