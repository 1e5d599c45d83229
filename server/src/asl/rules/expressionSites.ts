import type { PropertyNode, StringNode, ValueNode } from '../ast';
import { CHOICE_OPERATORS } from '../choiceOperatorKinds';

/**
 * The strings of a JSONPath state that Step Functions evaluates, with what each must hold:
 * - `path`: a path over the input, the context or a variable (InputPath, OutputPath, Variable, ...Path operators);
 * - `reference`: a path naming one node (ItemsPath and the ...Path fields);
 * - `resultPath`: a reference path over the input, or null (ResultPath);
 * - `payload`: under a `.$` key of a payload template: a path or an intrinsic call;
 * - `errorPath`: ErrorPath and CausePath of Fail, which take a path or an intrinsic call.
 */
export type ExpressionRole = 'path' | 'reference' | 'resultPath' | 'payload' | 'errorPath';

export interface ExpressionSite {
  readonly role: ExpressionRole;
  /** The field as users know it: `InputPath`, `Variable`, `Payload.$`. */
  readonly field: string;
  readonly property: PropertyNode;
  /** The value: a string, or whatever else was written (the rules say what they expect). */
  readonly value: ValueNode;
}

/** The state's own fields that hold a path (or, for ErrorPath and CausePath, a path or an intrinsic call). */
export const STATE_PATH_FIELDS: ReadonlyMap<string, ExpressionRole> = new Map<string, ExpressionRole>([
  ['InputPath', 'path'],
  ['OutputPath', 'path'],
  ['ResultPath', 'resultPath'],
  ['ItemsPath', 'reference'],
  ['TimeoutSecondsPath', 'reference'],
  ['HeartbeatSecondsPath', 'reference'],
  ['SecondsPath', 'reference'],
  ['TimestampPath', 'reference'],
  ['MaxConcurrencyPath', 'reference'],
  ['ToleratedFailureCountPath', 'reference'],
  ['ToleratedFailurePercentagePath', 'reference'],
  ['ErrorPath', 'errorPath'],
  ['CausePath', 'errorPath'],
]);

/** Fields whose objects are payload templates (their `.$` keys are evaluated). */
const TEMPLATE_FIELDS: ReadonlySet<string> = new Set([
  'Parameters',
  'ResultSelector',
  'ItemSelector',
  'Credentials',
  'Assign',
]);

/** What the value at `path` (keys and indexes from a JSONPath state's body) must hold, if Step Functions evaluates it. */
export function expressionRole(
  path: readonly (string | number)[],
  stateType: string | undefined,
): ExpressionRole | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  if (path.length === 1) {
    const role = STATE_PATH_FIELDS.get(key);
    if (role === 'errorPath' && stateType !== 'Fail') return undefined;
    return role;
  }
  if (key.endsWith('.$') && isInTemplate(path)) return 'payload';
  if (path[0] === 'Choices' && stateType === 'Choice') {
    if (key === 'Variable') return 'path';
    if (key.endsWith('Path') && CHOICE_OPERATORS.get(key) === 'path') return 'path';
  }
  return nestedPathFieldRole(path, key);
}

/**
 * The path fields below a state's own level (`key` is the last step of `path`): a catcher's
 * ResultPath, ItemReader's ReaderConfig.MaxItemsPath, and ItemBatcher's ...Path fields.
 */
export function nestedPathFieldRole(
  path: readonly (string | number)[],
  key: string,
): 'resultPath' | 'reference' | undefined {
  const first = path[0];
  if (first === 'Catch') return path.length === 3 && key === 'ResultPath' ? 'resultPath' : undefined;
  if (first === 'ItemReader') {
    return path.length === 3 && path[1] === 'ReaderConfig' && key === 'MaxItemsPath'
      ? 'reference'
      : undefined;
  }
  return first === 'ItemBatcher' && path.length === 2 && key.endsWith('Path') ? 'reference' : undefined;
}

/** Inside Parameters, ResultSelector, ItemSelector, Credentials, Assign (also of choice rules and catchers), ItemReader/ResultWriter Parameters or ItemBatcher BatchInput. */
function isInTemplate(path: readonly (string | number)[]): boolean {
  const [first, second, third] = path;
  if (typeof first !== 'string') return false;
  if (TEMPLATE_FIELDS.has(first)) return true;
  if ((first === 'Catch' || first === 'Choices') && typeof second === 'number' && third === 'Assign')
    return true;
  if ((first === 'ItemReader' || first === 'ResultWriter') && second === 'Parameters') return true;
  return first === 'ItemBatcher' && second === 'BatchInput';
}

export function asString(value: ValueNode): StringNode | undefined {
  return value.kind === 'string' ? value : undefined;
}
