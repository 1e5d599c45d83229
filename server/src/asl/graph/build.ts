/**
 * buildGraph: the core's model as nodes, edges and clusters. Every scope (the machine, each
 * Parallel branch, each Map processor) gets a start marker pointing at its StartAt state and,
 * when something ends there, an end marker. Transitions to names the scope does not define go
 * to a "missing" node, so a half-typed document still draws every arrow it has.
 */
import { endOf, propertyOf, toValue, type Span, type ValueNode } from '../ast';
import type { AslDiagnostic } from '../diagnostics';
import type { LineIndex } from '../lines';
import { fieldOf, stringValue, type Scope, type State, type StateMachine } from '../model';
import { scopeLabel } from '../service/stateTree';
import { choiceLabel, truncate } from './choiceLabel';
import { resourceLabel } from './resourceLabel';
import type {
  ClusterKind,
  EdgeKind,
  GraphCluster,
  GraphEdge,
  GraphModel,
  GraphNode,
  NodeDiagnostics,
  Terminal,
  TextRange,
} from './types';

/** Tooltips list this many diagnostics of a state; the Problems view has the rest. */
const MAX_MESSAGES = 5;
/** What Step Functions assumes when a retrier has no MaxAttempts. */
const DEFAULT_MAX_ATTEMPTS = 3;

export function buildGraph(
  model: StateMachine,
  lines: LineIndex,
  diagnostics: readonly AslDiagnostic[] = [],
): GraphModel {
  const builder = new GraphBuilder(lines, diagnosticsByState(model, diagnostics));
  if (model.machine !== undefined) builder.addScope(model.machine, null, '');
  return { nodes: builder.nodes, edges: builder.edges, clusters: builder.clusters };
}

class GraphBuilder {
  readonly nodes: GraphNode[] = [];
  readonly edges: GraphEdge[] = [];
  readonly clusters: GraphCluster[] = [];

  constructor(
    private readonly lines: LineIndex,
    private readonly diagnostics: ReadonlyMap<State, readonly AslDiagnostic[]>,
  ) {}

  /** `path` prefixes the ids of everything in the scope: '' for the machine, `Owner#b0/` in a branch. */
  addScope(scope: Scope, cluster: string | null, path: string): void {
    const ids = stateIds(scope, path);
    const startId = `start:${cluster ?? 'machine'}`;
    const endId = `end:${cluster ?? 'machine'}`;
    const missing = new Map<string, string>();
    const idOf = (name: string): string => {
      const known = scope.byName.get(name);
      if (known !== undefined) return ids.get(known) ?? '';
      let id = missing.get(name);
      if (id === undefined) {
        id = `missing:${path}${name}`;
        missing.set(name, id);
      }
      return id;
    };
    const edges = new EdgeList(this.edges, cluster);

    this.nodes.push({ kind: 'start', id: startId, parent: cluster, label: 'Start' });
    const startAt = stringValue(scope.startAt?.value);
    if (startAt !== undefined) edges.add('start', startId, idOf(startAt), null);

    let ends = false;
    for (const state of scope.states) {
      const id = ids.get(state) ?? '';
      const terminal = terminalOf(state);
      this.addState(state, id, cluster, path, startAt === state.name, terminal);
      for (const [kind, target, label] of transitionsOf(state)) edges.add(kind, id, idOf(target), label);
      const retry = retryLabel(state);
      if (retry !== undefined) edges.add('retry', id, id, retry);
      if (terminal !== null) {
        edges.add('end', id, endId, null);
        ends = true;
      }
    }
    if (ends) this.nodes.push({ kind: 'end', id: endId, parent: cluster, label: 'End' });
    for (const [name, id] of missing) this.nodes.push({ kind: 'missing', id, parent: cluster, label: name });
  }

  private addState(
    state: State,
    id: string,
    parent: string | null,
    path: string,
    isStart: boolean,
    terminal: Terminal | null,
  ): void {
    const childPath = `${path}${state.name}`;
    const clusters = state.children.map((child) => ({
      scope: child,
      id: `c:${childPath}#${clusterSuffix(child.kind, child.index)}`,
    }));
    this.nodes.push({
      kind: 'state',
      id,
      parent,
      name: state.name,
      type: state.type ?? null,
      range: this.range(state.property),
      selectionRange: this.range(state.key),
      resource: resourceOf(state),
      comment: stringValue(fieldOf(state, 'Comment')?.value) ?? null,
      retriers: arrayOf(fieldOf(state, 'Retry')?.value).length,
      catchers: arrayOf(fieldOf(state, 'Catch')?.value).length,
      terminal,
      isStart,
      clusters: clusters.map((c) => c.id),
      diagnostics: summarize(this.diagnostics.get(state)),
    });
    for (const { scope, id: clusterId } of clusters) {
      this.clusters.push({ id: clusterId, owner: id, kind: clusterKind(scope), label: scopeLabel(scope) });
      this.addScope(scope, clusterId, `${childPath}#${clusterSuffix(scope.kind, scope.index)}/`);
    }
  }

  private range(span: Span): TextRange {
    return { start: this.lines.positionAt(span.offset), end: this.lines.positionAt(endOf(span)) };
  }
}

/** Collects a scope's edges with ids that stay put: kind, ends, and a number only for repeats. */
class EdgeList {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly edges: GraphEdge[],
    private readonly parent: string | null,
  ) {}

  add(kind: EdgeKind, from: string, to: string, label: string | null): void {
    const base = `${kind}:${from}->${to}`;
    const count = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, count);
    const id = count === 1 ? base : `${base}#${count}`;
    this.edges.push({ id, kind, from, to, parent: this.parent, label });
  }
}

/** Ids by state; a name repeated in one scope gets `~2`, `~3` so ids stay unique. */
function stateIds(scope: Scope, path: string): Map<State, string> {
  const ids = new Map<State, string>();
  const counts = new Map<string, number>();
  for (const state of scope.states) {
    const count = (counts.get(state.name) ?? 0) + 1;
    counts.set(state.name, count);
    ids.set(state, `s:${path}${state.name}${count === 1 ? '' : `~${count}`}`);
  }
  return ids;
}

type Transition = readonly [EdgeKind, string, string | null];

/** Next, Choice rules and Default, Catch: in document order. */
function transitionsOf(state: State): Transition[] {
  const transitions: Transition[] = [];
  if (state.type === 'Choice') {
    arrayOf(fieldOf(state, 'Choices')?.value).forEach((rule) => {
      const next = stringValue(propertyOf(rule, 'Next')?.value);
      if (next !== undefined) transitions.push(['choice', next, choiceLabel(toValue(rule))]);
    });
    const fallback = stringValue(fieldOf(state, 'Default')?.value);
    if (fallback !== undefined) transitions.push(['default', fallback, 'Default']);
  } else {
    const next = stringValue(fieldOf(state, 'Next')?.value);
    if (next !== undefined) transitions.push(['next', next, null]);
  }
  for (const catcher of arrayOf(fieldOf(state, 'Catch')?.value)) {
    const next = stringValue(propertyOf(catcher, 'Next')?.value);
    if (next !== undefined) transitions.push(['catch', next, catchLabel(catcher)]);
  }
  return transitions;
}

function catchLabel(catcher: ValueNode): string {
  const names = arrayOf(propertyOf(catcher, 'ErrorEquals')?.value)
    .map((item) => stringValue(item))
    .filter((name) => name !== undefined);
  return truncate(names.length === 0 ? 'Catch' : names.join(', '));
}

/** `retry ×5`: the most attempts the retriers allow together (MaxAttempts, 3 when absent). */
function retryLabel(state: State): string | undefined {
  const retriers = arrayOf(fieldOf(state, 'Retry')?.value);
  if (retriers.length === 0) return undefined;
  const attempts = retriers.reduce((sum, retrier) => {
    const max = propertyOf(retrier, 'MaxAttempts')?.value;
    return sum + (max?.kind === 'number' ? Math.max(0, max.value) : DEFAULT_MAX_ATTEMPTS);
  }, 0);
  return `retry ×${attempts}`;
}

function terminalOf(state: State): Terminal | null {
  if (state.type === 'Succeed') return 'succeed';
  if (state.type === 'Fail') return 'fail';
  const end = fieldOf(state, 'End')?.value;
  return end?.kind === 'boolean' && end.value ? 'end' : null;
}

function resourceOf(state: State): string | null {
  const resource = stringValue(fieldOf(state, 'Resource')?.value);
  if (resource === undefined) return null;
  const payload = fieldOf(state, 'Parameters')?.value ?? fieldOf(state, 'Arguments')?.value;
  return resourceLabel(resource, stringValue(propertyOf(payload, 'FunctionName')?.value));
}

function clusterKind(scope: Scope): ClusterKind {
  return scope.kind === 'machine' ? 'branch' : scope.kind;
}

function clusterSuffix(kind: Scope['kind'], index: number): string {
  return kind === 'branch' ? `b${index}` : kind === 'iterator' ? 'it' : 'p';
}

function arrayOf(node: ValueNode | undefined): readonly ValueNode[] {
  return node?.kind === 'array' ? node.items : [];
}

/** Each diagnostic belongs to the innermost state whose definition contains its start. */
function diagnosticsByState(
  model: StateMachine,
  diagnostics: readonly AslDiagnostic[],
): Map<State, AslDiagnostic[]> {
  const byState = new Map<State, AslDiagnostic[]>();
  const states = model.states; // sorted by offset: an inner state comes after its owner
  for (const diagnostic of diagnostics) {
    const state = innermostAt(states, diagnostic.offset);
    if (state === undefined) continue;
    const list = byState.get(state);
    if (list === undefined) byState.set(state, [diagnostic]);
    else list.push(diagnostic);
  }
  return byState;
}

function innermostAt(states: readonly State[], offset: number): State | undefined {
  let low = 0;
  let high = states.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((states[mid]?.property.offset ?? 0) <= offset) low = mid + 1;
    else high = mid;
  }
  // The last state starting at or before the offset, or an owner of it, contains the offset.
  for (let i = low - 1; i >= 0; i--) {
    const state = states[i];
    if (state !== undefined && offset < endOf(state.property)) return state;
  }
  return undefined;
}

function summarize(diagnostics: readonly AslDiagnostic[] | undefined): NodeDiagnostics | null {
  if (diagnostics === undefined) return null;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors + warnings === 0) return null;
  return {
    errors,
    warnings,
    messages: diagnostics
      .filter((d) => d.severity === 'error' || d.severity === 'warning')
      .slice(0, MAX_MESSAGES)
      .map((d) => `${d.code}: ${d.message}`),
  };
}
