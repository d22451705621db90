import { request } from '../api.ts';

/** The file name the server gave, from Content-Disposition (RFC 5987 form first). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1]!.trim() : fallback;
}

/**
 * The characters a PDF could not draw, from `X-Consenso-Missing-Glyphs`
 * (SPEC EXP10: "U+4E2D U+56FD +3"), as the characters themselves with their
 * codes — "中 (U+4E2D), 国 (U+56FD), +3" — or null when every one printed.
 */
export function missingGlyphsOf(header: string | null): string | null {
  if (!header) return null;
  const words = header.trim().split(/\s+/).map((code) => {
    const hex = /^U\+([0-9A-F]{4,6})$/i.exec(code)?.[1];
    return hex ? `${String.fromCodePoint(parseInt(hex, 16))} (${code})` : code;
  });
  return words.length > 0 ? words.join(', ') : null;
}

export interface Downloaded {
  name: string;
  /** What the file could not show (a PDF's missing glyphs); null when nothing. */
  missingGlyphs: string | null;
}

/** Fetches a file from the API and hands it to the browser as a download. */
export async function download(url: string, fallbackName: string): Promise<Downloaded> {
  const response = await request(url);
  const name = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return { name, missingGlyphs: missingGlyphsOf(response.headers.get('x-consenso-missing-glyphs')) };
}
