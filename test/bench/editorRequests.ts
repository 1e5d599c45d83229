import { getLanguageService, getYamlLanguageService, TextDocument } from 'amazon-states-language-service';
import type { DocumentFormat } from '../../server/src/asl';
import type { ShippedApi } from './shippedBuild';

/**
 * Completion at a Next value and hover on a field, the way a server answers them: the document
 * was parsed when it changed, so a request only pays for itself. Ours use the parsed document
 * and model; the AWS service's JSON side gets its parsed JSONDocument, while its YAML side parses
 * inside doComplete/doHover (it takes no parsed document).
 */
export type Request = 'completion' | 'hover';

/** Answers one request and gives the number of items (completions) or 1/0 (a hover or none). */
export type Answer = () => Promise<number> | number;

/** Where the request is made: the middle occurrence of `Next` (its value) or `Resource` (its key). */
export function requestOffset(text: string, format: DocumentFormat, request: Request): number {
  const needle =
    request === 'completion'
      ? format === 'json'
        ? '"Next": "'
        : 'Next: '
      : format === 'json'
        ? '"Resource"'
        : 'Resource:';
  const offsets: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) offsets.push(at);
  const middle = offsets[Math.floor(offsets.length / 2)] ?? 0;
  return request === 'completion' ? middle + needle.length : middle + 2;
}

export function ourAnswer(ours: ShippedApi, text: string, format: DocumentFormat, request: Request): Answer {
  const { buildModel, completeAt, hoverAt, parseDocument } = ours;
  const document = parseDocument(text, format);
  const model = buildModel(document);
  const offset = requestOffset(text, format, request);
  return request === 'completion'
    ? () => completeAt(document, model, offset).length
    : () => (hoverAt(document, model, offset) === undefined ? 0 : 1);
}

export function awsAnswer(text: string, format: DocumentFormat, request: Request): Answer {
  const uri = format === 'yaml' ? 'file:///bench.asl.yaml' : 'file:///bench.asl.json';
  const document = TextDocument.create(uri, format === 'yaml' ? 'asl-yaml' : 'asl', 1, text);
  const position = document.positionAt(requestOffset(text, format, request));
  if (format === 'yaml') {
    const service = getYamlLanguageService({});
    // The YAML side ignores this argument and parses the YAML itself; the interface still wants one.
    const unused = service.parseJSONDocument(TextDocument.create('file:///unused.json', 'json', 1, '{}'));
    return request === 'completion'
      ? async () => (await service.doComplete(document, position, unused))?.items.length ?? 0
      : async () => ((await service.doHover(document, position, unused)) === null ? 0 : 1);
  }
  const service = getLanguageService({});
  const parsed = service.parseJSONDocument(document);
  return request === 'completion'
    ? async () => (await service.doComplete(document, position, parsed))?.items.length ?? 0
    : async () => ((await service.doHover(document, position, parsed)) === null ? 0 : 1);
}
