/**
 * The preview's browser side. Until the graph arrives it shows the states as a nested list:
 * one row per state (type badge, name, StartAt mark), branches and processors indented under
 * their Parallel or Map state. It trusts nothing it receives: every message goes through
 * isToWebviewMessage, and text only ever enters the page as textContent.
 */
import type { StateTreeNode, StateTreeResult } from '../../../../server/src/protocol';
import { isToWebviewMessage, type FromWebviewMessage, type ToWebviewMessage } from '../messages';

/** What VS Code keeps for this webview across reloads: the serializer reopens the panel for it. */
interface PersistedState {
  readonly uri: string;
}

interface ShownTree {
  readonly uri: string;
  readonly startAt: string | null;
  readonly states: readonly StateTreeNode[];
}

const vscode = acquireVsCodeApi<PersistedState>();
const banner = elementById('banner');
const container = elementById('states');

/** The last tree that had states, shown while the document has errors and no states. */
let lastGood: ShownTree | undefined;
let highlighted: string | null = null;
/** The row of each state name (the first definition when a name is repeated). */
let rows = new Map<string, HTMLElement>();

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message: unknown = event.data;
  if (isToWebviewMessage(message)) handle(message);
});
container.addEventListener('keydown', moveFocus);
post({ kind: 'ready' });

function handle(message: ToWebviewMessage): void {
  switch (message.kind) {
    case 'tree':
      vscode.setState({ uri: message.uri });
      container.dataset['direction'] = message.direction;
      showTree(message.uri, message.result);
      return;
    case 'highlight':
      highlighted = message.stateName;
      applyHighlight(true);
      return;
  }
}

function showTree(uri: string, result: StateTreeResult): void {
  if (lastGood?.uri !== uri) lastGood = undefined;
  const current: ShownTree = { uri, startAt: result.startAt, states: result.states };
  if (result.states.length > 0) lastGood = current;
  const keepLastGood = result.errorCount > 0 && result.states.length === 0 && lastGood !== undefined;
  showBanner(errorBanner(result.errorCount, result.states.length > 0, keepLastGood));
  render(keepLastGood && lastGood !== undefined ? lastGood : current);
}

function errorBanner(errorCount: number, hasStates: boolean, showingLastGood: boolean): string | undefined {
  if (errorCount === 0) return undefined;
  const errors = `${errorCount} ${errorCount === 1 ? 'error' : 'errors'}`;
  if (showingLastGood) return `${errors}: showing the last good states`;
  if (!hasStates) return `${errors}: no states to show yet`;
  return `${errors}: see the Problems view`;
}

function showBanner(text: string | undefined): void {
  banner.hidden = text === undefined;
  banner.textContent = text ?? '';
}

function render(tree: ShownTree): void {
  const focused =
    document.activeElement instanceof HTMLElement ? document.activeElement.dataset['state'] : undefined;
  rows = new Map();
  if (tree.states.length === 0) {
    const empty = document.createElement('p');
    empty.className = 'empty';
    empty.textContent = 'No states yet.';
    container.replaceChildren(empty);
  } else {
    const list = stateList(tree.states, tree.startAt);
    list.setAttribute('role', 'tree');
    list.setAttribute('aria-label', 'States');
    container.replaceChildren(list);
  }
  applyHighlight(false);
  if (focused !== undefined) rows.get(focused)?.focus();
}

function stateList(states: readonly StateTreeNode[], startAt: string | null): HTMLUListElement {
  const list = document.createElement('ul');
  list.className = 'states';
  list.setAttribute('role', 'group');
  for (const state of states) list.append(stateItem(state, startAt));
  return list;
}

function stateItem(state: StateTreeNode, startAt: string | null): HTMLLIElement {
  const item = document.createElement('li');
  item.setAttribute('role', 'treeitem');
  const isStart = state.name === startAt;

  const row = document.createElement('div');
  row.className = 'row';
  row.tabIndex = 0;
  row.dataset['state'] = state.name;
  row.title = 'Go to the definition (Enter)';
  const badge = document.createElement('span');
  badge.className = state.type === null ? 'badge unknown' : 'badge';
  badge.textContent = state.type ?? 'no Type';
  const name = document.createElement('span');
  name.className = 'name';
  name.textContent = state.name;
  row.append(badge, name);
  if (isStart) {
    const start = document.createElement('span');
    start.className = 'start';
    start.textContent = '◀ StartAt';
    row.append(start);
  }
  row.setAttribute('aria-label', `${state.type ?? 'untyped'} state ${state.name}${isStart ? ', start' : ''}`);
  row.addEventListener('click', () => reveal(state));
  row.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    reveal(state);
  });
  if (!rows.has(state.name)) rows.set(state.name, row);
  item.append(row);

  if (state.scopes.length > 0) {
    const scopes = document.createElement('ul');
    scopes.className = 'scopes';
    scopes.setAttribute('role', 'group');
    for (const scope of state.scopes) {
      const scopeItem = document.createElement('li');
      scopeItem.setAttribute('role', 'treeitem');
      scopeItem.setAttribute('aria-label', scope.label);
      const label = document.createElement('div');
      label.className = 'scope-label';
      label.textContent = scope.label;
      const list = stateList(scope.states, scope.startAt);
      list.classList.add('scope-states');
      scopeItem.append(label, list);
      scopes.append(scopeItem);
    }
    item.append(scopes);
  }
  return item;
}

function applyHighlight(scroll: boolean): void {
  for (const row of container.querySelectorAll('.row.highlighted')) row.classList.remove('highlighted');
  const row = highlighted === null ? undefined : rows.get(highlighted);
  if (row === undefined) return;
  row.classList.add('highlighted');
  if (scroll) row.scrollIntoView({ block: 'nearest' });
}

function reveal(state: StateTreeNode): void {
  const { start, end } = state.selectionRange;
  post({
    kind: 'reveal',
    range: {
      start: { line: start.line, character: start.character },
      end: { line: end.line, character: end.character },
    },
  });
}

/** Up/Down/Home/End move between rows, as in VS Code's own trees. */
function moveFocus(event: KeyboardEvent): void {
  const all = [...container.querySelectorAll<HTMLElement>('.row')];
  const index = all.findIndex((row) => row === document.activeElement);
  let target: HTMLElement | undefined;
  switch (event.key) {
    case 'ArrowDown':
      target = all[Math.min(index + 1, all.length - 1)];
      break;
    case 'ArrowUp':
      target = all[Math.max(index - 1, 0)];
      break;
    case 'Home':
      target = all[0];
      break;
    case 'End':
      target = all[all.length - 1];
      break;
    default:
      return;
  }
  if (target === undefined) return;
  event.preventDefault();
  target.focus();
}

function post(message: FromWebviewMessage): void {
  vscode.postMessage(message);
}

function elementById(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`The preview page has no #${id}.`);
  return element;
}
