import * as Y from 'yjs';
import { clauseXmlText } from '../../shared/document/bracketRange.ts';
import type { BracketRequestBody } from './bracketsApi.ts';

/** The plain text of a clause's paragraph, as the server reads it: formatting attributes are not characters. */
export function clausePlainText(doc: Y.Doc, clauseId: string): string | null {
  const text = clauseXmlText(doc, clauseId);
  if (text === null) return null;
  let plain = '';
  for (const op of text.toDelta() as { insert?: unknown }[]) if (typeof op.insert === 'string') plain += op.insert;
  return plain;
}

/**
 * The passage [start, end) of a clause's text as a bracket request, with
 * the spaces at its edges left outside (a selection made by double-click
 * or by dragging often takes one along): brackets go round words. Null
 * when nothing but spaces is selected.
 */
export function passageToBracket(doc: Y.Doc, clauseId: string, start: number, end: number): BracketRequestBody | null {
  const plain = clausePlainText(doc, clauseId);
  if (plain === null) return null;
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(plain.length, Math.max(start, end));
  while (from < to && /\s/.test(plain[from]!)) from++;
  while (to > from && /\s/.test(plain[to - 1]!)) to--;
  if (to <= from) return null;
  return { clauseId, start: from, end: to, quote: plain.slice(from, to) };
}

/** The same for a passage held as Yjs relative positions (client/editor/passage.ts), read where it stands now. */
export function relativePassageToBracket(doc: Y.Doc, clauseId: string, from: Y.RelativePosition, to: Y.RelativePosition): BracketRequestBody | null {
  const start = Y.createAbsolutePositionFromRelativePosition(from, doc);
  const end = Y.createAbsolutePositionFromRelativePosition(to, doc);
  const text = clauseXmlText(doc, clauseId);
  if (!start || !end || text === null || start.type !== text || end.type !== text) return null;
  return passageToBracket(doc, clauseId, start.index, end.index);
}
