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

/**
 * A path inside a payload template or an intrinsic call found nothing: the cause names the
 * field (`value.$`) when there is one and shows the value the path searched as compact JSON.
 */
export function pathNotFound(path: JsonPath, roots: PathRoots, field: string | undefined): never {
  const searched =
    path.root.kind === 'context'
      ? roots.context
      : path.root.kind === 'variable'
        ? roots.variables
        : roots.input;
  const shown = typeof searched === 'function' ? searched() : searched;
  const where = field === undefined ? '' : ` specified for the field '${field}'`;
  return fail(
    'States.Runtime',
    `The JSONPath '${path.text}'${where} could not be found in the input '${JSON.stringify(shown)}'`,
  );
}
