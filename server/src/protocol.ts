/**
 * Custom LSP messages between the Stepwise client and server, declared once and imported by
 * both sides. Each says who sends it and why.
 */
import { RequestType, type Range } from 'vscode-languageserver-protocol';
import type { GraphModel } from './asl/graph/types';

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

export interface GraphParams {
  readonly uri: string;
}

export interface GraphResult {
  /** The document version the graph was built from (null when the server does not have the document open). */
  readonly version: number | null;
  /** Null while the document has no state machine object at all. */
  readonly graph: GraphModel | null;
  readonly errorCount: number;
  readonly warningCount: number;
  /** Errors of the parser: while there are some, the preview keeps showing the last graph without. */
  readonly syntaxErrorCount: number;
}

/**
 * Client → server: the graph of an open document (states, transitions, clusters, each state's
 * diagnostics), for the graph preview, which lays it out and draws it.
 */
export const GraphRequest = {
  method: 'stepwise/graph',
  type: new RequestType<GraphParams, GraphResult, void>('stepwise/graph'),
} as const;
