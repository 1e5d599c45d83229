/**
 * The Stepwise language server: LSP glue only. It owns the connection and the open documents
 * and turns requests into calls of the pure core (server/src/asl). Run as
 * `stepwise-language-server --stdio` (or `--node-ipc` from the VS Code client).
 */
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { outlineStates, type AslDiagnostic } from './asl';
import { toLspDiagnostic, toStateTreeNode } from './lsp/convert';
import { DiagnosticsScheduler } from './lsp/diagnosticsScheduler';
import { DocumentCache } from './lsp/documentCache';
import { FEATURE_CAPABILITIES, registerFeatures } from './lsp/features';
import { GraphRequest, StateTreeRequest, type GraphResult, type StateTreeResult } from './protocol';
import { buildGraph } from './asl/graph';
import { readSettings, type Settings } from './lsp/settings';
import { isRecord } from './guards';

/** Validation waits this long after the last change, so typing is not slowed by it. */
const DIAGNOSTICS_DELAY_MS = 200;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const cache = new DocumentCache();
let settings: Settings = readSettings(undefined);
let canPullConfiguration = false;
/** Documents opened but not yet validated: their first diagnostics are not delayed. */
const justOpened = new Set<string>();

function analyze(document: TextDocument) {
  return cache.get(document.uri, document.languageId, document.version, () => document.getText());
}

const scheduler = new DiagnosticsScheduler(
  DIAGNOSTICS_DELAY_MS,
  (uri) => documents.get(uri)?.version,
  (uri) => {
    const document = documents.get(uri);
    if (document !== undefined) publishDiagnostics(document);
  },
);

function publishDiagnostics(document: TextDocument): void {
  const analyzed = analyze(document);
  const parsed = analyzed.parsed;
  const diagnostics = settings.validationEnabled
    ? analyzed.diagnostics(settings.disabledRules).map((d) => toLspDiagnostic(parsed.lines, document.uri, d))
    : [];
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
}

connection.onInitialize((params) => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  return {
    capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, ...FEATURE_CAPABILITIES },
    serverInfo: { name: 'stepwise-language-server' },
  };
});

connection.onInitialized(() => {
  if (canPullConfiguration) void refreshSettings();
});

async function refreshSettings(): Promise<void> {
  const section: unknown = await connection.workspace.getConfiguration('stepwise');
  settings = readSettings(section);
  documents.all().forEach(publishDiagnostics);
}

connection.onDidChangeConfiguration((change) => {
  if (canPullConfiguration) {
    void refreshSettings();
    return;
  }
  const all: unknown = change.settings;
  settings = readSettings(isRecord(all) ? all['stepwise'] : undefined);
  documents.all().forEach(publishDiagnostics);
});

documents.onDidOpen((event) => justOpened.add(event.document.uri));
// onDidChangeContent also fires when a document opens, right after onDidOpen.
documents.onDidChangeContent((event) => {
  const uri = event.document.uri;
  scheduler.schedule({ uri, version: event.document.version }, justOpened.delete(uri));
});
documents.onDidClose((event) => {
  scheduler.cancel(event.document.uri);
  justOpened.delete(event.document.uri);
  cache.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

/** The counts the state tree and the graph show in their headers. */
function problemCounts(diagnostics: readonly AslDiagnostic[]): { errorCount: number; warningCount: number } {
  return {
    errorCount: diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}

connection.onRequest(StateTreeRequest.type, (params): StateTreeResult => {
  const document = documents.get(params.uri);
  if (document === undefined) {
    return { version: null, startAt: null, states: [], errorCount: 0, warningCount: 0 };
  }
  const analyzed = analyze(document);
  const { parsed, model } = analyzed;
  const outline = outlineStates(model);
  const diagnostics = analyzed.diagnostics(settings.disabledRules);
  return {
    version: document.version,
    startAt: outline?.startAt ?? null,
    states: (outline?.states ?? []).map((state) => toStateTreeNode(parsed.lines, state)),
    ...problemCounts(diagnostics),
  };
});

connection.onRequest(GraphRequest.type, (params): GraphResult => {
  const document = documents.get(params.uri);
  if (document === undefined) {
    return { version: null, graph: null, errorCount: 0, warningCount: 0, syntaxErrorCount: 0 };
  }
  const analyzed = analyze(document);
  const { parsed, model } = analyzed;
  const diagnostics = analyzed.diagnostics(settings.disabledRules);
  return {
    version: document.version,
    graph: model.machine === undefined ? null : buildGraph(model, parsed.lines, diagnostics),
    ...problemCounts(diagnostics),
    syntaxErrorCount: parsed.errors.filter((d) => d.severity === 'error').length,
  };
});

registerFeatures({ connection, documents, analyze });

connection.onShutdown(() => scheduler.dispose());
documents.listen(connection);
connection.listen();
