/** Base64 (RFC 4648, with padding) over UTF-8, without Buffer so the engine stays platform-free. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Map([...ALPHABET].map((char, index) => [char, index]));
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeBase64(text: string): string {
  const bytes = encoder.encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    const chunk = (b0 << 16) | (b1 << 8) | b2;
    out += ALPHABET.charAt((chunk >> 18) & 63) + ALPHABET.charAt((chunk >> 12) & 63);
    out += i + 1 < bytes.length ? ALPHABET.charAt((chunk >> 6) & 63) : '=';
    out += i + 2 < bytes.length ? ALPHABET.charAt(chunk & 63) : '=';
  }
  return out;
}

/** The decoded text, or undefined when `base64` is not valid Base64. */
export function decodeBase64(base64: string): string | undefined {
  if (base64.length % 4 !== 0) return undefined;
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  const body = base64.slice(0, base64.length - padding);
  const bytes = new Uint8Array((base64.length / 4) * 3 - padding);
  let written = 0;
  let buffer = 0;
  let bits = 0;
  for (const char of body) {
    const value = VALUES.get(char);
    if (value === undefined) return undefined;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[written++] = (buffer >> bits) & 0xff;
    }
  }
  return decoder.decode(bytes.subarray(0, written));
}
