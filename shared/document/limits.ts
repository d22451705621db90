/**
 * How much a declaration may hold. The server refuses a write past these
 * (docs/SPEC.md STRUCT1) and a draft is checked against them before it
 * becomes a declaration (shared/import/validateDraft.ts).
 */
/** Preambular paragraphs, operative paragraphs and sub-items together. */
export const MAX_CLAUSES = 2000;
export const MAX_CLAUSE_CHARS = 10_000;
export const MAX_TITLE_CHARS = 1000;
/** The conference line, subtitle, chapeau and formula. */
export const MAX_LINE_CHARS = 2000;
export const MAX_NOTE_CHARS = 10_000;
/** A footnote's marker as printed ("1", "27", "*", "a"): a few characters. */
export const MAX_FOOTNOTE_MARKER_CHARS = 16;
export const MAX_FOOTNOTES = 500;
export const MAX_SIGNATORIES = 500;
/** Each of a signatory's name, title and state. */
export const MAX_SIGNATORY_FIELD_CHARS = 300;
/**
 * How deep shared types nest in the model (docs/document-model.md):
 * clauses (0) → a clause entry (1) → its body fragment (2) → the paragraph
 * (3) → its text (4). Nothing deeper exists; an update that nests deeper is
 * refused before it is applied (WIRE4), because every reader of a Yjs
 * document — the server's, the browsers' — recurses over the nesting.
 */
export const MAX_NESTING = 4;
/** A clause or signatory id as the model writes it (shared/ids.ts), with room for older or imported ids. */
export const ENTRY_ID = /^[A-Za-z0-9_-]{1,64}$/;
