import { cleanText } from './cleanText.ts';
import type { DraftLine } from './draftLine.ts';

/**
 * The footnotes of a draft (docs/SPEC.md IMP11): their lines are taken out
 * of the flow of clauses and become `ParsedDraft.footnotes`, each marker
 * staying in the text where it is referenced. A note is
 * - a line the file format marks as one (Markdown `[^1]: …`, Word's
 *   footnotes.xml: `DraftLine.note`);
 * - after the last rule of the text ("__________", the .txt export's and the
 *   UN's), a line opening with a marker ("1 Official Records …", "* …",
 *   "¹ …", "[1] …"), the lines after it continuing it;
 * - at the very end without a rule, a line opening with a marker that is
 *   glued to the text above ("… meeting.27" / "27One member …").
 * A marker with no note is text and stays text.
 */
export interface FootnoteLines {
  /** The indices of the lines that are footnotes (or continue one). */
  lines: Set<number>;
  notes: { line: number; marker: string; text: string }[];
}

const NOTE_LINE = /^(?:\[(\d{1,3})\]|(\d{1,3})(?=\s|\p{Lu})|([*†‡]{1,3})|([¹²³⁴⁵⁶⁷⁸⁹⁰]+))\s*(\S.*)$/u;
const RULE_LINE = /^\s*(?:_{5,}|[-–—]{5,})\s*$/u;
const DATE_LIKE = /^\d{1,2}\s+\p{L}+\.?\s+\d{4}/u;

function noteOf(text: string): { marker: string; text: string } | null {
  const match = NOTE_LINE.exec(text.trim());
  if (!match || DATE_LIKE.test(text.trim())) return null;
  const marker = match[1] !== undefined ? `[${match[1]}]` : (match[2] ?? match[3] ?? match[4])!;
  return { marker, text: cleanText(match[5]!) };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Whether the marker stands glued to the text above: "Council,1", "meeting.27", "2030*", "peace¹", "Francisco[1]". */
function referenced(marker: string, text: string): boolean {
  if (/^\d+$/u.test(marker)) return new RegExp(`(?<=[\\p{L}.,;:)\\]”"’])${marker}(?!\\p{N})`, 'u').test(text);
  return new RegExp(escape(marker), 'u').test(text);
}

export function footnotesOf(lines: readonly DraftLine[]): FootnoteLines {
  const result: FootnoteLines = { lines: new Set(), notes: [] };
  lines.forEach((line, i) => {
    if (line.note === undefined) return;
    result.lines.add(i);
    result.notes.push({ line: i, marker: line.note, text: cleanText(line.text) });
  });
  const isRule = (i: number) => lines[i]!.rule === true || RULE_LINE.test(lines[i]!.text);
  const atEnd: FootnoteLines['notes'] = [];
  const taken = new Set<number>();
  // After a rule: the notes, one a line, a line that is not one continuing the note above; up to a blank line not followed by a note, or the next rule.
  const notesAfter = (rule: number): FootnoteLines['notes'] => {
    const found: FootnoteLines['notes'] = [];
    let blankBefore = false;
    for (let i = rule + 1; i < lines.length && !isRule(i); i++) {
      const line = lines[i]!;
      if (line.note !== undefined) break;
      if (line.text.trim() === '') {
        blankBefore = found.length > 0;
        continue;
      }
      // "* Document …" read as a bullet by the text reader: the "*" is the note's marker.
      const note = line.list?.kind === 'bullet' && line.bullet !== undefined && /^[*†‡]$/u.test(line.bullet) ? { marker: line.bullet, text: cleanText(line.text) } : noteOf(line.text);
      if (note) found.push({ line: i, ...note });
      else if (found.length > 0 && !blankBefore) {
        const last = found[found.length - 1]!;
        last.text = cleanText(`${last.text} ${line.text}`);
        taken.add(i);
      } else break;
      blankBefore = false;
    }
    return found;
  };
  for (let i = lines.length - 1; i >= 0 && atEnd.length === 0; i--) {
    if (!isRule(i)) continue;
    taken.clear();
    atEnd.push(...notesAfter(i));
  }
  for (const i of taken) result.lines.add(i);
  if (atEnd.length === 0) {
    // No rule: notes at the very end whose markers are glued to the text above.
    const nonBlank = lines.map((l, i) => ({ text: l.text.trim(), i, note: l.note })).filter((l) => l.text !== '');
    const above = (k: number) =>
      nonBlank
        .slice(0, k)
        .map((e) => e.text)
        .join('\n');
    let k = nonBlank.length - 1;
    while (k > 0) {
      const entry = nonBlank[k]!;
      const note = entry.note === undefined ? noteOf(entry.text) : null;
      if (!note || !referenced(note.marker, above(k))) break;
      atEnd.unshift({ line: entry.i, ...note });
      k--;
    }
  }
  for (const note of atEnd) result.lines.add(note.line);
  result.notes.push(...atEnd);
  result.notes.sort((a, b) => a.line - b.line);
  return result;
}
