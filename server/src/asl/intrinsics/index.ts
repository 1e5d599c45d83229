/** Intrinsic functions: the call grammar with positions, the catalogue of the 18 functions, and literal checks. */
export type {
  BooleanArgument,
  IntrinsicArgument,
  IntrinsicCall,
  IntrinsicParseResult,
  NullArgument,
  NumberArgument,
  PathArgument,
  StringArgument,
} from './ast';
export { MAX_INTRINSIC_DEPTH } from './ast';
export { parseIntrinsic } from './parser';
export { parseIntrinsicCached } from './cache';
export type { HashAlgorithm, IntrinsicFunction, IntrinsicParameter, ValueKind } from './catalogue';
export {
  ARRAY_RANGE_MAX_ITEMS,
  ENCODING_MAX_INPUT_LENGTH,
  FAIL_PATH_INTRINSICS,
  HASH_ALGORITHMS,
  INTRINSIC_FUNCTIONS,
  intrinsicFunction,
  parameterAt,
} from './catalogue';
export { checkIntrinsicCall, countPlaceholders } from './check';
export { INTRINSIC_MESSAGES } from './messages';
export type { PayloadExpressionCheck } from './payloadExpression';
export { checkPayloadExpression } from './payloadExpression';
