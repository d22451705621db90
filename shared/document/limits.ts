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
export const MAX_SIGNATORIES = 500;
/** Each of a signatory's name, title and state. */
export const MAX_SIGNATORY_FIELD_CHARS = 300;
