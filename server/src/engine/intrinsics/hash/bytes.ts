/** Byte helpers shared by the digests: UTF-8 input, Merkle–Damgård padding, hex output. */

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * Appends 0x80, zeros, and the message length in bits so the result is a whole number of
 * blocks. `lengthBytes` is 8 (MD5, SHA-1, SHA-256) or 16 (SHA-384/512); `littleEndian` is
 * MD5's byte order.
 */
export function pad(
  message: Uint8Array,
  blockSize: number,
  lengthBytes: number,
  littleEndian: boolean,
): Uint8Array {
  const total = Math.ceil((message.length + 1 + lengthBytes) / blockSize) * blockSize;
  const padded = new Uint8Array(total);
  padded.set(message);
  padded[message.length] = 0x80;
  // Bit length as a 53-bit safe integer, written byte by byte (inputs are far below 2^53 bits).
  let bits = message.length * 8;
  for (let i = 0; i < 8; i++) {
    const byte = bits % 256;
    bits = Math.floor(bits / 256);
    const at = littleEndian ? total - lengthBytes + i : total - 1 - i;
    padded[at] = byte;
  }
  return padded;
}

export function wordsToHex(words: readonly number[], littleEndian: boolean): string {
  let hex = '';
  for (const word of words) {
    for (let i = 0; i < 4; i++) {
      const shift = littleEndian ? i * 8 : 24 - i * 8;
      hex += ((word >>> shift) & 0xff).toString(16).padStart(2, '0');
    }
  }
  return hex;
}

export function readBigEndian(bytes: Uint8Array, at: number): number {
  return (
    (((bytes[at] ?? 0) << 24) |
      ((bytes[at + 1] ?? 0) << 16) |
      ((bytes[at + 2] ?? 0) << 8) |
      (bytes[at + 3] ?? 0)) >>>
    0
  );
}

export function readLittleEndian(bytes: Uint8Array, at: number): number {
  return (
    (((bytes[at + 3] ?? 0) << 24) |
      ((bytes[at + 2] ?? 0) << 16) |
      ((bytes[at + 1] ?? 0) << 8) |
      (bytes[at] ?? 0)) >>>
    0
  );
}

export function rotl(value: number, bits: number): number {
  return ((value << bits) | (value >>> (32 - bits))) >>> 0;
}

export function rotr(value: number, bits: number): number {
  return ((value >>> bits) | (value << (32 - bits))) >>> 0;
}
