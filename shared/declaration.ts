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
}

export interface Signatory {
  id: string;
  order: string;
  name: string;
  title: string;
  state: string;
}

export const META_FIELDS = ['conference', 'title', 'subtitle', 'chapeau', 'formula', 'note'] as const;
export type MetaField = (typeof META_FIELDS)[number];

export type Meta = Record<MetaField, RichText>;

export interface Declaration {
  meta: Meta;
  /** In no particular order: `outline` orders them. */
  clauses: Clause[];
  signatories: Signatory[];
}
