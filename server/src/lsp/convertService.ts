/** The language service's plain results (offsets) as LSP data (ranges, kinds). */
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  SymbolKind,
  type CodeLens,
  type CompletionItem,
  type DocumentSymbol,
  type SelectionRange,
  type TextEdit,
} from 'vscode-languageserver';
import type { LineIndex, Span } from '../asl';
import type {
  CompletionEntry,
  CompletionKind,
  Lens,
  LensAction,
  OutlineSymbol,
  TextEdit as ServiceEdit,
} from '../asl/service';
import { toRange } from './convert';

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  state: CompletionItemKind.Reference,
  snippet: CompletionItemKind.Snippet,
  function: CompletionItemKind.Function,
  variable: CompletionItemKind.Variable,
  field: CompletionItemKind.Field,
  error: CompletionItemKind.Constant,
  resource: CompletionItemKind.Module,
};

export function toTextEdit(lines: LineIndex, edit: ServiceEdit): TextEdit {
  return { range: toRange(lines, edit.span), newText: edit.newText };
}

export function toCompletionItem(lines: LineIndex, entry: CompletionEntry): CompletionItem {
  const item: CompletionItem = {
    label: entry.label,
    kind: COMPLETION_KIND[entry.kind],
    textEdit: { range: toRange(lines, entry.replace), newText: entry.insertText },
    insertTextFormat: entry.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    // Multi-line snippets are written relative to the line they are inserted on.
    insertTextMode: InsertTextMode.adjustIndentation,
  };
  if (entry.detail !== undefined) item.detail = entry.detail;
  if (entry.documentation !== undefined)
    item.documentation = { kind: 'markdown', value: entry.documentation };
  if (entry.filterText !== undefined) item.filterText = entry.filterText;
  if (entry.sortText !== undefined) item.sortText = entry.sortText;
  if (entry.additionalEdits !== undefined)
    item.additionalTextEdits = entry.additionalEdits.map((e) => toTextEdit(lines, e));
  if (entry.retrigger === true) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
  return item;
}

const STATE_SYMBOL_KIND: Readonly<Record<string, SymbolKind>> = {
  Task: SymbolKind.Function,
  Pass: SymbolKind.Variable,
  Choice: SymbolKind.Enum,
  Wait: SymbolKind.Event,
  Succeed: SymbolKind.Boolean,
  Fail: SymbolKind.Boolean,
  Parallel: SymbolKind.Namespace,
  Map: SymbolKind.Array,
};

export function toDocumentSymbol(lines: LineIndex, symbol: OutlineSymbol): DocumentSymbol {
  const kind =
    symbol.kind === 'scope'
      ? SymbolKind.Module
      : (STATE_SYMBOL_KIND[symbol.stateType ?? ''] ?? SymbolKind.Object);
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind,
    range: toRange(lines, symbol.span),
    selectionRange: toRange(lines, symbol.selectionSpan),
    children: symbol.children.map((child) => toDocumentSymbol(lines, child)),
  };
}

/** Innermost first, as the service gives them, into LSP's linked list. */
export function toSelectionRange(lines: LineIndex, spans: readonly Span[], fallback: Span): SelectionRange {
  let parent: SelectionRange | undefined;
  for (let i = spans.length - 1; i >= 0; i--) {
    const span = spans[i];
    if (span === undefined) continue;
    parent = parent === undefined ? { range: toRange(lines, span) } : { range: toRange(lines, span), parent };
  }
  return parent ?? { range: toRange(lines, fallback) };
}

/** The client's command for each lens (client/src/commands.ts), with the document's URI as argument. */
const LENS_COMMANDS: Record<LensAction, string> = {
  run: 'stepwise.run',
  debug: 'stepwise.debug',
  graph: 'stepwise.preview.open',
};

export function toCodeLens(lines: LineIndex, uri: string, lens: Lens): CodeLens {
  return {
    range: toRange(lines, lens.span),
    command: { title: lens.title, command: LENS_COMMANDS[lens.action], arguments: [uri] },
  };
}
