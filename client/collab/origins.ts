/**
 * Transaction origins of this browser's own edits outside the editors. The
 * undo history (history.ts) takes back changes with these origins and the
 * editors' (Tiptap's sync origin), never what the provider applies from the
 * server: another delegation's work and the server's compensating updates.
 */

/** Structural edits: add, move, indent, delete a clause or a signatory. Each is an undo step of its own. */
export const STRUCTURE_ORIGIN = Symbol('structure');

/** Text typed outside the editors (a signatory's fields): grouped into steps like typing in a clause. */
export const TYPING_ORIGIN = Symbol('typing');
