import type { ExportVariant } from './exportInput.ts';

/**
 * The name an export is downloaded under, from the declaration's title:
 * `declaration-of-buenos-aires-the-commitment-to-make-peace-2023.docx`.
 * `filename` is ASCII (accents folded, anything else a hyphen); the RFC 5987
 * `filename*` keeps the letters of any script for clients that read it.
 */
export const MAX_SLUG_LENGTH = 80;
const FALLBACK = 'declaration';

function shorten(slug: string): string {
  // By code points, so that a surrogate pair is never split.
  const chars = [...slug];
  if (chars.length <= MAX_SLUG_LENGTH) return slug;
  const head = chars.slice(0, MAX_SLUG_LENGTH + 1);
  const lastHyphen = head.lastIndexOf('-');
  // Cut at a word boundary unless that loses more than a third of the room.
  const kept = lastHyphen > MAX_SLUG_LENGTH * (2 / 3) ? head.slice(0, lastHyphen) : chars.slice(0, MAX_SLUG_LENGTH);
  return kept.join('').replace(/-+$/, '');
}

/** Lower case ASCII letters and digits separated by single hyphens; accents folded (é → e, ñ → n, ß → ss). */
export function asciiSlug(title: string): string {
  const folded = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/æ/gi, 'ae')
    .replace(/ø/gi, 'o')
    .replace(/œ/gi, 'oe')
    .replace(/đ/gi, 'd')
    .replace(/ł/gi, 'l')
    .toLowerCase();
  const slug = shorten(folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, ''));
  return slug === '' ? FALLBACK : slug;
}

/** The same, keeping letters and digits of every script (for `filename*`). */
export function unicodeSlug(title: string): string {
  const slug = title
    .normalize('NFC')
    .toLocaleLowerCase('und')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? FALLBACK : shorten(slug);
}

export interface ExportFileName {
  /** ASCII, safe in a quoted `filename="…"`. */
  ascii: string;
  /** UTF-8, for `filename*`. */
  unicode: string;
}

export function exportFileName(title: string, extension: string, variant: ExportVariant): ExportFileName {
  const suffix = variant === 'negotiation' ? '-negotiation' : '';
  return {
    ascii: `${asciiSlug(title)}${suffix}.${extension}`,
    unicode: `${unicodeSlug(title)}${suffix}.${extension}`,
  };
}

/** RFC 5987 value-chars: percent-encode everything but attr-char. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment; filename="…"; filename*=UTF-8''…` */
export function contentDisposition(name: ExportFileName): string {
  return `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeRfc5987(name.unicode)}`;
}
