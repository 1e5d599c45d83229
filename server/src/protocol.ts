/**
 * Custom LSP messages between the Stepwise client and server, declared once and imported by
 * both sides. Each says who sends it and why.
 */
import { RequestType, type Range } from 'vscode-languageserver-protocol';

/** A state for the preview: where it is defined and what it contains. */
export interface StateTreeNode {
  readonly name: string;
  /** The state's Type, or null while it is missing or not a string. */
  readonly type: string | null;
  /** The whole definition, name to closing brace. */
  readonly range: Range;
  /** The state's name. */
  readonly selectionRange: Range;
  /** Parallel branches and Map processors, each a list of states. */
  readonly scopes: readonly StateTreeScope[];
}

export interface StateTreeScope {
  /** "Branch 1", "ItemProcessor", "Iterator". */
  readonly label: string;
  readonly startAt: string | null;
  readonly states: readonly StateTreeNode[];
}

export interface StateTreeParams {
  readonly uri: string;
}

export interface StateTreeResult {
  /** The document version the tree was built from (null when the server does not have the document open). */
  readonly version: number | null;
  readonly startAt: string | null;
  readonly states: readonly StateTreeNode[];
  readonly errorCount: number;
  readonly warningCount: number;
}

/**
 * Client → server: the states of an open document, for the preview panel, which never parses
 * ASL itself. The graph request of the graph issue will extend this.
 */
export const StateTreeRequest = {
  method: 'stepwise/stateTree',
  type: new RequestType<StateTreeParams, StateTreeResult, void>('stepwise/stateTree'),
} as const;
