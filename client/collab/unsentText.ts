import * as Y from 'yjs';
import { META_FIELDS, type MetaField } from '../../shared/declaration.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { ROOT } from '../../shared/document/names.ts';
import { numberClauses } from '../../shared/numbering.ts';
import { buildOutline, flattenOutline } from '../../shared/outline.ts';
import { toPlainText } from '../../shared/richText.ts';
import { readFrozenNumbering } from '../../shared/workingNumbers.ts';

/**
 * What this device has that the server has not confirmed, read by comparing
 * the local document with the shadow of what the server sent
 * (savedTracker.ts). Comparing states rather than counting messages also
 * covers deletions, and edits whose echo was lost with the connection.
 */
export function everythingSent(local: Y.Doc, server: Y.Doc): boolean {
  return Y.equalSnapshots(Y.snapshot(local), Y.snapshot(server));
}

/**
 * Whether this device holds insertions the server never echoed. Deletions
 * do not move a state vector; the server's sync answer always carries its
 * whole delete set, so they need no extra question.
 */
export function aheadOfServer(local: Y.Doc, server: Y.Doc): boolean {
  const serverClocks = Y.decodeStateVector(Y.encodeStateVector(server));
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(local))) {
    if (clock > (serverClocks.get(client) ?? 0)) return true;
  }
  return false;
}

/** A part of the text that differs from the server's, as this device has it: something a delegate can copy. */
export type UnsentText =
  | { part: 'clause'; clauseId: string; label: string; text: string }
  | { part: 'meta'; field: MetaField; text: string };

/**
 * The clauses (in reading order, with their working labels) and heading
 * fields whose text here differs from the server's. A clause deleted or
 * emptied here has no text to keep and is not listed.
 */
export function unsentTexts(local: Y.Doc, server: Y.Doc): UnsentText[] {
  const mine = readDeclaration(local);
  const theirs = readDeclaration(server);
  const out: UnsentText[] = [];
  for (const field of META_FIELDS) {
    const text = toPlainText(mine.meta[field]);
    if (text !== '' && text !== toPlainText(theirs.meta[field])) out.push({ part: 'meta', field, text });
  }
  const serverText = new Map(theirs.clauses.map((clause) => [clause.id, toPlainText(clause.body)]));
  const outline = buildOutline(mine.clauses);
  // The working labels on screen: OP7 bis once the chair froze the numbering (WN7).
  const numbers = numberClauses(outline, readFrozenNumbering(local.getMap<unknown>(ROOT.numbering)));
  for (const { clause } of flattenOutline(outline)) {
    const text = toPlainText(clause.body);
    if (text === '' || serverText.get(clause.id) === text) continue;
    out.push({ part: 'clause', clauseId: clause.id, label: numbers.get(clause.id)?.label ?? '', text });
  }
  return out;
}
