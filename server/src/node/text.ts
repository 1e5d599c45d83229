/** A file's text without the byte order mark some editors save: it is not part of the document. */
export function withoutBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
