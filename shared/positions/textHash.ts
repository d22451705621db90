/**
 * A short fingerprint of a clause's printed text, kept with each position so
 * that a position stated on an earlier text shows as such (POS5) without
 * storing the text a second time. FNV-1a over UTF-16 code units, twice with
 * different offsets: a collision would only hide the "earlier text" hint.
 */
function fnv1a(text: string, offset: number): string {
  let hash = offset >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export function textHash(plainText: string): string {
  return fnv1a(plainText, 0x811c9dc5) + fnv1a(plainText, 0x050c5d1f);
}
