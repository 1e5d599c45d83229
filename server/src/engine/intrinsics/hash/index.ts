/**
 * Digests for States.Hash, written in plain TypeScript. The engine is pure (no node:crypto, no
 * port): a hash is a pure function of its input, so a port would only add plumbing, and a
 * pure implementation keeps the engine runnable anywhere (browser previews included). The
 * unit tests check every algorithm against node:crypto.
 */
import type { HashAlgorithm } from '../../../asl/intrinsics/catalogue';
import { utf8 } from './bytes';
import { md5 } from './md5';
import { sha1 } from './sha1';
import { sha256 } from './sha256';
import { sha384, sha512 } from './sha512';

const DIGESTS: Readonly<Record<HashAlgorithm, (message: Uint8Array) => string>> = {
  MD5: md5,
  'SHA-1': sha1,
  'SHA-256': sha256,
  'SHA-384': sha384,
  'SHA-512': sha512,
};

/** Lowercase hex digest of the UTF-8 bytes of `text`. */
export function hashText(text: string, algorithm: HashAlgorithm): string {
  return DIGESTS[algorithm](utf8(text));
}
