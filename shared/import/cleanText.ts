/**
 * Text as a clause holds it: invisible characters (zero-width spaces, soft
 * hyphens, byte order marks) removed, every run of white space (line breaks,
 * tabs, several spaces) one space, trimmed. A single no-break space (or
 * narrow no-break space) between two words is typography, not layout —
 * French puts one before ":" and ";" and inside « » — and stays as it is
 * (docs/SPEC.md IMP8); in a run with other white space it is layout and
 * becomes the one space.
 */
/** Nothing to clean but the ends: no invisible character, no white space other than single spaces. Most lines of a draft; tested first, as the full replace is the import's hottest path. */
const NEEDS_CLEANING = /[\u200B-\u200D\u2060\uFEFF\u00AD]|[^\S ]| {2}/u;

export function cleanText(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text.trim();
  return text
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/\s+/gu, (space) => (space === '\u00A0' || space === '\u202F' ? space : ' '))
    .trim();
}
