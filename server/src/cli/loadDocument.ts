import { buildModel, formatOf, parseDocument, type ParsedDocument, type StateMachine } from '../asl';
import { readText, type CliIo } from './io';

export interface LoadedDocument {
  readonly file: string;
  readonly parsed: ParsedDocument;
  readonly model: StateMachine;
}

/** Reads and parses a workflow file; an unreadable file is a usage error naming the file. */
export async function loadDocument(io: CliIo, file: string): Promise<LoadedDocument> {
  const parsed = parseDocument(await readText(io, file), formatOf(file));
  return { file, parsed, model: buildModel(parsed) };
}
