/**
 * Which fields belong to one query language only. A site is described by its path from the
 * state's body: state fields, choice rules (at any depth), catchers, and Map's reader,
 * batcher and writer.
 */
const JSONPATH_STATE_FIELDS: ReadonlySet<string> = new Set([
  'InputPath',
  'OutputPath',
  'Parameters',
  'ResultSelector',
  'ResultPath',
  'ItemsPath',
  'TimeoutSecondsPath',
  'HeartbeatSecondsPath',
  'SecondsPath',
  'TimestampPath',
  'ErrorPath',
  'CausePath',
  'MaxConcurrencyPath',
  'ToleratedFailureCountPath',
  'ToleratedFailurePercentagePath',
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
  if (first === 'Catch' && path.length === 3) {
    if (key === 'ResultPath') return 'JSONPath';
    return key === 'Output' ? 'JSONata' : undefined;
  }
  if ((first === 'ItemReader' || first === 'ResultWriter') && path.length === 2) {
    if (key === 'Parameters') return 'JSONPath';
    return key === 'Arguments' ? 'JSONata' : undefined;
  }
  if (first === 'ItemReader' && path.length === 3 && path[1] === 'ReaderConfig' && key === 'MaxItemsPath')
    return 'JSONPath';
  if (first === 'ItemBatcher' && path.length === 2 && key.endsWith('Path')) return 'JSONPath';
  return undefined;
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
