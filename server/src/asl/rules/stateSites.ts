import type { ObjectNode, PropertyNode, StringNode, ValueNode } from '../ast';
import type { State } from '../model';
import { assignmentName, assignmentOwner, type Assignment } from './assignments';
import type { QueryLanguage } from './context';
import { expressionRole, type ExpressionSite } from './expressionSites';
import { jsonataExpressionOf, type JsonataSite } from './jsonataExpressions';
import { fieldLanguage } from './languageFields';
import { keptList } from './keptList';

/**
 * The values of a state's body that rules look at, sorted by what they are. The body is walked
 * once per validation and only these short lists are kept: listing every value with its own
 * copy of its path (tens of thousands on a large document) and letting each rule filter that
 * list cost more than all the rules together, mostly in garbage collection.
 *
 * The walk skips what belongs elsewhere: a Map's processor and a Parallel's branches are nested
 * scopes (their states are walked as states of their own); Retry holds only literals, read
 * directly by the Retry rules; Result is a literal whose contents no rule inspects.
 */
export interface StateSites {
  /** JSONPath states: the strings Step Functions evaluates (paths, intrinsic calls), in document order. */
  readonly expressions: readonly ExpressionSite[];
  /** The keys of the state's Assign objects (its own, its top-level choice rules', its catchers'). */
  readonly assignments: readonly Assignment[];
  /** JSONata states: every `{% %}` string (Comment excluded: it is free text). */
  readonly jsonata: readonly JsonataSite[];
  /** Fields that belong to the other query language than the state's own. */
  readonly foreignFields: readonly PropertyNode[];
  /** JSONPath states: objects with a `x.$` key and at least one other (where `x` and `x.$` may clash). */
  readonly templates: readonly ObjectNode[];
}

const NO_SITES: StateSites = {
  expressions: [],
  assignments: [],
  jsonata: [],
  foreignFields: [],
  templates: [],
};

/** State fields the walk does not enter (see above). */
const NOT_WALKED: ReadonlySet<string> = new Set(['ItemProcessor', 'Iterator', 'Retry', 'Result']);

/**
 * What a walk works with. One walk serves a whole validation: its lists and its path are
 * reused from state to state, and only each state's results are kept. A plain record and
 * functions rather than a class, for the reason given at createRuleContext (context.ts).
 */
export interface SiteWalk {
  readonly expressions: ExpressionSite[];
  readonly assignments: Assignment[];
  readonly jsonata: JsonataSite[];
  readonly foreignFields: PropertyNode[];
  readonly templates: ObjectNode[];
  /** Keys and indexes from the state's body to the value being visited, changed in place. */
  readonly path: (string | number)[];
  stateType: string | undefined;
  language: QueryLanguage;
}

export function newSiteWalk(): SiteWalk {
  return {
    expressions: [],
    assignments: [],
    jsonata: [],
    foreignFields: [],
    templates: [],
    path: [],
    stateType: undefined,
    language: 'JSONPath',
  };
}

export function collectStateSites(walk: SiteWalk, state: State, language: QueryLanguage): StateSites {
  const body = state.node;
  if (body === undefined) return NO_SITES;
  walk.stateType = state.type;
  walk.language = language;
  walk.expressions.length = 0;
  walk.assignments.length = 0;
  walk.jsonata.length = 0;
  walk.foreignFields.length = 0;
  walk.templates.length = 0;
  walkObject(walk, body);
  return {
    expressions: keptList(walk.expressions),
    assignments: keptList(walk.assignments),
    jsonata: keptList(walk.jsonata),
    foreignFields: keptList(walk.foreignFields),
    templates: keptList(walk.templates),
  };
}

function walkObject(walk: SiteWalk, node: ObjectNode): void {
  const path = walk.path;
  const atBody = path.length === 0;
  for (const child of node.properties) {
    const value = child.value;
    if (value === undefined) continue;
    const key = child.key.value;
    if (atBody && NOT_WALKED.has(key)) continue;
    path.push(key);
    visitField(walk, child, value);
    walkValue(walk, value);
    path.pop();
  }
}

function walkValue(walk: SiteWalk, node: ValueNode): void {
  const jsonPath = walk.language === 'JSONPath';
  if (node.kind === 'object') {
    if (jsonPath && isTemplateCandidate(node)) walk.templates.push(node);
    walkObject(walk, node);
  } else if (node.kind === 'array') {
    const path = walk.path;
    // Parallel branches are nested scopes.
    if (path.length === 1 && path[0] === 'Branches') return;
    const items = node.items;
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      if (item === undefined) continue;
      path.push(index);
      if (!jsonPath && item.kind === 'string') visitJsonataString(walk, item);
      walkValue(walk, item);
      path.pop();
    }
  }
}

/** A value reached through a property: everything rules ask about fields. */
function visitField(walk: SiteWalk, property: PropertyNode, value: ValueNode): void {
  const path = walk.path;
  if (walk.language === 'JSONPath') {
    const role = expressionRole(path, walk.stateType);
    if (role !== undefined) walk.expressions.push({ role, field: property.key.value, property, value });
  } else if (value.kind === 'string' && property.key.value !== 'Comment') {
    visitJsonataString(walk, value);
  }
  const owner = assignmentOwner(path);
  if (owner !== undefined) {
    walk.assignments.push({ name: assignmentName(property.key.value, walk.language), property, owner });
  }
  const language = fieldLanguage(path);
  if (language !== undefined && language !== walk.language) walk.foreignFields.push(property);
}

function visitJsonataString(walk: SiteWalk, node: StringNode): void {
  const expression = jsonataExpressionOf(node.value);
  if (expression === undefined) return;
  walk.jsonata.push({ path: [...walk.path], node, expression, start: 2 });
}

/** An object where a key `x.$` may clash with a key `x`: at least two keys, one of them ending in `.$`. */
function isTemplateCandidate(node: ObjectNode): boolean {
  const properties = node.properties;
  if (properties.length < 2) return false;
  for (const property of properties) if (property.key.value.endsWith('.$')) return true;
  return false;
}
