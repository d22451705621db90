/**
 * Random ids for clauses and signatories: 12 characters of base 62, about 71
 * bits, so that replicas creating clauses offline never pick the same one.
 * Uses Web Crypto, present in browsers and in Node.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function newId(length = 12): string {
  let id = '';
  while (id.length < length) {
    const bytes = new Uint8Array(length * 2);
    globalThis.crypto.getRandomValues(bytes);
    for (const byte of bytes) {
      // 248 is the largest multiple of 62 below 256: dropping larger bytes keeps ids uniform.
      if (byte < 248 && id.length < length) id += ALPHABET[byte % 62];
    }
  }
  return id;
}
