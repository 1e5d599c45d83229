import * as path from 'node:path';
import {
  formatOf,
  parseDocument,
  validate,
  type AslDiagnostic,
  type ParsedDocument,
} from '../../../server/src/asl';

export const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'validation');

export function parseFile(fileName: string, text: string): ParsedDocument {
  return parseDocument(text, formatOf(fileName));
}

export function validateText(fileName: string, text: string): readonly AslDiagnostic[] {
  return validate(parseFile(fileName, text));
}
