import * as Y from 'yjs';
import type { Bracket } from '../brackets/bracket.ts';
import { clausesMap } from './clauseEntry.ts';
import { CLAUSE_FIELD } from './names.ts';

/**
 * Where square brackets stand in the text now (docs/document-model.md
 * "Square brackets"). A bracket holds two Yjs relative positions: `start`
 * attached to the passage's first character (association 0) and `end` to
 * its last (association -1), so text typed at either edge falls outside the
 * brackets and text typed inside falls inside, on every replica alike.
 */

/** The `Y.XmlText` of a clause's paragraph, or null (no clause, or an empty paragraph never typed in). */
export function clauseXmlText(doc: Y.Doc, clauseId: string): Y.XmlText | null {
  const entry = clausesMap(doc).get(clauseId);
  const body = entry instanceof Y.Map ? entry.get(CLAUSE_FIELD.body) : null;
  if (!(body instanceof Y.XmlFragment)) return null;
  const paragraph = body.get(0);
  if (!(paragraph instanceof Y.XmlElement)) return null;
  const text = paragraph.get(0);
  return text instanceof Y.XmlText ? text : null;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array | null {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** The relative positions of the passage [start, end) of a clause's text, encoded; null if the clause has no such passage. */
export function anchorPassage(doc: Y.Doc, clauseId: string, start: number, end: number): { start: string; end: string } | null {
  const text = clauseXmlText(doc, clauseId);
  if (text === null || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > text.length) return null;
  return {
    start: toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, start, 0))),
    end: toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, end, -1))),
  };
}

function absolute(doc: Y.Doc, encoded: string, followUndone: boolean): Y.AbsolutePosition | null {
  const bytes = fromBase64(encoded);
  if (bytes === null) return null;
  try {
    return Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(bytes), doc, followUndone);
  } catch {
    return null;
  }
}

export interface BracketRange {
  id: string;
  /** Character offsets in the clause's text: [start, end). */
  start: number;
  end: number;
}

/**
 * Where a bracket's passage is in its clause's text now, or null when it no
 * longer has one: its clause is gone, its positions point elsewhere, or all
 * its text was deleted. `followUndone` (the server only): follow text that
 * an undo brought back — clients cannot, so after such an undo the server
 * anchors the bracket anew (reanchoredPassage).
 */
export function resolveBracket(doc: Y.Doc, bracket: Pick<Bracket, 'id' | 'clauseId' | 'start' | 'end'>, followUndone = false): BracketRange | null {
  const text = clauseXmlText(doc, bracket.clauseId);
  if (text === null) return null;
  const start = absolute(doc, bracket.start, followUndone);
  const end = absolute(doc, bracket.end, followUndone);
  if (start === null || end === null || start.type !== text || end.type !== text || end.index <= start.index) return null;
  return { id: bracket.id, start: start.index, end: end.index };
}

/**
 * The positions a bracket should hold so that every replica finds its
 * passage where the server does, or null when they already do. Text an
 * undo restored (the server refusing a deletion) is new text to other
 * replicas; the server alone knows it replaces the old.
 */
export function reanchoredPassage(doc: Y.Doc, bracket: Bracket): { start: string; end: string } | null {
  const followed = resolveBracket(doc, bracket, true);
  if (followed === null) return null;
  const seen = resolveBracket(doc, bracket, false);
  if (seen !== null && seen.start === followed.start && seen.end === followed.end) return null;
  return anchorPassage(doc, bracket.clauseId, followed.start, followed.end);
}

/** Each clause's standing brackets, in text order (outer before inner at the same start). */
export function bracketRanges(doc: Y.Doc, brackets: Bracket[]): Map<string, BracketRange[]> {
  const out = new Map<string, BracketRange[]>();
  for (const bracket of brackets) {
    if (bracket.removed) continue;
    const range = resolveBracket(doc, bracket);
    if (range === null) continue;
    const list = out.get(bracket.clauseId) ?? [];
    list.push(range);
    out.set(bracket.clauseId, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}
