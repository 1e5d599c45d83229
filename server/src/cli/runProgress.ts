import type {
  Clock,
  CompiledMachine,
  ExecutionState,
  StateObserver,
  StatePathStep,
  StateVisit,
} from '../engine';

/** A run continued from a stored state: the states it was in the middle of. */
export interface ResumedRun {
  readonly machine: CompiledMachine;
  readonly state: ExecutionState;
}

/**
 * Prints each state of a run as it finishes: name, type and how long it took on the execution's
 * clock (virtual time, as the history's timestamps show it), indented under its Parallel branch
 * or Map iteration. A state that ends without an exit event (it failed, or was caught) is printed
 * as failed when the next state of its scope starts, or when the run ends. A resumed run starts
 * with the states it was in as open, so their durations count from their recorded entry.
 */
export function createProgressPrinter(
  out: (line: string) => void,
  clock: Clock,
  resumed?: ResumedRun,
): { readonly observer: StateObserver; finish(): void } {
  interface Open {
    readonly visit: StateVisit;
    readonly key: string;
    readonly enteredAt: number;
  }
  const open = new Map<string, Open>();
  if (resumed !== undefined) {
    for (const visit of openVisits(resumed))
      open.set(scopeKey(visit.visit), { ...visit, key: scopeKey(visit.visit) });
  }

  const print = (entry: Open, status: string) =>
    out(`${indent(entry.visit)}${describe(entry.visit)}  ${status}${where(entry.visit)}`);

  /** Prints as failed the open states that `within` selects by scope key, innermost first. */
  const closeWhere = (within: (key: string) => boolean) => {
    const ended = [...open.values()].filter((entry) => within(entry.key));
    ended.sort((a, b) => b.visit.path.length - a.visit.path.length);
    for (const entry of ended) {
      open.delete(entry.key);
      print(entry, 'failed');
    }
  };

  return {
    observer: {
      stateEntered(visit) {
        const key = scopeKey(visit);
        // The scope's previous state, and all nested under it, are over.
        const nested = key === '' ? '' : `${key}/`;
        closeWhere((openKey) => openKey === key || openKey.startsWith(nested));
        open.set(key, { visit, key, enteredAt: clock.now() });
        if (visit.type === 'Parallel' || visit.type === 'Map')
          out(`${indent(visit)}${describe(visit)}${where(visit)}`);
      },
      stateExited(visit) {
        const key = scopeKey(visit);
        const entry = open.get(key);
        open.delete(key);
        const children = `${key === '' ? '' : `${key}/`}${visit.name}#`;
        closeWhere((openKey) => openKey.startsWith(children));
        const took = entry === undefined ? 0 : clock.now() - entry.enteredAt;
        out(`${indent(visit)}${describe(visit)}  ${formatDuration(took)}${where(visit)}`);
      },
    },
    finish() {
      closeWhere(() => true);
    },
  };
}

/**
 * The states a stored run is inside of, outermost first: one per frame (the machine, then each
 * branch or iteration being run), except a frame whose next state is not entered yet.
 */
function openVisits({ machine, state }: ResumedRun): { visit: StateVisit; enteredAt: number }[] {
  const visits: { visit: StateVisit; enteredAt: number }[] = [];
  const path: StatePathStep[] = [];
  state.frames.forEach((frame, depth) => {
    const parent = state.frames[depth - 1];
    if (parent !== undefined && frame.kind !== 'machine')
      path.push({ state: parent.state, kind: frame.kind, index: frame.index });
    const compiled = machine.scopes[frame.scope]?.states.get(frame.state);
    if (compiled === undefined || frame.phase === 'enter') return;
    visits.push({
      visit: {
        name: frame.state,
        type: compiled.type,
        path: [...path],
        eventId: frame.enteredEventId,
        data: frame.input,
      },
      enteredAt: frame.enteredTime,
    });
  });
  return visits;
}

/** The scope a visit runs in: its enclosing states with branch or iteration indexes. */
function scopeKey(visit: StateVisit): string {
  return visit.path.map((step) => `${step.state}#${step.kind}${step.index}`).join('/');
}

function indent(visit: StateVisit): string {
  return '  '.repeat(visit.path.length + 1);
}

function describe(visit: StateVisit): string {
  return `${visit.name} (${visit.type})`;
}

function where(visit: StateVisit): string {
  const last = visit.path[visit.path.length - 1];
  return last === undefined ? '' : `  [${last.kind} ${last.index}]`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}
