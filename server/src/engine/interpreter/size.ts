import type { JsonValue } from '../json';

/** Step Functions' limit on any state's input, output and task result: 256 KiB of UTF-8 JSON. */
export const PAYLOAD_LIMIT_BYTES = 262_144;

export function exceedsPayloadLimit(value: JsonValue): boolean {
  const text = JSON.stringify(value);
  // UTF-8 takes at most 3 bytes per UTF-16 code unit: short texts need no exact count.
  if (text.length * 3 <= PAYLOAD_LIMIT_BYTES) return false;
  return utf8Length(text) > PAYLOAD_LIMIT_BYTES;
}

/** Bytes of `text` in UTF-8. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
