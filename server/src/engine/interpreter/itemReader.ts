import type { MapState } from '../definition/types';
import { fail } from '../errors';
import { applyPayload } from '../dataflow/io';
import type { PathEnvironment } from '../dataflow/io';
import { isJsonObject, parseJson } from '../json';
import type { JsonValue } from '../json';
import type { Runtime } from './runtime';

/**
 * The distributed Map's ItemReader, served by the FileStore port in place of S3: JSON arrays,
 * JSON Lines and CSV files (s3:getObject). Failures are States.ItemReaderFailed, as on AWS.
 */
export function readItems(
  rt: Runtime,
  state: MapState,
  input: JsonValue,
  env: PathEnvironment,
): JsonValue[] | Promise<JsonValue[]> {
  const reader = state.itemReader;
  if (reader === undefined) return [];
  const files = rt.files;
  if (files === undefined) {
    return fail(
      'States.ItemReaderFailed',
      `State '${state.name}' reads items from a file, but this run has no file access.`,
    );
  }
  const parameters = reader.parameters === undefined ? {} : applyPayload(reader.parameters, input, env);
  const bucket = field(parameters, 'Bucket');
  const key = field(parameters, 'Key');
  const config = reader.readerConfig;
  const inputType = typeof config['InputType'] === 'string' ? config['InputType'] : 'JSON';
  const parse = (text: string): JsonValue[] => {
    const items = parseItems(text, inputType, config);
    const max = config['MaxItems'];
    return typeof max === 'number' && max > 0 ? items.slice(0, max) : items;
  };
  const content = files.read({ bucket, key });
  return content instanceof Promise ? content.then(parse) : parse(content);
}

function field(parameters: JsonValue, name: string): string {
  if (!isJsonObject(parameters)) return '';
  const value = parameters[name];
  return typeof value === 'string' ? value : '';
}

function parseItems(
  text: string,
  inputType: JsonValue,
  config: { readonly [key: string]: JsonValue },
): JsonValue[] {
  switch (inputType) {
    case 'JSON': {
      const value = parseItemJson(text);
      if (!Array.isArray(value))
        return fail('States.ItemReaderFailed', 'The item file does not hold a JSON array.');
      return value;
    }
    case 'JSONL':
      return text
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '')
        .map(parseItemJson);
    case 'CSV':
      return parseCsvItems(text, config);
    default:
      return fail(
        'States.ItemReaderFailed',
        `The ItemReader InputType '${JSON.stringify(inputType)}' is not supported locally.`,
      );
  }
}

function parseItemJson(text: string): JsonValue {
  try {
    return parseJson(text);
  } catch {
    return fail('States.ItemReaderFailed', 'The item file is not valid JSON.');
  }
}

function parseCsvItems(text: string, config: { readonly [key: string]: JsonValue }): JsonValue[] {
  const rows = parseCsv(text);
  let headers: string[];
  const given = config['CSVHeaders'];
  if (config['CSVHeaderLocation'] === 'GIVEN' && Array.isArray(given)) {
    headers = given.map((h) => (typeof h === 'string' ? h : JSON.stringify(h)));
  } else {
    headers = rows.shift() ?? [];
  }
  return rows.map((row) => {
    const item: { [key: string]: JsonValue } = {};
    headers.forEach((header, i) => {
      item[header] = row[i] ?? '';
    });
    return item;
  });
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF line ends. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let fieldText = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        fieldText += '"';
        i++;
      } else if (char === '"') quoted = false;
      else fieldText += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(fieldText);
      fieldText = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(fieldText);
      rows.push(row);
      row = [];
      fieldText = '';
    } else fieldText += char;
  }
  if (fieldText !== '' || row.length > 0) {
    row.push(fieldText);
    rows.push(row);
  }
  return rows;
}
