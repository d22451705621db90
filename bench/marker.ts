/**
 * What a simulated delegation types: a marker naming the writer and the send
 * time (µs since the run's epoch), both base 36, e.g. `⟦3.5x2kq⟧`. Unique per
 * edit, since a writer's send times strictly increase.
 */
const OPEN = '\u27e6';
const CLOSE = '\u27e7';

export const marker = (writer: number, sendUs: number): string => `${OPEN}${writer.toString(36)}.${sendUs.toString(36)}${CLOSE}`;

const encoder = new TextEncoder();
const OPEN_BYTES = encoder.encode(OPEN);
const CLOSE_BYTES = encoder.encode(CLOSE);
const MAX_MARKER_BYTES = 32;

function startsWith(bytes: Uint8Array, at: number, prefix: Uint8Array): boolean {
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

/** The markers in a Yjs update (whose strings are UTF-8), without decoding it. Malformed ones come back as NaN. */
export function markersIn(update: Uint8Array): { writer: number; sendUs: number }[] {
  const found: { writer: number; sendUs: number }[] = [];
  let at = update.indexOf(OPEN_BYTES[0]!);
  while (at >= 0 && at < update.length) {
    if (startsWith(update, at, OPEN_BYTES)) {
      const from = at + OPEN_BYTES.length;
      let end = from;
      while (end < update.length && end - from < MAX_MARKER_BYTES && !startsWith(update, end, CLOSE_BYTES)) end++;
      const [writer, sendUs] = String.fromCharCode(...update.subarray(from, end)).split('.');
      found.push({ writer: parseInt(writer ?? '', 36), sendUs: parseInt(sendUs ?? '', 36) });
      at = end;
    } else {
      at++;
    }
    at = update.indexOf(OPEN_BYTES[0]!, at);
  }
  return found;
}
