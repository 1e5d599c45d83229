/** The ASL core's public entry points: everything above the core imports from here. */
export type { ArrayNode, AstNode, ObjectNode, PropertyNode, Span, StringNode, ValueNode } from './ast';
export { containsOffset, endOf, propertyOf, toValue } from './ast';
export type {
  AslDiagnostic,
  DiagnosticCode,
  ParseDiagnosticCode,
  RelatedSpan,
  Severity,
} from './diagnostics';
export { DIAGNOSTIC_CODES, hasErrors, makeDiagnostic } from './diagnostics';
export type { Position } from './lines';
export { LineIndex } from './lines';
export type { DocumentFormat, ParsedDocument } from './parse';
export { formatOf, parseDocument } from './parse';
export type { Scope, ScopeKind, State, StateMachine } from './model';
export { buildModel, describeScope, fieldOf, stringValue } from './model';
export type { NodeLocation, PathSegment } from './queries';
export { locate, scopeAt, stateAt } from './queries';
export { formatDiagnosticLine } from './report';
export { validate } from './service/validate';
export type { ScopeOutline, StateOutline } from './service/stateTree';
export { countStates, outlineStates, renderOutline } from './service/stateTree';
