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
export function asciiSlug(title: string, fallback = FALLBACK): string {
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
  return slug === '' ? fallback : slug;
}

/** The same, keeping letters and digits of every script (for `filename*`). */
export function unicodeSlug(title: string, fallback = FALLBACK): string {
  const slug = title
    .normalize('NFC')
    .toLocaleLowerCase('und')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? fallback : shorten(slug);
}

export interface ExportFileName {
  /** ASCII, safe in a quoted `filename="…"`. */
  ascii: string;
  /** UTF-8, for `filename*`. */
  unicode: string;
}

/** What a file holds besides the text now: a saved version (VER2), or the changes since one (RED1). */
export interface FileQualifier {
  /** The version's name. */
  version: string;
  /** The changes since that version. */
  since?: boolean;
}

/**
 * `<slug>[-negotiation].<ext>`; for a saved version
 * `<slug>-<version-slug>[-negotiation].<ext>`, for a redline
 * `<slug>-changes-since-<version-slug>.<ext>`.
 */
export function exportFileName(title: string, extension: string, variant: ExportVariant | 'redline', qualifier?: FileQualifier): ExportFileName {
  const suffix = variant === 'negotiation' ? '-negotiation' : '';
  // A version's name with no letter to keep ("!!!") is called what it is.
  const part = (slug: (text: string, fallback: string) => string) =>
    qualifier === undefined ? '' : `-${qualifier.since ? 'changes-since-' : ''}${slug(qualifier.version, 'version')}`;
  return {
    ascii: `${asciiSlug(title)}${part(asciiSlug)}${suffix}.${extension}`,
    unicode: `${unicodeSlug(title)}${part(unicodeSlug)}${suffix}.${extension}`,
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
