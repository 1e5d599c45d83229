import { parseIntrinsic } from '../asl/intrinsics/parser';
import { classifyPayloadString, parseJsonPath } from '../asl/paths';
import {
  evaluateAt,
  type CompiledMachine,
  type ExecutionState,
  type Inspection,
  type JsonValue,
} from '../engine';

/**
 * Expressions typed by the user (Debug Console, watches, breakpoint conditions, logpoints)
 * evaluated by the engine itself, never by JavaScript: a JSONPath (`$.amount`, `$$.State.Name`,
 * `$total`) or an intrinsic call (`States.ArrayLength($.items)`) when the text reads as one,
 * JSONata otherwise (`$.amount > 100`, `$sum($.items)`, or any `{% ... %}`).
 */
export type ExpressionLanguage = 'JSONPath' | 'JSONata';

export function languageOf(text: string): { readonly language: ExpressionLanguage; readonly source: string } {
  const trimmed = text.trim();
  if (trimmed.startsWith('{%') && trimmed.endsWith('%}') && trimmed.length >= 4) {
    return { language: 'JSONata', source: trimmed.slice(2, -2).trim() };
  }
  // `$states` exists only in JSONata (a JSONPath would read it as a workflow variable).
  if (/^\$states\b/.test(trimmed)) return { language: 'JSONata', source: trimmed };
  switch (classifyPayloadString(trimmed)) {
    case 'path':
    case 'context-path':
    case 'variable-path':
      return { language: parseJsonPath(trimmed).ok ? 'JSONPath' : 'JSONata', source: trimmed };
    case 'intrinsic':
      return { language: parseIntrinsic(trimmed).ok ? 'JSONPath' : 'JSONata', source: trimmed };
    case 'invalid':
      return { language: 'JSONata', source: trimmed };
  }
}

/** Evaluates `text` over `data` as the state in `frames[frameIndex]` would see it. */
export async function evaluateText(
  machine: CompiledMachine,
  state: ExecutionState,
  frameIndex: number,
  text: string,
  data: JsonValue,
): Promise<Inspection> {
  const { language, source } = languageOf(text);
  if (source === '') return { ok: false, error: 'Empty', cause: 'There is no expression to evaluate.' };
  return evaluateAt(machine, state, frameIndex, source, language, data);
}

/** A breakpoint condition holds when its value is truthy; one that fails to evaluate does not hold. */
export function isTruthy(inspection: Inspection): boolean {
  if (!inspection.ok) return false;
  const value = inspection.value;
  if (Array.isArray(value)) return value.length > 0;
  return value !== null && value !== false && value !== 0 && value !== '';
}
