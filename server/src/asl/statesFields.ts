import type { PathSegment } from './queries';

/**
 * Where each field of JSONata's `$states` has a value. `input` and `context` exist in every
 * expression; `result` only once a Task, Parallel or Map has produced one (its `Output` and
 * `Assign`); `errorOutput` only in a catcher's `Output` and `Assign`. This is the one place
 * the rule is written: the validator (ASL-STATES-FIELD-UNAVAILABLE), completion and hover read it.
 */
export type StatesField = 'input' | 'result' | 'errorOutput' | 'context';

export const STATES_FIELDS: readonly StatesField[] = ['input', 'result', 'errorOutput', 'context'];

export type StatesFieldVerdict = 'ok' | 'unavailable' | 'unknown';

const HAS_RESULT: ReadonlySet<string> = new Set(['Task', 'Parallel', 'Map']);

/**
 * Whether `$states.<field>` has a value in an expression of a state of type `stateType`, at
 * `path`: the keys and indexes from the state's body to the expression (`['Output']`,
 * `['Catch', 0, 'Assign', 'x']`).
 */
export function statesFieldVerdict(
  stateType: string | undefined,
  path: readonly PathSegment[],
  field: string,
): StatesFieldVerdict {
  const [first, , third] = path;
  switch (field) {
    case 'input':
    case 'context':
      return 'ok';
    case 'result':
      return HAS_RESULT.has(stateType ?? '') && (first === 'Output' || first === 'Assign')
        ? 'ok'
        : 'unavailable';
    case 'errorOutput':
      return first === 'Catch' && (third === 'Output' || third === 'Assign') ? 'ok' : 'unavailable';
    default:
      return 'unknown';
  }
}

/** The `$states` fields that have a value at `path` of a state. */
export function statesFieldsAt(stateType: string | undefined, path: readonly PathSegment[]): StatesField[] {
  return STATES_FIELDS.filter((field) => statesFieldVerdict(stateType, path, field) === 'ok');
}

/** Why a field has no value here, for hovers. */
export function statesFieldAbsence(field: string, stateType: string | undefined): string {
  if (field === 'result')
    return `\`$states.result\` has no value here: it exists only in the \`Output\` and \`Assign\` of a Task, Parallel or Map state${stateType === undefined ? '' : ` (this is a ${stateType} state)`}.`;
  return "`$states.errorOutput` has no value here: it exists only in a catcher's `Output` and `Assign`.";
}
