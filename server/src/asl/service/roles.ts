import { propertyOf, type ObjectNode, type ValueNode } from '../ast';
import type { Scope, State, StateMachine } from '../model';
import { childOf, type PathSegment } from '../queries';
import { languageValue, type QueryLanguage } from '../rules/context';

/**
 * What an object of the definition is, from its path: the machine, a state, a retrier, a
 * payload template... Computed from the path alone, so it works for objects that are still
 * being typed and do not exist in the tree yet.
 */
export type RoleKind =
  | 'machine'
  | 'states'
  | 'state'
  | 'branch'
  | 'processor'
  | 'processorConfig'
  | 'retrier'
  | 'catcher'
  | 'choiceRule'
  | 'nestedRule'
  | 'itemReader'
  | 'readerConfig'
  | 'itemBatcher'
  | 'resultWriter'
  | 'writerConfig'
  | 'credentials'
  | 'assign'
  | 'payload'
  | 'list'
  | 'other';

export interface Role {
  readonly kind: RoleKind;
  /** The state the object belongs to (the state itself for 'state'). */
  readonly state: State | undefined;
  /** The scope whose states are visible here (for state names). */
  readonly scope: Scope | undefined;
  /** For 'list': what its items are. */
  readonly items: RoleKind | undefined;
  /** For 'payload': the field that holds the template (Parameters, Arguments, ...). */
  readonly field: string | undefined;
  readonly queryLanguage: QueryLanguage;
}

const PAYLOAD_FIELDS = new Set([
  'Parameters',
  'Arguments',
  'ItemSelector',
  'ResultSelector',
  'Output',
  'Result',
  'BatchInput',
]);

/** The role of the object at `path`, and of each object on the way. */
export function roleAt(model: StateMachine, path: readonly PathSegment[]): Role {
  const index = modelIndex(model);
  const machineLanguage = languageOf(model.root) ?? 'JSONPath';
  let role: Role = {
    kind: 'machine',
    state: undefined,
    scope: model.machine,
    items: undefined,
    field: undefined,
    queryLanguage: machineLanguage,
  };
  let node: ValueNode | undefined = model.root;
  for (const segment of path) {
    const child = childOf(node, segment);
    role = next(role, segment, child, index, machineLanguage);
    node = child;
  }
  return role;
}

interface RoleChange {
  readonly state?: State | undefined;
  readonly scope?: Scope | undefined;
  readonly items?: RoleKind;
  readonly field?: string;
  readonly queryLanguage?: QueryLanguage;
}

function next(
  role: Role,
  segment: PathSegment,
  child: ValueNode | undefined,
  index: ModelIndex,
  machineLanguage: QueryLanguage,
): Role {
  const make = (kind: RoleKind, extra: RoleChange = {}): Role => ({
    kind,
    state: 'state' in extra ? extra.state : role.state,
    scope: 'scope' in extra ? extra.scope : role.scope,
    items: extra.items,
    field: extra.field,
    queryLanguage: extra.queryLanguage ?? role.queryLanguage,
  });
  const list = (items: RoleKind): Role => make('list', { items });
  if (typeof segment === 'number') {
    if (role.kind !== 'list' || role.items === undefined)
      return make(role.kind === 'payload' ? 'payload' : 'other');
    if (role.items === 'branch') {
      const scope = child?.kind === 'object' ? index.scopeByNode.get(child) : undefined;
      return make('branch', { scope });
    }
    return make(role.items);
  }
  switch (role.kind) {
    case 'machine':
    case 'branch':
    case 'processor':
      if (segment === 'States') return make('states');
      if (segment === 'ProcessorConfig' && role.kind === 'processor') return make('processorConfig');
      return make('other');
    case 'states': {
      const state = child?.kind === 'object' ? index.stateByNode.get(child) : role.scope?.byName.get(segment);
      const language = languageOf(state?.node) ?? machineLanguage;
      return make('state', { state, queryLanguage: language });
    }
    case 'state':
      switch (segment) {
        case 'Retry':
          return list('retrier');
        case 'Catch':
          return list('catcher');
        case 'Choices':
          return list('choiceRule');
        case 'Branches':
          return list('branch');
        case 'ItemProcessor':
        case 'Iterator': {
          const scope = child?.kind === 'object' ? index.scopeByNode.get(child) : undefined;
          return make(segment === 'ItemProcessor' ? 'processor' : 'branch', { scope });
        }
        case 'ItemReader':
          return make('itemReader');
        case 'ItemBatcher':
          return make('itemBatcher');
        case 'ResultWriter':
          return make('resultWriter');
        case 'Credentials':
          return make('credentials');
        case 'Assign':
          return make('assign');
        default:
          return PAYLOAD_FIELDS.has(segment) ? make('payload', { field: segment }) : make('other');
      }
    case 'choiceRule':
    case 'nestedRule':
      if (segment === 'And' || segment === 'Or') return list('nestedRule');
      if (segment === 'Not') return make('nestedRule');
      if (segment === 'Assign') return make('assign');
      return segment === 'Output' ? make('payload', { field: segment }) : make('other');
    case 'catcher':
      if (segment === 'Assign') return make('assign');
      return segment === 'Output' ? make('payload', { field: segment }) : make('other');
    case 'itemReader':
      if (segment === 'ReaderConfig') return make('readerConfig');
      return segment === 'Parameters' || segment === 'Arguments'
        ? make('payload', { field: segment })
        : make('other');
    case 'resultWriter':
      if (segment === 'WriterConfig') return make('writerConfig');
      return segment === 'Parameters' || segment === 'Arguments'
        ? make('payload', { field: segment })
        : make('other');
    case 'itemBatcher':
      return segment === 'BatchInput' ? make('payload', { field: segment }) : make('other');
    case 'payload':
    case 'assign':
      return make('payload', { field: role.field ?? segment });
    default:
      return make('other');
  }
}

function languageOf(node: ValueNode | undefined): QueryLanguage | undefined {
  return languageValue(propertyOf(node, 'QueryLanguage')?.value);
}

/** The query language a state uses: its own setting, else the machine's, else JSONPath. */
export function queryLanguageOf(model: StateMachine, state: State | undefined): QueryLanguage {
  return languageOf(state?.node) ?? languageOf(model.root) ?? 'JSONPath';
}

export interface ModelIndex {
  readonly stateByNode: ReadonlyMap<ObjectNode, State>;
  readonly scopeByNode: ReadonlyMap<ObjectNode, Scope>;
}

const indexes = new WeakMap<StateMachine, ModelIndex>();

/** Node → state and node → scope lookups, built once per model. */
function modelIndex(model: StateMachine): ModelIndex {
  const cached = indexes.get(model);
  if (cached !== undefined) return cached;
  const stateByNode = new Map<ObjectNode, State>();
  for (const state of model.states) if (state.node !== undefined) stateByNode.set(state.node, state);
  const scopeByNode = new Map<ObjectNode, Scope>();
  for (const scope of model.scopes) scopeByNode.set(scope.node, scope);
  const index = { stateByNode, scopeByNode };
  indexes.set(model, index);
  return index;
}
