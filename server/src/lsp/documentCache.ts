import {
  buildModel,
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
}

/** Parses each document version once; every handler asks here instead of parsing again. */
export class DocumentCache {
  private readonly entries = new Map<string, AnalyzedDocument>();

  get(uri: string, languageId: string, version: number, text: () => string): AnalyzedDocument {
    const cached = this.entries.get(uri);
    if (cached !== undefined && cached.version === version) return cached;
    const parsed = parseDocument(text(), formatOfDocument(uri, languageId));
    const entry = { version, parsed, model: buildModel(parsed) };
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
