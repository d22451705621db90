/**
 * The names of the collaborative document's parts (docs/document-model.md).
 * Changing one is a migration: old documents keep the old name.
 */
export const ROOT = {
  meta: 'meta',
  clauses: 'clauses',
  signatories: 'signatories',
  /** clause id → ClauseStatus; written by the server only. */
  status: 'status',
  /** refusal id → RefusedChange; written by the server only. */
  refused: 'refused',
  /** thread id → Thread (shared/comments/thread.ts); written by the server only. */
  comments: 'comments',
  /** Declaration settings (shared/settings.ts); written by the server only. */
  settings: 'settings',
  /** proposal id → Proposal (shared/proposals/proposal.ts); written by the server only. */
  proposals: 'proposals',
  /** clause id → StatedPosition[] (shared/positions/position.ts); written by the server only. */
  positions: 'positions',
  /** bracket id → Bracket (shared/brackets/bracket.ts); written by the server only. */
  brackets: 'brackets',
  /** `frozen` → FrozenNumbering or absent (shared/workingNumbers.ts); written by the server only. */
  numbering: 'numbering',
  /** `procedure` → SilenceProcedure, the running or last one (shared/silence/silenceProcedure.ts); written by the server only. */
  silence: 'silence',
  /** `current` → the clause under discussion, CurrentClause (shared/room/currentClause.ts) or absent; written by the server only. */
  room: 'room',
  /** clause id → the drafting checks dismissed on it, DraftingCheck[] (shared/drafting/dismissals.ts); written by the server only. */
  remarks: 'remarks',
  /** footnote id → Y.Map of FOOTNOTE_FIELD (shared/declaration.ts Footnote); edited like the heading fields (editMeta). */
  footnotes: 'footnotes',
} as const;

export const CLAUSE_FIELD = {
  kind: 'kind',
  parent: 'parent',
  order: 'order',
  body: 'body',
  /** A plain string, the heading printed above the clause; absent reads as '' (Clause.heading). */
  heading: 'heading',
} as const;

export const FOOTNOTE_FIELD = {
  order: 'order',
  /** A plain string: the marker as printed. */
  marker: 'marker',
  /** Rich text, as a clause's body. */
  body: 'body',
} as const;

export const SIGNATORY_FIELD = {
  name: 'name',
  title: 'title',
  state: 'state',
  order: 'order',
} as const;

/** The Tiptap node that holds a clause's text. */
export const PARAGRAPH = 'paragraph';

/**
 * The marks text may carry, as formatting attribute names of a Y.XmlText:
 * the editor's italic and bold, the comment anchor (commentMark.ts) and a
 * footnote reference.
 */
export const MARK_NAMES = ['italic', 'bold', 'comment', 'footnote'] as const;

/** The footnote reference mark: its attribute is `{ id: "<footnote id>" }`. */
export const FOOTNOTE_MARK = 'footnote';
