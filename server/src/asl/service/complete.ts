import type { StateMachine } from '../model';
import type { ParsedDocument } from '../parse';
import { completeExpression } from './completeExpressions';
import { completeKeys } from './completeKeys';
import { completeValues } from './completeValues';
import { cursorContext } from './cursor';
import type { CompletionEntry } from './types';

/**
 * Completion at an offset: keys valid for the object under the cursor, values for the field
 * under it, new states and list entries as snippets, and JSONPath / JSONata inside strings.
 */
export function completeAt(
  document: ParsedDocument,
  model: StateMachine,
  offset: number,
): readonly CompletionEntry[] {
  const context = cursorContext(document, offset);
  if (context === undefined) return [];
  if (context.kind === 'key') return completeKeys(document, model, context);
  const expression = completeExpression(document, model, context, offset);
  if (expression !== undefined) return expression;
  return completeValues(document, model, context);
}
