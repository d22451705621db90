import type { ClauseKind } from './clauseKind.ts';
import type { RichText } from './richText.ts';

/**
 * The declaration as plain data: what numbering, checks and exports work on.
 * It is read from the collaborative document once, at the edge
 * (document/readDeclaration.ts); nothing here knows about Yjs.
 */
export interface Clause {
  id: string;
  kind: ClauseKind;
  /** The operative paragraph (or sub-item) this sub-item belongs to. */
  parent: string | null;
  order: string;
  body: RichText;
  /**
   * A heading printed above the clause ("A. Health", "Part II", an article's
   * caption). Plain text. Not a number: an article's "Article 5"
   * is derived from the paragraph style (shared/paragraphStyle.ts). Absent: none.
   */
  heading?: string;
}

/**
 * A footnote: its text, and the marker printed where it is referenced
 * ("1", "*"). The reference is the marker's characters in a clause or
 * heading field carrying the `footnote` mark with this id (Run.footnote).
 * Printed at the foot of the page (Word) or at the end (the other formats),
 * in `order`.
 */
export interface Footnote {
  id: string;
  order: string;
  marker: string;
  body: RichText;
}

export interface Signatory {
  id: string;
  order: string;
  name: string;
  title: string;
  state: string;
}

/** `closing`: the line after the operative part, "Done at …", "Adopted at the … meeting" (issue 15). */
export const META_FIELDS = ['conference', 'title', 'subtitle', 'chapeau', 'formula', 'note', 'closing'] as const;
export type MetaField = (typeof META_FIELDS)[number];

export type Meta = Record<MetaField, RichText>;

export interface Declaration {
  meta: Meta;
  /** In no particular order: `outline` orders them. */
  clauses: Clause[];
  signatories: Signatory[];
  /** In `order`; absent: none. */
  footnotes?: Footnote[];
}
