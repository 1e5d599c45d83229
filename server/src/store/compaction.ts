import { randomBytes } from 'node:crypto';
import type { ExecutionState, Frame, JsonValue, VariableScope } from '../engine';
import { isRecord } from '../guards';
import { checkpointOf, isCheckpoint, type Checkpoint } from './format';

/**
 * Checkpoints without the quadratic part. Written whole after every event, a 2,000-item Map
 * would write its input, its items and its results so far thousands of times. Two facts of
 * the engine keep lines small instead:
 * - JSON payloads are immutable (replaced, never changed in place), so a payload already
 *   written is written again as `{"$v": id}`, its definition being in the line that first
 *   wrote it (the line's `defs`);
 * - a Map/Parallel's items never change once started and its results only grow, so a line
 *   refers to the line that last wrote them: `{"$ref": eventId, "frame": i, "tail": [...]}`
 *   (items: the same array; results: the same array plus what was added since).
 * Arrays and payloads are recognised by identity, never by content.
 */

export type Defs = Record<string, JsonValue>;

interface Written {
  readonly eventId: number;
  readonly frame: number;
  readonly length: number;
}

type Encoded = unknown;

export class CheckpointEncoder {
  /** Ids unique to this writer: a resumed run appends with a new encoder. */
  private readonly prefix = `${randomBytes(4).toString('hex')}.`;
  private counter = 0;
  private ids = new WeakMap<object, string>();
  private items = new WeakMap<object, Written>();
  private results = new WeakMap<object, Written>();

  /** Forget what was written: after a rewind, lines past it are void, so nothing may refer to them. */
  reset(): void {
    this.ids = new WeakMap();
    this.items = new WeakMap();
    this.results = new WeakMap();
  }

  encode(state: ExecutionState, eventId: number): { state: Encoded; defs: Defs } {
    const defs: Defs = {};
    const plain = checkpointOf(state);
    const encoded = {
      ...plain,
      frames: plain.frames.map((frame, index) => this.frame(frame, index, eventId, defs)),
      variables: this.scope(plain.variables, defs),
      result:
        plain.result === undefined
          ? undefined
          : { ...plain.result, output: this.payload(plain.result.output, defs) },
    };
    return { state: encoded, defs };
  }

  private frame(frame: Frame, index: number, eventId: number, defs: Defs): Encoded {
    const fan = frame.fan;
    return {
      ...frame,
      input: this.payload(frame.input, defs),
      effectiveInput: this.payload(frame.effectiveInput, defs),
      output: this.payload(frame.output, defs),
      mapItem:
        frame.mapItem === undefined
          ? undefined
          : { ...frame.mapItem, value: this.payload(frame.mapItem.value, defs) },
      variables: frame.variables === undefined ? undefined : this.scope(frame.variables, defs),
      assigned:
        frame.assigned === undefined
          ? undefined
          : { ...frame.assigned, values: this.values(frame.assigned.values, defs) },
      fan:
        fan === undefined
          ? undefined
          : {
              ...fan,
              items: this.array(this.items, fan.items, index, eventId, true, defs),
              results: this.array(this.results, fan.results, index, eventId, false, defs),
            },
    };
  }

  private scope(scope: VariableScope, defs: Defs): Encoded {
    return { ...scope, values: this.values(scope.values, defs) };
  }

  private values(values: { readonly [name: string]: JsonValue }, defs: Defs): Encoded {
    const out: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(values)) out[name] = this.payload(value, defs);
    return out;
  }

  private payload(value: JsonValue | undefined, defs: Defs): Encoded {
    if (value === undefined || value === null || typeof value !== 'object') return value;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = `${this.prefix}${this.counter++}`;
      this.ids.set(value, id);
      defs[id] = value;
    }
    return { $v: id };
  }

  private array(
    seen: WeakMap<object, Written>,
    array: JsonValue[],
    frame: number,
    eventId: number,
    exact: boolean,
    defs: Defs,
  ): Encoded {
    const known = seen.get(array);
    const reusable =
      known !== undefined &&
      known.frame === frame &&
      known.eventId < eventId &&
      (exact ? array.length === known.length : array.length >= known.length);
    // Results chain from line to line (each holds only what is new); items point at the one full copy.
    if (!exact || !reusable) seen.set(array, { eventId, frame, length: array.length });
    const from = reusable ? known.length : 0;
    const encoded = array.slice(from).map((item) => this.payload(item, defs));
    return reusable ? { $ref: known.eventId, frame, tail: encoded } : encoded;
  }
}

/**
 * The checkpoint a line holds, with its payloads (`defs`, gathered from every line read) and
 * references to earlier lines (`rawAt`) resolved. Undefined when the line is damaged.
 */
export function decodeCheckpoint(
  raw: unknown,
  rawAt: (eventId: number) => unknown,
  defs: ReadonlyMap<string, JsonValue>,
): Checkpoint | undefined {
  if (!isRecord(raw) || !isArray(raw['frames'])) return undefined;
  const payload = (value: unknown): unknown => {
    if (!isRecord(value)) return value;
    const id = value['$v'];
    return typeof id === 'string' ? defs.get(id) : value;
  };
  const values = (value: unknown): unknown => {
    if (!isRecord(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) out[name] = payload(item);
    return out;
  };
  const scope = (value: unknown): unknown =>
    isRecord(value) ? { ...value, values: values(value['values']) } : value;
  const frames: unknown[] = [];
  for (const frame of raw['frames']) {
    if (!isRecord(frame)) return undefined;
    const decoded: Record<string, unknown> = {
      ...frame,
      input: payload(frame['input']),
      effectiveInput: payload(frame['effectiveInput']),
      output: payload(frame['output']),
      variables: scope(frame['variables']),
    };
    const mapItem = frame['mapItem'];
    if (isRecord(mapItem)) decoded['mapItem'] = { ...mapItem, value: payload(mapItem['value']) };
    const assigned = frame['assigned'];
    if (isRecord(assigned)) decoded['assigned'] = { ...assigned, values: values(assigned['values']) };
    const fan = frame['fan'];
    if (isRecord(fan)) {
      const items = resolve(fan['items'], 'items', rawAt);
      const results = resolve(fan['results'], 'results', rawAt);
      if (items === undefined || results === undefined) return undefined;
      decoded['fan'] = { ...fan, items: items.map(payload), results: results.map(payload) };
    }
    frames.push(decoded);
  }
  const result = raw['result'];
  const decoded: unknown = {
    ...raw,
    frames,
    variables: scope(raw['variables']),
    result: isRecord(result) ? { ...result, output: payload(result['output']) } : result,
  };
  return isCheckpoint(decoded) ? decoded : undefined;
}

/** Follows a chain of references back to a full array (iteratively: results chains are long). */
function resolve(
  value: unknown,
  field: 'items' | 'results',
  rawAt: (eventId: number) => unknown,
): unknown[] | undefined {
  const tails: unknown[][] = [];
  let current = value;
  for (;;) {
    if (isArray(current)) {
      const full = [...current];
      // Item by item: a spread of a long tail (a distributed Map's silent children) overflows the stack.
      for (let i = tails.length - 1; i >= 0; i--) for (const item of tails[i] ?? []) full.push(item);
      return full;
    }
    if (!isRecord(current) || typeof current['$ref'] !== 'number' || typeof current['frame'] !== 'number')
      return undefined;
    const tail = current['tail'];
    if (!isArray(tail)) return undefined;
    tails.push(tail);
    const earlier = rawAt(current['$ref']);
    const frames = isRecord(earlier) ? earlier['frames'] : undefined;
    const frame: unknown = isArray(frames) ? frames[current['frame']] : undefined;
    const fan = isRecord(frame) ? frame['fan'] : undefined;
    const next = isRecord(fan) ? fan[field] : undefined;
    // A reference always points back; one that does not is damage, not a loop to follow.
    if (isRecord(next) && typeof next['$ref'] === 'number' && next['$ref'] >= current['$ref'])
      return undefined;
    current = next;
  }
}

function isArray(value: unknown): value is unknown[] {
  return Array.isArray(value);
}
