import { getLanguageService, getYamlLanguageService, TextDocument } from 'amazon-states-language-service';
import type { DocumentFormat } from '../../server/src/asl';

/** Validates a text and gives the number of diagnostics. */
export type Validator = (text: string) => Promise<number>;

/**
 * amazon-states-language-service (the AWS Toolkit's ASL support) driven the way an editor drives
 * it: one service per format, a new TextDocument version per change, then doValidation.
 */
export function awsValidator(format: DocumentFormat): Validator {
  const service = format === 'yaml' ? getYamlLanguageService({}) : getLanguageService({});
  const uri = format === 'yaml' ? 'file:///bench.asl.yaml' : 'file:///bench.asl.json';
  const languageId = format === 'yaml' ? 'asl-yaml' : 'asl';
  let version = 0;
  return async (text) => {
    version += 1;
    const document = TextDocument.create(uri, languageId, version, text);
    const diagnostics = await service.doValidation(document, service.parseJSONDocument(document));
    return diagnostics.length;
  };
}
