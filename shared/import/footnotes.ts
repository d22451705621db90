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

/**
 * A marker referenced in the text above, glued ("2024,1") or, as a PDF's
 * text layer leaves a raised number, after a space ("Development 5 and").
 */
function referencedLoosely(marker: string, text: string): boolean {
  if (referenced(marker, text)) return true;
  return /^\d+$/u.test(marker) && new RegExp(`(?<=[\\p{L}.,;:)\\]”"’] )${marker}(?![\\p{N}/.,-])`, 'u').test(text);
}

/**
 * The footnotes of a draft. `pageFurniture` (pageFurniture.ts) tells where
 * the pages of a PDF's text layer break: the notes printed at the foot of
 * a page stand just before a break, in the middle of the text.
 */
export function footnotesOf(lines: readonly DraftLine[], pageFurniture: ReadonlySet<number> = new Set()): FootnoteLines {
  const result: FootnoteLines = { lines: new Set(), notes: [] };
  lines.forEach((line, i) => {
    if (line.note === undefined) return;
    result.lines.add(i);
    result.notes.push({ line: i, marker: line.note, text: cleanText(line.text) });
  });
  const isRule = (i: number) => lines[i]!.rule === true || RULE_LINE.test(lines[i]!.text);
  const blank = (i: number) => lines[i]!.text.trim() === '';
  /** The first line with text from `i` on is a page break, or there is none: the foot of a page. */
  const atPageFoot = (i: number) => {
    let k = i;
    while (k < lines.length && blank(k)) k++;
    return k === lines.length || pageFurniture.has(k);
  };
  type Block = { notes: FootnoteLines['notes']; continued: number[]; end: number };
  const atEnd: FootnoteLines['notes'] = [];
  const continued: number[] = [];
  // After a rule: the notes, one a line, a line that is not one continuing the note above; up to a blank line not followed by a note, or the next rule.
  const notesAfter = (rule: number): Block => {
    const block: Block = { notes: [], continued: [], end: rule + 1 };
    let blankBefore = false;
    let i = rule + 1;
    for (; i < lines.length && !isRule(i) && !pageFurniture.has(i); i++) {
      const line = lines[i]!;
      if (line.note !== undefined) break;
      if (line.text.trim() === '') {
        blankBefore = block.notes.length > 0;
        continue;
      }
      // "* Document …" read as a bullet by the text reader: the "*" is the note's marker.
      const note = line.list?.kind === 'bullet' && line.bullet !== undefined && /^[*†‡]$/u.test(line.bullet) ? { marker: line.bullet, text: cleanText(line.text) } : noteOf(line.text);
      if (note) block.notes.push({ line: i, ...note });
      else if (block.notes.length > 0 && !blankBefore) {
        const last = block.notes[block.notes.length - 1]!;
        last.text = cleanText(`${last.text} ${line.text}`);
        block.continued.push(i);
      } else break;
      block.end = i + 1;
      blankBefore = false;
    }
    return block;
  };
  const rules = lines.map((_, i) => i).filter((i) => isRule(i));
  const last = [...rules].reverse().find((i) => notesAfter(i).notes.length > 0);
  for (const rule of rules) {
    // The notes after the last rule, and those after any rule that fill the foot of a page (IMP11, IMP20).
    const block = notesAfter(rule);
    if (block.notes.length === 0 || (rule !== last && !atPageFoot(block.end))) continue;
    atEnd.push(...block.notes);
    continued.push(...block.continued);
  }
  if (pageFurniture.size > 0) {
    const found = pageFootNotesWithoutRule(lines, pageFurniture, new Set([...atEnd.map((n) => n.line), ...continued]));
    atEnd.push(...found.notes);
    continued.push(...found.continued);
  }
  for (const i of continued) result.lines.add(i);
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

/** A page's notes, and the text above them where their markers are looked for, are at most this many lines: a page is shorter. */
const MAX_FOOT_LINES = 100;

/** Consecutive numbers ("4", "5", "6"), or markers that are not numbers ("*", "†"). */
function inSequence(markers: string[]): boolean {
  return markers.every((m, k) => k === 0 || !/^\d+$/u.test(m) || !/^\d+$/u.test(markers[k - 1]!) || Number(m) === Number(markers[k - 1]) + 1);
}

/**
 * Notes at the foot of a page without a rule above them (IMP20): the last
 * lines of a page, from a line opening with a marker ("4 See resolution
 * 78/266.", "¹ …") to the page break, the lines that are not notes
 * continuing the note above. Their markers are in sequence and each is
 * referenced in the page's text above them; else the lines are text.
 */
function pageFootNotesWithoutRule(lines: readonly DraftLine[], pageFurniture: ReadonlySet<number>, taken: ReadonlySet<number>): { notes: FootnoteLines['notes']; continued: number[] } {
  const out = { notes: [] as FootnoteLines['notes'], continued: [] as number[] };
  const text = (i: number) => lines[i]!.text.trim();
  let pageStart = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && !pageFurniture.has(i)) continue;
    // Lines pageStart … i-1 are a page (or what is left of one between two breaks).
    let end = i;
    while (end > pageStart && text(end - 1) === '') end--;
    const candidates: number[] = [];
    for (let k = Math.max(pageStart, end - MAX_FOOT_LINES); k < end; k++) if (!taken.has(k) && lines[k]!.note === undefined && text(k) !== '' && noteOf(text(k)) !== null) candidates.push(k);
    // The topmost note line from which everything to the break is notes.
    for (let c = 0; c < candidates.length; c++) {
      const from = candidates[c]!;
      const below = candidates.slice(c);
      const notes = below.map((k) => ({ line: k, ...noteOf(text(k))! }));
      if (![...Array(end - from).keys()].every((d) => !taken.has(from + d))) continue;
      const body = lines
        .slice(Math.max(pageStart, from - MAX_FOOT_LINES), from)
        .map((l) => l.text)
        .join('\n');
      if (body.trim() === '' || !inSequence(notes.map((n) => n.marker)) || !notes.every((n) => referencedLoosely(n.marker, body))) continue;
      for (let k = from + 1; k < end; k++) {
        if (text(k) === '') continue;
        const note = notes.find((n) => n.line === k);
        if (note) continue;
        const owner = [...notes].reverse().find((n) => n.line < k)!;
        owner.text = cleanText(`${owner.text} ${text(k)}`);
        out.continued.push(k);
      }
      out.notes.push(...notes);
      break;
    }
    if (i === lines.length) break;
    // Past the furniture: the next page.
    while (i < lines.length && (pageFurniture.has(i) || text(i) === '')) i++;
    pageStart = i;
    i--;
  }
  return out;
}
