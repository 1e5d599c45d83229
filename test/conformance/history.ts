import type { JsonValue } from '../../server/src/engine';
import { isRecord } from '../../server/src/guards';
import { parsedIfJson } from './compare';

/**
 * Compares the engine's history with AWS's recorded one: event types, previousEventId and
 * every detail field, in order, without timestamps. The recorder masked some values (ARNs,
 * names, regions as `<...>` placeholders) and some event ids (`[0]` for events of concurrent
 * branches, which it also reordered): a placeholder string matches any string, and masked
 * events must all appear, in any order, among the engine's events not matched by id.
 */
export function diffHistory(
  expected: readonly JsonValue[],
  actual: readonly { readonly [key: string]: JsonValue }[],
): string[] {
  const problems: string[] = [];
  const byId = new Map<number, { readonly [key: string]: JsonValue }>();
  for (const event of actual) if (typeof event['id'] === 'number') byId.set(event['id'], event);
  const claimed = new Set<number>();
  const masked: { readonly [key: string]: JsonValue }[] = [];
  let lastId = 0;
  for (const event of expected) {
    if (!isRecord(event)) continue;
    const id = event['id'];
    if (typeof id !== 'number') {
      masked.push(toRecord(event));
      continue;
    }
    lastId = Math.max(lastId, id);
    claimed.add(id);
    const mine = byId.get(id);
    if (mine === undefined) {
      problems.push(`event ${id} ${JSON.stringify(event['type'])}: missing`);
      continue;
    }
    const diffs: string[] = [];
    compareEvent(toRecord(event), mine, true, diffs);
    if (diffs.length > 0) problems.push(`event ${id}: ${diffs.join('; ')}`);
    if (problems.length > 5) return problems;
  }
  const unclaimed = actual.filter((event) => typeof event['id'] === 'number' && !claimed.has(event['id']));
  for (const event of masked) {
    const at = unclaimed.findIndex((mine) => {
      const diffs: string[] = [];
      compareEvent(event, mine, false, diffs);
      return diffs.length === 0;
    });
    if (at < 0) problems.push(`no event like ${JSON.stringify(event).slice(0, 200)}`);
    else unclaimed.splice(at, 1);
  }
  if (actual.length > lastId && expected.length > 0 && masked.length === 0) {
    problems.push(
      `${actual.length - lastId} events more than recorded (${JSON.stringify(actual[lastId]?.['type'])} first)`,
    );
  }
  return problems;
}

function toRecord(value: Record<string, unknown>): { readonly [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = {};
  for (const [key, item] of Object.entries(value)) out[key] = toJsonValue(item);
  return out;
}

function toJsonValue(value: unknown): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (isRecord(value)) return toRecord(value);
  return null;
}

function compareEvent(
  expected: { readonly [key: string]: JsonValue },
  actual: { readonly [key: string]: JsonValue },
  withIds: boolean,
  diffs: string[],
): void {
  if (expected['type'] !== actual['type']) {
    diffs.push(`type ${JSON.stringify(expected['type'])} got ${JSON.stringify(actual['type'])}`);
    return;
  }
  if (withIds && expected['previousEventId'] !== actual['previousEventId']) {
    diffs.push(
      `previousEventId ${JSON.stringify(expected['previousEventId'])} got ${JSON.stringify(actual['previousEventId'])}`,
    );
  }
  for (const [key, value] of Object.entries(expected)) {
    if (key === 'id' || key === 'previousEventId' || key === 'type' || key === 'timestamp') continue;
    sameValue(value, actual[key], key, diffs);
  }
  for (const key of Object.keys(actual)) {
    if (key !== 'timestamp' && !Object.hasOwn(expected, key)) diffs.push(`${key}: unexpected`);
  }
}

/** Values the recorder put in place of ids, ARNs, dates and random numbers. */
const PLACEHOLDERS = new Set([
  'snf_role_arn',
  'sfn_role_arn',
  'date',
  'timestamp',
  'start-time',
  'entered-time',
  'map_run_arn',
  'RandomNumberGenerated',
  'lambda_function_name',
]);

function isPlaceholder(value: string): boolean {
  return /<[^>]+>/.test(value) || PLACEHOLDERS.has(value) || isQuotedPlaceholder(value);
}

/** A string variable's value in assignedVariables is JSON text: `"date"` with its quotes. */
function isQuotedPlaceholder(value: string): boolean {
  if (value.length < 3 || !value.startsWith('"') || !value.endsWith('"')) return false;
  const inner = value.slice(1, -1);
  return PLACEHOLDERS.has(inner);
}

function sameValue(
  expected: JsonValue | undefined,
  actual: JsonValue | undefined,
  where: string,
  diffs: string[],
): void {
  const e = parsedIfJson(expected);
  const a = parsedIfJson(actual);
  if (typeof e === 'string' && isPlaceholder(e)) {
    if (typeof a !== 'string' && a !== undefined)
      diffs.push(`${where}: expected a string got ${JSON.stringify(a)?.slice(0, 80)}`);
    return;
  }
  if (e === null || typeof e !== 'object') {
    // The recorder stored some scalar JSON texts ("1", "true") parsed: compare them as text.
    if (e !== a && !(typeof a === 'string' && typeof e !== 'string' && JSON.stringify(e) === a))
      diffs.push(
        `${where}: expected ${JSON.stringify(e)?.slice(0, 80)} got ${JSON.stringify(a)?.slice(0, 80)}`,
      );
    return;
  }
  if (Array.isArray(e)) {
    if (!Array.isArray(a) || a.length !== e.length) {
      diffs.push(
        `${where}: expected ${JSON.stringify(e).slice(0, 80)} got ${JSON.stringify(a)?.slice(0, 80)}`,
      );
      return;
    }
    e.forEach((item, i) => sameValue(item, a[i], `${where}[${i}]`, diffs));
    return;
  }
  if (a === null || typeof a !== 'object' || Array.isArray(a) || a === undefined) {
    diffs.push(`${where}: expected an object got ${JSON.stringify(a)?.slice(0, 80)}`);
    return;
  }
  for (const [key, value] of Object.entries(e)) sameValue(value, a[key], `${where}.${key}`, diffs);
  for (const key of Object.keys(a)) if (!Object.hasOwn(e, key)) diffs.push(`${where}.${key}: unexpected`);
}
