/**
 * Path fields that must find something (InputPath, OutputPath, ItemsPath, SecondsPath,
 * TimeoutSecondsPath, ...): a definite path that selects nothing fails with States.Runtime and
 * the cause AWS gives, e.g. "Invalid path '$.no.such.result.path' : Missing property in path
 * $['no']" (recorded for OutputPath) or "Invalid path '$.X' : No results for path: $['X']".
 */
import type { JsonPath } from '../../asl/paths/ast';
import { fail } from '../errors';
import type { JsonValue } from '../json';
import type { PathRoots } from './evaluate';
import { evaluatePath } from './evaluate';
import { explainMissing } from './explain';

export function requirePath(path: JsonPath, roots: PathRoots): JsonValue {
  const value = evaluatePath(path, roots);
  if (value === undefined)
    fail('States.Runtime', `Invalid path '${path.text}' : ${explainMissing(path, roots)}`);
  return value;
}
