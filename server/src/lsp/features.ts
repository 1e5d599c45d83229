/** The language features' LSP handlers: each turns a request into one call of the service and converts the answer. */
import {
  ErrorCodes,
  ResponseError,
  type Connection,
  type Range,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver';
import type { LineIndex, Span } from '../asl';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  codeLenses,
  completeAt,
  definitionAt,
  documentSymbols,
  foldingRanges,
  formatDocument,
  hoverAt,
  prepareRename,
  referencesAt,
  renameAt,
  selectionRanges,
} from '../asl/service';
import { codeActionsFor } from '../asl/service/codeActions';
import { toRange } from './convert';
import { toCodeAction } from './convertActions';
import {
  toCodeLens,
  toCompletionItem,
  toDocumentSymbol,
  toSelectionRange,
  toTextEdit,
} from './convertService';
import type { AnalyzedDocument } from './documentCache';

function toSpan(lines: LineIndex, range: Range): Span {
  const start = lines.offsetAt(range.start);
  return { offset: start, length: lines.offsetAt(range.end) - start };
}

export const FEATURE_CAPABILITIES: ServerCapabilities = {
  completionProvider: { triggerCharacters: ['"', ':', '.', '$', '{', '-'] },
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: true,
  codeActionProvider: { codeActionKinds: ['quickfix'] },
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
  foldingRangeProvider: true,
  selectionRangeProvider: true,
  codeLensProvider: { resolveProvider: false },
};

export interface FeatureHost {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  analyze(document: TextDocument): AnalyzedDocument;
}

export function registerFeatures(host: FeatureHost): void {
  const { connection } = host;
  const withDocument = <T>(
    uri: string,
    empty: T,
    use: (analyzed: AnalyzedDocument, document: TextDocument) => T,
  ): T => {
    const document = host.documents.get(uri);
    return document === undefined ? empty : use(host.analyze(document), document);
  };

  connection.onCompletion((params) =>
    withDocument(params.textDocument.uri, null, ({ parsed, model }) => {
      const offset = parsed.lines.offsetAt(params.position);
      const items = completeAt(parsed, model, offset).map((entry) => toCompletionItem(parsed.lines, entry));
      return { isIncomplete: false, items };
    }),
  );

  connection.onHover((params) =>
    withDocument(params.textDocument.uri, null, ({ parsed, model }) => {
      const hover = hoverAt(parsed, model, parsed.lines.offsetAt(params.position));
      return hover === undefined
        ? null
        : { contents: { kind: 'markdown', value: hover.markdown }, range: toRange(parsed.lines, hover.span) };
    }),
  );

  connection.onDefinition((params) =>
    withDocument(params.textDocument.uri, [], ({ parsed, model }) =>
      definitionAt(parsed, model, parsed.lines.offsetAt(params.position)).map((span) => ({
        uri: params.textDocument.uri,
        range: toRange(parsed.lines, span),
      })),
    ),
  );

  connection.onReferences((params) =>
    withDocument(params.textDocument.uri, [], ({ parsed, model }) =>
      referencesAt(
        parsed,
        model,
        parsed.lines.offsetAt(params.position),
        params.context.includeDeclaration,
      ).map((span) => ({
        uri: params.textDocument.uri,
        range: toRange(parsed.lines, span),
      })),
    ),
  );

  connection.onPrepareRename((params) =>
    withDocument(params.textDocument.uri, null, ({ parsed, model }) => {
      const result = prepareRename(parsed, model, parsed.lines.offsetAt(params.position));
      if (result.kind === 'error') throw new ResponseError(ErrorCodes.InvalidRequest, result.message);
      return { range: toRange(parsed.lines, result.span), placeholder: result.placeholder };
    }),
  );

  connection.onRenameRequest((params) =>
    withDocument(params.textDocument.uri, null, ({ parsed, model }) => {
      const result = renameAt(parsed, model, parsed.lines.offsetAt(params.position), params.newName);
      if (result.kind === 'error') throw new ResponseError(ErrorCodes.InvalidRequest, result.message);
      return {
        changes: { [params.textDocument.uri]: result.edits.map((edit) => toTextEdit(parsed.lines, edit)) },
      };
    }),
  );

  connection.onDocumentSymbol((params) =>
    withDocument(params.textDocument.uri, [], ({ parsed, model }) =>
      documentSymbols(model).map((s) => toDocumentSymbol(parsed.lines, s)),
    ),
  );

  connection.onCodeAction((params) =>
    withDocument(params.textDocument.uri, [], ({ parsed, model }) => {
      const span = toSpan(parsed.lines, params.range);
      const diagnostics = params.context.diagnostics.flatMap((d) =>
        typeof d.code === 'string' ? [{ code: d.code, ...toSpan(parsed.lines, d.range) }] : [],
      );
      return codeActionsFor(parsed, model, span, diagnostics).map((action) =>
        toCodeAction(parsed.lines, params.textDocument.uri, action, params.context.diagnostics),
      );
    }),
  );

  connection.onDocumentFormatting((params) =>
    withDocument(params.textDocument.uri, [], ({ parsed }) =>
      formatDocument(parsed, params.options).map((edit) => toTextEdit(parsed.lines, edit)),
    ),
  );

  connection.onDocumentRangeFormatting((params) =>
    withDocument(params.textDocument.uri, [], ({ parsed }) => {
      return formatDocument(parsed, params.options, toSpan(parsed.lines, params.range)).map((edit) =>
        toTextEdit(parsed.lines, edit),
      );
    }),
  );

  connection.onFoldingRanges((params) =>
    withDocument(params.textDocument.uri, [], ({ parsed }) =>
      foldingRanges(parsed).map((r) => ({ startLine: r.startLine, endLine: r.endLine })),
    ),
  );

  connection.onSelectionRanges((params) =>
    withDocument(params.textDocument.uri, [], ({ parsed }) => {
      const offsets = params.positions.map((p) => parsed.lines.offsetAt(p));
      return selectionRanges(parsed, offsets).map((spans, i) =>
        toSelectionRange(parsed.lines, spans, { offset: offsets[i] ?? 0, length: 0 }),
      );
    }),
  );

  connection.onCodeLens((params) =>
    withDocument(params.textDocument.uri, [], ({ parsed, model }) =>
      codeLenses(model).map((lens) => toCodeLens(parsed.lines, params.textDocument.uri, lens)),
    ),
  );
}
