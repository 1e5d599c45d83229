/**
 * The wording of every semantic rule, in one table. Codes (in each rule's file) are the stable
 * part; these sentences may be improved without breaking anyone.
 */
const q = (name: string) => `"${name}"`;
/**
 * A byte count with its thousands grouped as en-US writes them (1,048,576). Not toLocaleString:
 * its first call in a process sets up Intl, about 10 ms of a cold validation.
 */
const bytesText = (bytes: number) => String(bytes).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const didYouMean = (suggestion: string | undefined) =>
  suggestion === undefined ? '' : ` Did you mean ${q(suggestion)}?`;

const OPERAND_WORDS: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  timestamp: 'a timestamp string in RFC 3339 form, such as "2024-03-14T01:59:00Z"',
  path: 'a path string, such as "$.limit"',
};

export const RULE_MESSAGES = {
  // Transitions and the graph
  startAtUnknown: (name: string, scope: string, suggestion: string | undefined) =>
    `StartAt names ${q(name)}, but ${scope} has no state of that name.${didYouMean(suggestion)}`,
  startAtOtherScope: (name: string, scope: string, other: string) =>
    `StartAt names ${q(name)}, which is defined in ${other}; StartAt must name a state of ${scope}.`,
  nextUnknown: (field: string, name: string, suggestion: string | undefined) =>
    `${field} names ${q(name)}, but no state has that name.${didYouMean(suggestion)}`,
  transitionOutOfScope: (field: string, name: string, scope: string, other: string) =>
    `${field} names ${q(name)}, which is defined in ${other}: a state in ${scope} can only move to states of ${scope}.`,
  definedHere: (name: string) => `${q(name)} is defined here.`,
  unreachable: (name: string, scope: string) =>
    `State ${q(name)} can never run: no path from the StartAt of ${scope} leads to it.`,
  noTerminal: (scope: string) =>
    `${scope.charAt(0).toUpperCase()}${scope.slice(1)} has no terminal state: add a Succeed or Fail state, or "End": true on a state, so that executions can finish.`,
  endAndNext: () => 'A state ends with "End": true or continues with "Next", not both.',
  nextHere: () => '"Next" is set here.',
  transitionMissing: (name: string, type: string) =>
    `${type} state ${q(name)} needs "Next" (the state to run after it) or "End": true.`,

  // State names
  duplicateStateName: (name: string, other: string) =>
    `The state name ${q(name)} is already used in ${other}: names must be unique across the whole state machine, branches and processors included.`,
  firstDefinition: (name: string) => `${q(name)} is first defined here.`,
  stateNameEmpty: () => 'A state name may not be empty.',
  stateNameTooLong: (length: number) =>
    `A state name may have at most 80 characters; this one has ${length}.`,

  // Field combinations
  fieldsExclusive: (field: string, other: string) =>
    `"${field}" and "${other}" give the same setting two ways: keep only one of them.`,
  fieldSetHere: (field: string) => `"${field}" is set here.`,
  waitNoDuration: (name: string) =>
    `Wait state ${q(name)} needs one of "Seconds", "SecondsPath", "Timestamp" or "TimestampPath".`,
  waitTwoDurations: (field: string, other: string) =>
    `A Wait state takes one duration: "${field}" and "${other}" may not be combined.`,
  mapTwoProcessors: () => 'A Map state takes "ItemProcessor" or the older "Iterator", not both.',
  heartbeatNotBelowTimeout: (heartbeat: number, timeout: number) =>
    `HeartbeatSeconds (${heartbeat}) must be smaller than TimeoutSeconds (${timeout}).`,

  // Choice rules
  choiceNoOperator: () =>
    'This rule tests nothing: give it one comparison (such as "StringEquals") with "Variable", or one of "And", "Or", "Not".',
  choiceNoCondition: () => 'In JSONata, a choice rule needs a "Condition".',
  choiceTwoOperators: (operator: string, other: string) =>
    `A choice rule has one operator: "${operator}" and "${other}" may not be combined (use "And" or "Or" to test both).`,
  choiceNoVariable: (operator: string) => `"${operator}" compares "Variable", which this rule does not set.`,
  choiceVariableWithCombinator: (combinator: string) =>
    `"Variable" is not used with "${combinator}": each rule inside "${combinator}" sets its own.`,
  choiceOperatorValue: (operator: string, kind: string) =>
    `"${operator}" takes ${OPERAND_WORDS[kind] ?? kind}.`,
  choiceRuleNeedsNext: () => 'Each rule in "Choices" needs "Next": the state to run when the rule matches.',
  choiceNestedNext: () =>
    'Only rules directly in "Choices" take "Next"; rules inside "And", "Or" and "Not" do not.',
  choiceNoDefault: () =>
    'No "Default": when no rule matches, the execution fails with States.NoChoiceMatched.',

  // Retry and Catch
  errorAllNotAlone: () =>
    '"States.ALL" matches every error, so it must be the only name in its "ErrorEquals".',
  errorAllNotLast: (field: string) =>
    `"States.ALL" matches every error, so its ${field === 'Retry' ? 'retrier' : 'catcher'} must be the last one: the ones after it could never match.`,
  errorNameUnknown: (name: string, suggestion: string | undefined) =>
    `${q(name)} is not an error Step Functions raises, so it never matches.${didYouMean(suggestion)}`,

  // Query languages
  jsonPathOnlyField: (field: string) =>
    `"${field}" belongs to JSONPath; this state uses JSONata (use "Arguments", "Output" or "Condition" and {% %} expressions instead).`,
  jsonataOnlyField: (field: string) =>
    `"${field}" belongs to JSONata; this state uses JSONPath (set "QueryLanguage": "JSONata" to use it).`,
  queryLanguageConflict: () => 'The state machine uses JSONata, and a state may not switch back to JSONPath.',

  // Resources and quotas
  resourceArn: (resource: string) =>
    `${q(resource)} is not a Task resource: use a Lambda function ARN (arn:aws:lambda:region:account:function:name), an activity ARN (arn:aws:states:region:account:activity:name) or a service integration (arn:aws:states:::service:action, optionally with .sync, .sync:2 or .waitForTaskToken).`,
  definitionTooLarge: (bytes: number) =>
    `The definition is ${bytesText(bytes)} bytes; Step Functions accepts at most 1,048,576 (1 MB).`,
  resultTooLarge: (bytes: number) =>
    `This Result is at least ${bytesText(bytes)} bytes, above the 262,144 bytes (256 KiB) a state may pass on: executions will fail here with States.DataLimitExceeded.`,

  // Variables
  variableName: (name: string) =>
    `${q(name)} is not a valid variable name: start with a letter or "_", then use only letters, digits and "_".`,
  variableReserved: (name: string) => `"$${name}" is reserved by Step Functions and cannot be assigned.`,

  // JSONata
  jsonataSyntax: (problem: string) =>
    `This JSONata expression does not parse: ${problem.replace(/\.$/, '')}.`,
  statesFieldUnknown: (field: string) =>
    `"$states" has no field "${field}": it holds input, context, result (after a Task, Parallel or Map) and errorOutput (in a catcher).`,
  statesFieldUnavailable: (field: string, type: string) =>
    field === 'result'
      ? `"$states.result" is only set in the Output and Assign of a Task, Parallel or Map state${type === 'Task' || type === 'Parallel' || type === 'Map' ? ', after the work is done' : ''}.`
      : '"$states.errorOutput" is only set in a catcher\'s Output and Assign.',

  // Paths and payload templates
  pathSyntax: (field: string, problem: string) => `In "${field}": ${problem}`,
  referencePath: (field: string, problem: string) => `"${field}" must name a single node. ${problem}`,
  resultPathRoot: () =>
    'ResultPath places the result in the state\'s input, so it starts with "$": not the context object ("$$") or a variable.',
  payloadNotString: (field: string) =>
    `"${field}" ends with ".$", so its value is evaluated: it must be a string holding a path or an intrinsic function call.`,
  payloadInvalid: (field: string) =>
    `"${field}" is evaluated, so it must hold a path ("$.x"), a context path ("$$.x"), a variable ("$name") or an intrinsic function call ("States.Format(...)"); for a literal value, drop ".$" from the key.`,
  payloadKeyConflict: (name: string) =>
    `"${name}" and "${name}.$" would both set the field "${name}": keep one.`,

  // Intrinsic functions
  intrinsicSyntax: (field: string, problem: string) => `In "${field}": ${problem}`,
  intrinsicCall: (problem: string) => problem,
  intrinsicPlacement: (field: string) =>
    `"${field}" takes a path, not an intrinsic function call: intrinsic functions run only in ".$" values of Parameters, ResultSelector, ItemSelector, Credentials and Assign, and in a Fail state's ErrorPath and CausePath.`,

  variableUnassigned: (name: string) =>
    `"$${name}" is not assigned by any state that can run before this one (in this scope or an enclosing one), so reading it fails at run time.`,
  variableBeyondDistributedMap: (name: string) =>
    `"$${name}" is assigned outside this Distributed Map, whose processor cannot read outer variables: pass the value in through ItemSelector.`,

  // The machinery
  ruleFailed: (code: string, detail: string) =>
    `The check ${code} failed on this document and was skipped (${detail}). Please report this.`,
} as const;
