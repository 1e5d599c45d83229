import type { Span } from '../ast';

/** Plain results of the language service: offsets, never protocol types (the server converts them). */

export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

export type CompletionKind =
  | 'property'
  | 'value'
  | 'enum'
  | 'state'
  | 'snippet'
  | 'function'
  | 'variable'
  | 'field'
  | 'error'
  | 'resource';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  /** A short line shown beside the label (a type, a signature). */
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** The text inserted over `replace`: snippet syntax when `snippet` is true. */
  readonly insertText: string;
  readonly snippet: boolean;
  readonly replace: Span;
  /** What the editor matches the typed text against, when not the label. */
  readonly filterText?: string;
  readonly sortText?: string;
  /** Edits elsewhere in the document made with the insertion (a comma, wiring in a new state). */
  readonly additionalEdits?: readonly TextEdit[];
  /** Open completion again after inserting, because a value comes next. */
  readonly retrigger?: boolean;
}

export interface Hover {
  readonly markdown: string;
  readonly span: Span;
}
