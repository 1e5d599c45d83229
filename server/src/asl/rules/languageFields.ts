/**
 * Which fields belong to one query language only. A site is described by its path from the
 * state's body: state fields, choice rules (at any depth), catchers, and Map's reader,
 * batcher and writer.
 */
import { nestedPathFieldRole, STATE_PATH_FIELDS } from './expressionSites';

/** Fields that hold a path exist in JSONPath only; so do the two templates JSONata replaces with Arguments and Output. */
const JSONPATH_STATE_FIELDS: ReadonlySet<string> = new Set([
  ...STATE_PATH_FIELDS.keys(),
  'Parameters',
  'ResultSelector',
]);
const JSONATA_STATE_FIELDS: ReadonlySet<string> = new Set(['Arguments', 'Output', 'Items']);

/** Choice-rule keys that are the same in both languages. */
const SHARED_RULE_FIELDS: ReadonlySet<string> = new Set(['Next', 'Assign', 'Comment']);

export type FieldLanguage = 'JSONPath' | 'JSONata' | undefined;

/**
 * The one language the field at `path` (keys and indexes from a state's body) belongs to, or
 * undefined when it is valid in both (or not a field).
 */
export function fieldLanguage(path: readonly (string | number)[]): FieldLanguage {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  if (path.length === 1) {
    if (JSONPATH_STATE_FIELDS.has(key)) return 'JSONPath';
    return JSONATA_STATE_FIELDS.has(key) ? 'JSONata' : undefined;
  }
  const [first] = path;
  if (first === 'Choices' && isChoiceRuleKey(path)) {
    if (key === 'Condition' || key === 'Output') return 'JSONata';
    return SHARED_RULE_FIELDS.has(key) ? undefined : 'JSONPath';
  }
  if (first === 'Catch' && path.length === 3 && key === 'Output') return 'JSONata';
  if ((first === 'ItemReader' || first === 'ResultWriter') && path.length === 2) {
    if (key === 'Parameters') return 'JSONPath';
    return key === 'Arguments' ? 'JSONata' : undefined;
  }
  return nestedPathFieldRole(path, key) === undefined ? undefined : 'JSONPath';
}

/** True when the path ends at a key of a choice rule: Choices[i].key, or deeper through And/Or[i] and Not. */
function isChoiceRuleKey(path: readonly (string | number)[]): boolean {
  let i = 1;
  if (typeof path[i] !== 'number') return false;
  i++;
  while (i < path.length - 1) {
    const step = path[i];
    if ((step === 'And' || step === 'Or') && typeof path[i + 1] === 'number') i += 2;
    else if (step === 'Not') i += 1;
    else return false;
  }
  return i === path.length - 1;
}
