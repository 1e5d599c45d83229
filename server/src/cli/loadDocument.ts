import { buildModel, formatOf, parseDocument, type ParsedDocument, type StateMachine } from '../asl';
import { UsageError, type CliIo } from './io';

export interface LoadedDocument {
  readonly file: string;
  readonly parsed: ParsedDocument;
  readonly model: StateMachine;
}

/** Reads and parses a workflow file; an unreadable file is a usage error naming the file. */
export async function loadDocument(io: CliIo, file: string): Promise<LoadedDocument> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new UsageError(`cannot read '${file}' (${reason})`);
  }
  // Editors may save a byte order mark; it is not part of the document.
  const parsed = parseDocument(text.startsWith('\uFEFF') ? text.slice(1) : text, formatOf(file));
  return { file, parsed, model: buildModel(parsed) };
}
