import type { PropertyNode } from '../ast';
import type { FieldSite, RuleContext } from './context';
import type { State } from '../model';

export interface Assignment {
  /** The variable's name: the key, without the `.$` a JSONPath state may add. */
  readonly name: string;
  readonly property: PropertyNode;
  /** Where the Assign sits: the state itself, a choice rule, or a catcher. */
  readonly owner: 'state' | 'choice' | 'catch';
}

/** The keys of a state's Assign objects: its own, its top-level choice rules', its catchers'. */
const cache = new WeakMap<State, readonly Assignment[]>();

export function assignmentsOf(context: RuleContext, state: State): readonly Assignment[] {
  const cached = cache.get(state);
  if (cached !== undefined) return cached;
  const found = collect(context, state);
  cache.set(state, found);
  return found;
}

function collect(context: RuleContext, state: State): Assignment[] {
  const jsonPath = context.languageOf(state) === 'JSONPath';
  const found: Assignment[] = [];
  for (const site of context.sitesOf(state)) {
    const owner = ownerOf(site);
    if (owner === undefined || site.property === undefined) continue;
    const key = site.property.key.value;
    const name = jsonPath && key.endsWith('.$') ? key.slice(0, -2) : key;
    found.push({ name, property: site.property, owner });
  }
  return found;
}

function ownerOf(site: FieldSite): Assignment['owner'] | undefined {
  const { path } = site;
  if (path.length === 2 && path[0] === 'Assign') return 'state';
  if (path.length === 4 && path[2] === 'Assign' && typeof path[1] === 'number') {
    if (path[0] === 'Choices') return 'choice';
    if (path[0] === 'Catch') return 'catch';
  }
  return undefined;
}

/** Names as Step Functions accepts them: a letter or underscore, then letters, digits and underscores. */
export const VARIABLE_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** `$states` belongs to Step Functions (JSONata's state data). */
export const RESERVED_VARIABLES: ReadonlySet<string> = new Set(['states']);
