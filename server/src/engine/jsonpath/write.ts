/**
 * ResultPath: puts a value at a reference path inside the state input and returns the new
 * document. Missing objects along the way are created; the input itself is never changed
 * (objects and arrays on the path are copied, everything else is shared). When the path
 * cannot be applied (a member of something that is not an object, an index past the end of an
 * array, a root other than `$`), Step Functions fails with States.ResultPathMatchFailure and
 * the cause "Unable to apply ReferencePath <path> to input <input as a JSON string>".
 */
import type { JsonPath } from '../../asl/paths/ast';
import { fail } from '../errors';
import type { JsonValue } from '../json';
import { isJsonObject } from '../json';

export function writeAtPath(target: JsonValue, path: JsonPath, value: JsonValue): JsonValue {
  const steps = path.steps;
  if (steps === undefined || path.root.kind !== 'input') return cannotApply(path, target);
  return writeSteps(target, steps, 0, value, path, target);
}

function writeSteps(
  node: JsonValue | undefined,
  steps: readonly (string | number)[],
  index: number,
  value: JsonValue,
  path: JsonPath,
  target: JsonValue,
): JsonValue {
  const step = steps[index];
  if (step === undefined) return value;
  if (typeof step === 'string') {
    if (node !== undefined && !isJsonObject(node)) return cannotApply(path, target);
    const copy = node === undefined ? {} : { ...node };
    copy[step] = writeSteps(
      Object.hasOwn(copy, step) ? copy[step] : undefined,
      steps,
      index + 1,
      value,
      path,
      target,
    );
    return copy;
  }
  if (!Array.isArray(node) || step < 0 || step >= node.length) return cannotApply(path, target);
  const copy = node.slice();
  copy[step] = writeSteps(node[step], steps, index + 1, value, path, target);
  return copy;
}

function cannotApply(path: JsonPath, target: JsonValue): never {
  fail(
    'States.ResultPathMatchFailure',
    `Unable to apply ReferencePath ${path.text} to input ${JSON.stringify(JSON.stringify(target))}`,
  );
}
