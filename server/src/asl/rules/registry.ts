import type { Rule } from './rule';
import { choiceNext } from './choiceNext';
import { choiceNoDefault } from './choiceNoDefault';
import { choiceOperatorValue } from './choiceOperatorValue';
import { choiceRuleOperator } from './choiceRuleOperator';
import { definitionTooLarge } from './definitionTooLarge';
import { endAndNext } from './endAndNext';
import { errorAllPosition } from './errorAllPosition';
import { errorNameUnknown } from './errorNameUnknown';
import { fieldsExclusive } from './fieldsExclusive';
import { heartbeatTimeout } from './heartbeatTimeout';
import { intrinsicCall } from './intrinsicCall';
import { intrinsicPlacement } from './intrinsicPlacement';
import { intrinsicSyntax } from './intrinsicSyntax';
import { pathSyntax } from './pathSyntax';
import { payloadExpression } from './payloadExpression';
import { payloadKeyConflict } from './payloadKeyConflict';
import { referencePath } from './referencePath';
import { jsonataOnlyField } from './jsonataOnlyField';
import { jsonataSyntax } from './jsonataSyntax';
import { statesFieldUnavailable } from './statesFieldUnavailable';
import { jsonPathOnlyField } from './jsonPathOnlyField';
import { mapProcessor } from './mapProcessor';
import { nextUnknown } from './nextUnknown';
import { noTerminal } from './noTerminal';
import { queryLanguageConflict } from './queryLanguageConflict';
import { resourceArn } from './resourceArn';
import { resultTooLarge } from './resultTooLarge';
import { startAtUnknown } from './startAtUnknown';
import { stateNameDuplicate } from './stateNameDuplicate';
import { stateNameLength } from './stateNameLength';
import { transitionMissing } from './transitionMissing';
import { transitionOutOfScope } from './transitionOutOfScope';
import { unreachable } from './unreachable';
import { variableName } from './variableName';
import { variableReserved } from './variableReserved';
import { variableUnassigned } from './variableUnassigned';
import { waitDuration } from './waitDuration';

/** Every semantic rule, in the order they run. Codes are unique (a unit test holds them to it). */
export const RULES: readonly Rule[] = [
  // The graph
  startAtUnknown,
  nextUnknown,
  transitionOutOfScope,
  unreachable,
  noTerminal,
  endAndNext,
  transitionMissing,
  stateNameDuplicate,
  stateNameLength,
  // Field combinations
  fieldsExclusive,
  waitDuration,
  mapProcessor,
  heartbeatTimeout,
  // Choice
  choiceRuleOperator,
  choiceOperatorValue,
  choiceNext,
  choiceNoDefault,
  // Retry and Catch
  errorAllPosition,
  errorNameUnknown,
  // Paths, payload templates and intrinsic functions (JSONPath)
  pathSyntax,
  referencePath,
  payloadExpression,
  payloadKeyConflict,
  intrinsicSyntax,
  intrinsicCall,
  intrinsicPlacement,
  // Query languages
  queryLanguageConflict,
  jsonPathOnlyField,
  jsonataOnlyField,
  jsonataSyntax,
  statesFieldUnavailable,
  // Variables
  variableName,
  variableReserved,
  variableUnassigned,
  // Resources and quotas
  resourceArn,
  definitionTooLarge,
  resultTooLarge,
];

/** Code, severity and description of each rule: for settings, docs and quick fixes. */
export function describeRules(): readonly Pick<Rule, 'code' | 'severity' | 'description'>[] {
  return RULES.map(({ code, severity, description }) => ({ code, severity, description }));
}
