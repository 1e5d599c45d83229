/** JSONPath as Step Functions reads it: parsing with positions, reference-path checks, payload string kinds. */
export type {
  ComparisonOperator,
  FilterExpression,
  FilterOperand,
  FilterSelector,
  IndexSelector,
  JsonPath,
  LiteralOperand,
  LiteralValue,
  NameSelector,
  PathOperand,
  PathParseResult,
  PathRoot,
  PathSegment,
  PathSpan,
  Selector,
  SliceSelector,
  SyntaxProblem,
  UnionSelector,
  WildcardSelector,
} from './ast';
export { parseJsonPath, isNameStart, isNameChar } from './parser';
export { checkReferencePath, isReferencePath } from './referencePath';
export type { PayloadExpressionKind } from './classify';
export { classifyPayloadString } from './classify';
export { clearPathCache, parsePathCached } from './cache';
export { PATH_MESSAGES } from './messages';
