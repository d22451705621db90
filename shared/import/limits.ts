import { MAX_CLAUSES } from '../document/limits.ts';

/**
 * How much an imported draft may hold. The file limit is checked before a
 * file is read (CLI) or while its bytes arrive (API); the others — the
 * declaration's own (shared/document/limits.ts) — when a draft is turned
 * into a declaration (validateDraft.ts), so that a corrected draft sent back
 * by a browser is held to the same bounds as a parsed one.
 */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** A draft holds at most as many clauses as a declaration. */
export const MAX_DRAFT_CLAUSES = MAX_CLAUSES;
export { MAX_CLAUSE_CHARS, MAX_TITLE_CHARS, MAX_LINE_CHARS, MAX_NOTE_CHARS, MAX_SIGNATORIES, MAX_SIGNATORY_FIELD_CHARS } from '../document/limits.ts';
