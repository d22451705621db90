/**
 * How much an imported draft may hold. The file limit is checked before a
 * file is read (CLI) or while its bytes arrive (API); the others when a
 * draft is turned into a declaration (validateDraft.ts), so that a corrected
 * draft sent back by a browser is held to the same bounds as a parsed one.
 */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Preambular paragraphs, operative paragraphs and sub-items together. */
export const MAX_DRAFT_CLAUSES = 2000;
export const MAX_CLAUSE_CHARS = 10_000;
export const MAX_TITLE_CHARS = 1000;
/** The chapeau and the formula. */
export const MAX_LINE_CHARS = 2000;
export const MAX_NOTE_CHARS = 10_000;
export const MAX_SIGNATORIES = 500;
/** Each of a signatory's name, title and state. */
export const MAX_SIGNATORY_FIELD_CHARS = 300;
