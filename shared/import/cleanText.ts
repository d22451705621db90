/**
 * Text as a clause holds it: invisible characters (zero-width spaces, soft
 * hyphens, byte order marks) removed, every run of white space (line breaks,
 * tabs, no-break spaces) one space, trimmed.
 */
export function cleanText(text: string): string {
  return text
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/\s+/gu, ' ')
    .trim();
}
