import { parseJsonPath } from '../../asl/paths/parser';
import type { JsonPath } from '../../asl/paths/ast';
import type { JsonValue } from '../json';
import {
  compileExpression as compileTemplateExpression,
  compilePayload as compileTemplate,
} from '../payload';
import type { CompiledPayload } from '../payload';

/**
 * Paths and payload templates as the compiled definition holds them: parsed once, when the
 * definition is compiled. Evaluation belongs to engine/jsonpath and engine/payload.
 */
export interface PathRef {
  readonly source: string;
  readonly path: JsonPath;
}

/** A Parameters / ResultSelector / ItemSelector template, its expressions parsed. */
export interface PayloadRef {
  readonly compiled: CompiledPayload;
}

export class DefinitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DefinitionError';
  }
}

export function compilePath(source: string, where: string): PathRef {
  const parsed = parseJsonPath(source);
  if (!parsed.ok)
    throw new DefinitionError(`${where}: '${source}' is not a valid path: ${parsed.problem.message}`);
  return { source, path: parsed.path };
}

export function compilePayload(template: JsonValue): PayloadRef {
  return { compiled: compileTemplate(template) };
}

/** A field holding one path or intrinsic call (Fail's ErrorPath): `key` names it in causes, e.g. `ErrorPath.$`. */
export function compileExpression(key: string, source: string): PayloadRef {
  return { compiled: compileTemplateExpression(key, source) };
}
