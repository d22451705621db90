/**
 * How a declaration prints its paragraphs' numbers (issue 15; docs/SPEC.md
 * NUM-style rules): `numbered` "1.", "2." (the default); `articles` each
 * operative paragraph under a heading "Article 1", "Artículo 2"… in the
 * declaration's language (texts organised in articles); `unnumbered`
 * paragraphs printed without numbers ("We, the undersigned …"). Numbers are
 * derived in every case (shared/numbering.ts): the working names OP1, OP2
 * stay, only the printed form changes. A declaration setting, written by the
 * server only.
 */
export const PARAGRAPH_STYLES = ['numbered', 'articles', 'unnumbered'] as const;
export type ParagraphStyle = (typeof PARAGRAPH_STYLES)[number];

export const DEFAULT_PARAGRAPH_STYLE: ParagraphStyle = 'numbered';

export function isParagraphStyle(value: unknown): value is ParagraphStyle {
  return typeof value === 'string' && (PARAGRAPH_STYLES as readonly string[]).includes(value);
}
