/** The language service: pure functions of (parsed document, model, offset) returning plain data with offsets. */
export type { CompletionEntry, CompletionKind, Hover, TextEdit } from './types';
export { completeAt } from './complete';
export { hoverAt } from './hover';
export { definitionAt, referencesAt } from './navigation';
export type { PrepareRenameResult, RenameResult } from './rename';
export { prepareRename, renameAt } from './rename';
export type { OutlineSymbol } from './symbols';
export { documentSymbols } from './symbols';
export type { FoldingRange } from './folding';
export { foldingRanges } from './folding';
export { selectionRanges } from './selectionRange';
export type { FormatOptions } from './format';
export { formatDocument } from './format';
export type { Lens, LensAction } from './codeLens';
export { codeLenses } from './codeLens';
