import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/** A file's text without the byte order mark some editors save: it is not part of the document. */
export function withoutBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** A UTF-8 file's text without its byte order mark; rejects with the file system's error. */
export async function readTextFile(file: string): Promise<string> {
  return withoutBom(await readFile(file, 'utf8'));
}

/** readTextFile for the few callers that must answer at once (a breakpoint request). */
export function readTextFileSync(file: string): string {
  return withoutBom(readFileSync(file, 'utf8'));
}
