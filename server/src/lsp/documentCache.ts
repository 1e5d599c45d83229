import {
  buildModel,
  validate,
  type AslDiagnostic,
  formatOf,
  parseDocument,
  type DocumentFormat,
  type ParsedDocument,
  type StateMachine,
} from '../asl';

export interface AnalyzedDocument {
  readonly version: number;
  readonly parsed: ParsedDocument;
  readonly model: StateMachine;
  /**
   * The version's diagnostics, validated once per set of disabled rules: the diagnostics run,
   * the state tree and the graph requests of one version all read the same result.
   */
  diagnostics(disabledRules: readonly string[]): readonly AslDiagnostic[];
}

/** Parses and validates each document version once; every handler asks here instead of doing it again. */
export class DocumentCache {
  private readonly entries = new Map<string, AnalyzedDocument>();

  get(uri: string, languageId: string, version: number, text: () => string): AnalyzedDocument {
    const cached = this.entries.get(uri);
    if (cached !== undefined && cached.version === version) return cached;
    const parsed = parseDocument(text(), formatOfDocument(uri, languageId));
    const model = buildModel(parsed);
    let validated: { rules: readonly string[]; diagnostics: readonly AslDiagnostic[] } | undefined;
    const entry: AnalyzedDocument = {
      version,
      parsed,
      model,
      diagnostics: (rules) => {
        // Settings are replaced as a whole when they change, so the array itself tells.
        if (validated?.rules !== rules) {
          validated = { rules, diagnostics: validate(parsed, { disabledRules: rules }, model) };
        }
        return validated.diagnostics;
      },
    };
    this.entries.set(uri, entry);
    return entry;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}

/** The language id decides (asl, json: JSON; asl-yaml, yaml: YAML); any other id falls back to the file name. */
function formatOfDocument(uri: string, languageId: string): DocumentFormat {
  if (languageId === 'asl' || languageId === 'json') return 'json';
  if (languageId === 'asl-yaml' || languageId === 'yaml') return 'yaml';
  return formatOf(uri);
}
