import { cleanText } from './cleanText.ts';
import type { DraftLine } from './draftLine.ts';
import { isLetterValue, isRomanValue, nextLetter, nextRoman, readMarker, type Marker } from './markers.ts';
import { opensLikePreamble } from './openingPhrase.ts';
import { isMasthead, isSubtitle, RESOLUTION_NUMBER } from './masthead.ts';
import { furnitureOf, isImageText } from './pageFurniture.ts';
import { emptyDraft, type ParsedDraft, type ParsedItem, type UnplacedText } from './parsedDraft.ts';

/**
 * The structure of a zero draft, from its lines (docs/SPEC.md IMP2). Pure:
 * the file readers (server/import/) turn .docx, .md and .txt into
 * `DraftLine`s; this reads title, chapeau, preamble, formula, operative
 * paragraphs and sub-items, note and signatures from them, in that order.
 *
 * - Title: among the lines before the chapeau, leaving the UN masthead
 *   aside (masthead.ts), a heading that names a kind of text ("Declaration
 *   of …"), else any such line (with what follows it in its block, up to a
 *   subtitle), else the first heading, else a short first block. The
 *   conference line, masthead and subtitle around it are returned beside the
 *   draft (`recogniseDraftWithHeading`): the draft has no place for them.
 * - Lines of hard-wrapped text are joined; a paragraph ends at a blank line,
 *   at the end of a Word paragraph, before a numbered line, or after a line
 *   ending with "," ";" ":" (or "." before a line that opens like a
 *   preambular paragraph) followed by a line starting with a capital.
 * - Numbers are stripped: they are derived, never stored.
 * - Running headers and footers (blocks repeated on several pages) and image
 *   placeholders are dropped (pageFurniture.ts).
 */

interface Line {
  text: string;
  blank: boolean;
  marker: Marker | null;
  list: DraftLine['list'];
  ends: boolean;
  heading: boolean;
  table: boolean;
  furniture: boolean;
}

type Phase = 'header' | 'preamble' | 'operative' | 'note' | 'signatures';
type ParagraphKind = 'preamble' | 'operative' | 'note';

/** The last punctuation mark, closing quotes, brackets and emphasis left aside: `… RELACOPAZ".` ends with ".". */
function lastMark(text: string): string {
  return text.replace(/["'”’»)\]*_]+$/u, '').slice(-1);
}

const STARTS_UPPER = /^[[("“'«¿¡*_]*[\p{Lu}\p{N}]/u;
const FORMULA_MAX_CHARS = 80;
const FORMULA_MAX_WORDS = 8;
const NOTE = /^[*†‡\s]*(?:notes?|nota|n\.\s?b\.)\s*:\s*/iu;
const ACTOR = /^(?:(?:the|los|las|el|la|les|le|os|as|o|a|we|nosotros|nosotras|nous|nós)(?![\p{L}])|l['’])/iu;
const TITLE_WORD =
  /(?<![\p{L}])(?:declaration|declaración|declaração|déclaration|resolution|resolución|resolução|résolution|decision|decisión|decisão|décision|statement|communiqué|communique|comunicado|charter|compromiso|compromisso|commitment|agreement|acuerdo|acordo|accord|consensus|consenso|pact|pacto|pacte|programme|program|programa|agenda)(?![\p{L}])/iu;
const CLOSING =
  /^(?:done|adopted|signed|hecho|dado|dada|adoptad[oa]|firmad[oa]|feito|feita|assinad[oa]|fait|adopté|adoptée|signé|signée)\s+(?:at|in|on|en|em|à|a|le)(?![\p{L}])/iu;
/** A stray running header caught at the end of a paragraph: "… under this Statement. DECLARATI". */
const TRAILING_STRAY = /([.;:])\s+\p{Lu}{4,}$/u;
const MAX_SIGNATURE_LINE = 120;
const MAX_TITLE_CHARS = 300;
/** "Article 1er", "Artículo 12": the heading of an article, not of the text. */
const ARTICLE_HEADING = /^(?:article|artículo|artigo)\s+(?:\d|premier|primero|primeiro|[IVXLC]+\b)/iu;
/** How far the heading looks ahead for the end of a chapeau or a preambular paragraph. */
const MAX_HEADER_LOOKAHEAD = 40;

function isFormula(line: Line): boolean {
  const { text } = line;
  return (
    line.marker === null &&
    line.list === undefined &&
    text.endsWith(':') &&
    text.length <= FORMULA_MAX_CHARS &&
    text.split(' ').length <= FORMULA_MAX_WORDS &&
    STARTS_UPPER.test(text) &&
    !NOTE.test(text)
  );
}

/** Short, no clause number, no clause punctuation: a line of a signature block. */
function signatureShaped(line: Line): boolean {
  if (line.marker !== null || line.list !== undefined || line.text.length > MAX_SIGNATURE_LINE) return false;
  const mark = lastMark(line.text);
  if (mark === ',' || mark === ';' || mark === ':') return false;
  // "Jr.", "Gen." end with a period; a sentence does not stop after so short a word.
  if (mark === '.') return (line.text.split(' ').pop() ?? '').length <= 4;
  return true;
}

function opensOperativePart(line: Line): boolean {
  if (line.list) return line.list.kind === 'number' && line.list.level === 0;
  return line.marker !== null && line.marker.style !== 'alpha';
}

function stripped(text: string): string {
  return cleanText(text.replace(TRAILING_STRAY, '$1'));
}

/** The separator between two wrapped lines: none inside a word broken at a hyphen ("peace-" + "keeping"). */
function separator(head: string, next: string): string {
  return /\p{L}-$/u.test(head) && /^\p{Ll}/u.test(next) ? '' : ' ';
}

/**
 * The operative paragraphs and their sub-items as they are read: where the
 * next item goes depends on the markers seen so far ("i)" after "h)" is a
 * letter, after "a)" a roman numeral one level down).
 */
class OperativeTree {
  private op: ParsedItem | null = null;
  private sub: ParsedItem | null = null;
  private last: ParsedItem | null = null;
  private subStyle: 'letter' | 'roman' | null = null;
  private subValue: string | null = null;
  private subSubValue: string | null = null;

  constructor(private readonly items: ParsedItem[]) {}

  add(line: Line | null, text: string): void {
    const place = line ? this.placeOf(line) : { depth: 0 as const };
    let depth = place.depth;
    if (depth === 2 && this.sub === null) depth = 1;
    if (depth >= 1 && this.op === null) depth = 0;
    const item: ParsedItem = { text, subitems: [] };
    if (depth === 0) {
      this.items.push(item);
      this.op = item;
      this.sub = null;
      this.subStyle = null;
      this.subValue = null;
      this.subSubValue = null;
    } else if (depth === 1) {
      this.op!.subitems.push(item);
      this.sub = item;
      this.subStyle = place.style ?? 'letter';
      this.subValue = place.value ?? null;
      this.subSubValue = null;
    } else {
      this.sub!.subitems.push(item);
      this.subSubValue = place.value ?? null;
    }
    this.last = item;
  }

  /** A paragraph without a number: the rest of the item before it (or the first operative paragraph). */
  continueLast(text: string): void {
    if (this.last === null) this.add(null, text);
    else this.last.text = `${this.last.text} ${text}`;
  }

  get isEmpty(): boolean {
    return this.op === null;
  }

  private placeOf(line: Line): { depth: 0 | 1 | 2; style?: 'letter' | 'roman'; value?: string } {
    const marker = line.marker;
    if (marker && marker.style !== 'alpha') return { depth: 0 };
    if (marker) {
      const value = marker.value;
      if (this.subSubValue !== null && isRomanValue(this.subSubValue) && value === nextRoman(this.subSubValue)) return { depth: 2, style: 'roman', value };
      if (this.subStyle === 'letter' && this.subValue !== null && value === nextLetter(this.subValue)) return { depth: 1, style: 'letter', value };
      if (this.subStyle === 'roman' && this.subValue !== null && isRomanValue(this.subValue) && value === nextRoman(this.subValue)) {
        return { depth: 1, style: 'roman', value };
      }
      if (isRomanValue(value)) return this.subStyle === 'letter' ? { depth: 2, style: 'roman', value } : { depth: 1, style: 'roman', value };
      if (isLetterValue(value)) return { depth: 1, style: 'letter', value };
    }
    const list = line.list;
    if (!list) return { depth: 0 };
    if (list.level >= 2) return { depth: 2, style: 'roman' };
    if (list.level === 1) return { depth: 1, style: list.kind === 'roman' ? 'roman' : 'letter' };
    if (list.kind === 'number') return { depth: 0 };
    if (list.kind === 'roman') return this.subStyle === 'letter' ? { depth: 2, style: 'roman' } : { depth: 1, style: 'roman' };
    // A letter list, or bullets under an operative paragraph.
    return { depth: 1, style: 'letter' };
  }
}

function prepare(input: readonly DraftLine[]): Line[] {
  const cleaned: DraftLine[] = input.map((line) => {
    const text = cleanText(line.text);
    return isImageText(text) ? { text: '', ends: line.ends } : { ...line, text };
  });
  const furniture = furnitureOf(cleaned);
  return cleaned.map((line, i) => {
    // An automatic number says what the item is; a typed one is read only where there is none ("- a) …").
    const marker = line.text === '' || line.list?.kind === 'number' ? null : readMarker(line.text);
    return {
      text: line.text,
      blank: line.text === '',
      marker,
      list: line.list,
      ends: line.ends === true,
      heading: line.heading === true,
      table: line.table === true,
      furniture: furniture.has(i),
    };
  });
}

class Recogniser {
  private readonly draft = emptyDraft();
  private readonly tree = new OperativeTree(this.draft.operative);
  private readonly header: { lines: string[]; heading: boolean; furniture: boolean }[] = [];
  private phase: Phase = 'header';

  /** For each line: where its group ends (the next blank line), and where the lines shaped like a signature's stop. */
  private readonly groupEnd: number[];
  private readonly signatureShapeEnd: number[];

  constructor(private readonly lines: Line[]) {
    // Computed once, backwards, so that asking "do signatures start here?" at every line stays linear.
    this.groupEnd = new Array<number>(lines.length);
    this.signatureShapeEnd = new Array<number>(lines.length);
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i]!;
      const breaks = line.blank || line.furniture;
      this.groupEnd[i] = breaks ? i : (this.groupEnd[i + 1] ?? lines.length);
      this.signatureShapeEnd[i] = breaks || !signatureShaped(line) ? i : (this.signatureShapeEnd[i + 1] ?? lines.length);
    }
  }

  run(): { draft: ParsedDraft; leftOut: LeftOut[] } {
    let i = 0;
    let block: (typeof this.header)[number] | null = null;
    while (i < this.lines.length) {
      const line = this.lines[i]!;
      if (line.blank || (line.furniture && this.phase !== 'header')) {
        block = null;
        i++;
        continue;
      }
      if (this.phase === 'header') {
        const next = this.headerLine(i);
        if (next === null) {
          // A line of the heading: the title, or what surrounds it.
          const startsBlock = block === null || this.lines[i - 1]?.ends === true || block.heading !== line.heading || block.furniture !== line.furniture;
          if (startsBlock) {
            block = { lines: [], heading: line.heading, furniture: line.furniture };
            this.header.push(block);
          }
          block!.lines.push(line.text);
          i++;
        } else {
          i = next;
        }
        continue;
      }
      block = null;
      if (this.phase === 'preamble') i = this.preambleLine(i);
      else if (this.phase === 'operative') i = this.operativeLine(i);
      else if (this.phase === 'note') i = this.noteLine(i);
      else i = this.signatureGroup(i);
    }
    const { title, leftOut } = this.title();
    this.draft.title = title;
    return { draft: this.draft, leftOut };
  }

  /** null: the line belongs to the heading; else where to go on from, in a later phase. */
  private headerLine(i: number): number | null {
    const line = this.lines[i]!;
    const later = this.laterPart(line, i);
    if (later !== null) return later;
    // "A/RES/74/132" is masthead, not a chapeau opening with the article "A".
    if (line.furniture || isMasthead(line.text)) return null;
    const paragraph = this.paragraph(i, 'preamble', MAX_HEADER_LOOKAHEAD);
    if (!/[,;]/.test(lastMark(paragraph.text))) return null;
    if (this.draft.chapeau === null && ACTOR.test(line.text)) {
      this.draft.chapeau = paragraph.text;
      return this.enter('preamble', paragraph.next);
    }
    const startsBlock = i === 0 || this.lines[i - 1]!.blank || this.lines[i - 1]!.ends || this.lines[i - 1]!.furniture;
    if (!line.heading && (opensLikePreamble(line.text) || (this.header.length > 0 && startsBlock))) return this.enter('preamble', i);
    return null;
  }

  private preambleLine(i: number): number {
    const line = this.lines[i]!;
    const later = this.laterPart(line, i);
    if (later !== null) return later;
    const paragraph = this.paragraph(i, 'preamble');
    // A section heading ("Preamble") is not a clause.
    if (line.heading && paragraph.next === i + 1 && !/[,;.]/.test(lastMark(line.text))) return i + 1;
    this.draft.preamble.push({ text: stripped(paragraph.text) });
    return paragraph.next;
  }

  /** Where to go on from if the operative part, its formula or the note begins at this line; else null. */
  private laterPart(line: Line, i: number): number | null {
    if (opensOperativePart(line)) return this.enter('operative', i);
    if (isFormula(line)) {
      this.draft.formula = line.text;
      return this.enter('operative', i + 1);
    }
    if (NOTE.test(line.text)) return this.enter('note', i);
    return null;
  }

  private operativeLine(i: number): number {
    const line = this.lines[i]!;
    if (NOTE.test(line.text)) return this.enter('note', i);
    if (line.marker !== null || line.list !== undefined) {
      const paragraph = this.paragraph(i, 'operative');
      this.tree.add(line, stripped(paragraph.text));
      return paragraph.next;
    }
    if (!this.tree.isEmpty && this.signaturesAt(i)) return this.enter('signatures', i);
    const paragraph = this.paragraph(i, 'operative');
    if (line.heading && paragraph.next === i + 1 && !/[,;.]/.test(lastMark(line.text))) return i + 1;
    // "Done at Buenos Aires on …": the document has no place for it.
    if (CLOSING.test(line.text)) return paragraph.next;
    this.tree.continueLast(stripped(paragraph.text));
    return paragraph.next;
  }

  private noteLine(i: number): number {
    if (this.signaturesAt(i)) return this.enter('signatures', i);
    const paragraph = this.paragraph(i, 'note');
    this.addToNote(paragraph.text.replace(NOTE, ''));
    return paragraph.next;
  }

  private signatureGroup(i: number): number {
    const group = this.groupAt(i);
    if (!this.signatureLike(i)) {
      // Text among the signatures (not an image, not a page header): kept, as part of the note.
      this.addToNote(group.map((l) => l.text).join(' '));
      return i + group.length;
    }
    const texts = group.map((l) => l.text);
    const chunks: string[][] = [];
    // Signature blocks typed one after another without a blank line: name, title, state each.
    if (!group[0]!.table && texts.length >= 6 && texts.length % 3 === 0) {
      for (let k = 0; k < texts.length; k += 3) chunks.push(texts.slice(k, k + 3));
    } else {
      chunks.push(texts);
    }
    for (const chunk of chunks) {
      const name = chunk[0]!;
      const state = chunk.length > 1 ? chunk[chunk.length - 1]! : '';
      const title = chunk.slice(1, -1).join(' ');
      this.draft.signatories.push({ name, title: cleanText(title), state });
    }
    return i + group.length;
  }

  private addToNote(text: string): void {
    const clean = stripped(text);
    if (clean === '') return;
    this.draft.note = this.draft.note === null ? clean : `${this.draft.note} ${clean}`;
  }

  private enter(phase: Phase, at: number): number {
    this.phase = phase;
    return at;
  }

  /** The lines from `i` to the next blank line. */
  private groupAt(i: number): Line[] {
    return this.lines.slice(i, this.groupEnd[i]);
  }

  /** A group of signature-shaped lines, the first not starting in lower case: name / title / state. */
  private signatureLike(i: number): boolean {
    const end = this.groupEnd[i]!;
    return end > i && this.signatureShapeEnd[i]! >= end && !/^\p{Ll}/u.test(this.lines[i]!.text);
  }

  private signaturesAt(i: number): boolean {
    return (this.groupEnd[i]! - i >= 2 || this.lines[i]?.table === true) && this.signatureLike(i);
  }

  /** A paragraph starting at line `i`: its text (number stripped) and the index of the line after it. */
  private paragraph(i: number, kind: ParagraphKind, maxLines = Infinity): { text: string; next: number } {
    const first = this.lines[i]!;
    const parts = [first.marker ? first.marker.rest : first.text];
    let previous = first;
    let j = i + 1;
    for (; j < this.lines.length && j < i + maxLines; j++) {
      const next = this.lines[j]!;
      if (next.blank || next.furniture || previous.ends) break;
      // A number alone on its line ("1.") takes the next line as its text.
      const numberOnly = parts.length === 1 && parts[0] === '';
      if (!numberOnly && !this.joins(previous, next, j, kind)) break;
      // Parts, joined once: growing one string and testing its end each time would be quadratic.
      parts.push(numberOnly ? '' : separator(previous.text, next.text), next.text);
      previous = next;
    }
    return { text: cleanText(parts.join('')), next: j };
  }

  private joins(previous: Line, next: Line, at: number, kind: ParagraphKind): boolean {
    if (next.marker !== null || next.list !== undefined) return false;
    if (kind === 'note') return true;
    if (NOTE.test(next.text)) return false;
    const mark = lastMark(previous.text);
    if (kind === 'preamble') {
      if (isFormula(next)) return false;
      if (mark === ',' || mark === ';' || mark === ':') return !STARTS_UPPER.test(next.text);
      if (mark === '.') return !(STARTS_UPPER.test(next.text) && opensLikePreamble(next.text));
      return true;
    }
    // Operative: a new clause has a number; only the signatures may follow without one.
    if ((mark === '.' || mark === ';') && !this.tree.isEmpty) return !this.signaturesAt(at);
    return true;
  }

  /**
   * The line naming the text, never the masthead around it (masthead.ts); the
   * lines after it are part of it (a wrapped title, a quoted motto) until a
   * subtitle, a clause-like line or 300 characters. The lines of the heading
   * it leaves out are returned with why, so that no word goes unreported.
   */
  private title(): { title: string | null; leftOut: LeftOut[] } {
    type Entry = { text: string; used: boolean };
    const all = this.header.map((b) => ({ ...b, entries: b.lines.map((text): Entry => ({ text, used: false })) }));
    const blocks = all.map((b) => ({ ...b, entries: b.entries.filter((e) => !isMasthead(e.text)) })).filter((b) => b.entries.length > 0);
    type Block = (typeof blocks)[number];
    const named = (b: Block) =>
      b.entries.findIndex(({ text: l }) => RESOLUTION_NUMBER.test(l) || (TITLE_WORD.test(l) && !isSubtitle(l) && !opensLikePreamble(l) && (/^\P{Ll}/u.test(l) || l.split(' ').length <= 12)));
    const linesFrom = (b: Block, start: number): Entry[] => {
      const taken = [b.entries[start]!];
      let length = taken[0]!.text.length;
      for (const entry of b.entries.slice(start + 1)) {
        if (isSubtitle(entry.text) || /[,;:]/.test(lastMark(entry.text)) || length + entry.text.length >= MAX_TITLE_CHARS) break;
        taken.push(entry);
        length += entry.text.length + 1;
      }
      return taken;
    };
    const textOf = (entries: Entry[]) => cleanText(entries.map((e) => e.text).join(' ').replace(RESOLUTION_NUMBER, ''));
    const choose = (): Entry[] | null => {
      const headingNamed = blocks.find((b) => b.heading && named(b) >= 0);
      if (headingNamed) return linesFrom(headingNamed, named(headingNamed));
      const anyNamed = blocks.find((b) => named(b) >= 0 && textOf(linesFrom(b, named(b))).length <= MAX_TITLE_CHARS);
      if (anyNamed) return linesFrom(anyNamed, named(anyNamed));
      // No line names the text: a heading or a short first block, but not an article's heading nor a sentence that opens the text.
      const candidates = blocks.filter((b) => !ARTICLE_HEADING.test(b.entries[0]!.text));
      const chosen = candidates.find((b) => b.heading && !b.furniture) ?? candidates.find((b) => !b.furniture) ?? candidates[0];
      if (!chosen) return null;
      const entries = linesFrom(chosen, 0);
      const text = textOf(entries);
      if (text === '' || text.length > MAX_TITLE_CHARS || /[,;:]/.test(lastMark(entries[0]!.text))) return null;
      return entries;
    };
    const chosen = choose();
    for (const entry of chosen ?? []) entry.used = true;
    const leftOut: LeftOut[] = [];
    for (const block of all) {
      for (const { text, used } of block.entries) {
        if (used) continue;
        const reason = block.furniture ? 'page-furniture' : isMasthead(text) ? 'masthead' : isSubtitle(text) ? 'subtitle' : 'unrecognised';
        leftOut.push({ text, reason });
      }
    }
    return { title: chosen ? textOf(chosen) : null, leftOut };
  }
}

/** A line of the heading that is not in the title: the draft has no place for it yet (issue 15's `unplaced`). */
export type LeftOut = UnplacedText;

/**
 * The draft, and the lines of its heading that the title leaves out (the
 * masthead, a subtitle, a conference line): `ParsedDraft` has no place for
 * them yet, so they are returned beside it rather than lost without trace.
 */
export function recogniseDraftWithHeading(lines: readonly DraftLine[]): { draft: ParsedDraft; leftOut: LeftOut[] } {
  return new Recogniser(prepare(lines)).run();
}

export function recogniseDraft(lines: readonly DraftLine[]): ParsedDraft {
  return recogniseDraftWithHeading(lines).draft;
}
