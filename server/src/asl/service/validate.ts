import type { AslDiagnostic } from '../diagnostics';
import { buildModel, type StateMachine } from '../model';
import type { ParsedDocument } from '../parse';
import { runRules } from '../rules/runRules';
import { checkSchema } from '../schema/checkSchema';

export interface ValidateOptions {
  /** Codes to leave out (the `stepwise.validation.disabledRules` setting). */
  readonly disabledRules?: Iterable<string>;
}

/**
 * All diagnostics of a document, in document order: syntax errors of the parser, then the
 * schema's shape errors and the semantic rules' findings. Every caller (server, CLI,
 * debugger) goes through here, so they all report the same things. Pass the model when the
 * caller has built it already (the language server keeps one per document version).
 */
export function validate(
  document: ParsedDocument,
  options: ValidateOptions = {},
  model: StateMachine = buildModel(document),
): readonly AslDiagnostic[] {
  const disabled = new Set(options.disabledRules ?? []);
  const found = [...document.errors, ...checkSchema(document, model), ...runRules(document, model, disabled)];
  const kept = oneErrorPerPlace(found.filter((d) => !disabled.has(d.code)));
  // Array.prototype.sort is stable: at one offset, parse errors stay before schema and rule findings.
  return kept.sort((a, b) => a.offset - b.offset);
}

/**
 * Two layers may object to the same characters (the schema says a field is not allowed, a rule
 * that it belongs to the other query language). One error per place is clearer: the first
 * layer's wins, in the order parser, schema, rules.
 */
function oneErrorPerPlace(diagnostics: readonly AslDiagnostic[]): AslDiagnostic[] {
  const places = new Set<string>();
  return diagnostics.filter((d) => {
    if (d.severity !== 'error') return true;
    const place = `${d.offset}:${d.length}`;
    if (places.has(place)) return false;
    places.add(place);
    return true;
  });
}
