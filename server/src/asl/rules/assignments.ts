import type { PropertyNode } from '../ast';
import type { QueryLanguage } from './context';

export interface Assignment {
  /** The variable's name: the key, without the `.$` a JSONPath state may add. */
  readonly name: string;
  readonly property: PropertyNode;
  /** Where the Assign sits: the state itself, a choice rule, or a catcher. */
  readonly owner: 'state' | 'choice' | 'catch';
}

/** Where the key at `path` (from a state's body) assigns a variable, if it does. */
export function assignmentOwner(path: readonly (string | number)[]): Assignment['owner'] | undefined {
  if (path.length === 2 && path[0] === 'Assign') return 'state';
  if (path.length === 4 && path[2] === 'Assign' && typeof path[1] === 'number') {
    if (path[0] === 'Choices') return 'choice';
    if (path[0] === 'Catch') return 'catch';
  }
  return undefined;
}

/** The variable an Assign key sets: the key, without the `.$` a JSONPath state may add. */
export function assignmentName(key: string, language: QueryLanguage): string {
  return language === 'JSONPath' && key.endsWith('.$') ? key.slice(0, -2) : key;
}

/** Names as Step Functions accepts them: a letter or underscore, then letters, digits and underscores. */
export const VARIABLE_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** `$states` belongs to Step Functions (JSONata's state data). */
export const RESERVED_VARIABLES: ReadonlySet<string> = new Set(['states']);
