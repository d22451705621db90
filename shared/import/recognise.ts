import { cleanText } from './cleanText.ts';
import type { DraftLine } from './draftLine.ts';
import { footnotesOf, type FootnoteLines } from './footnotes.ts';
import { isLetterValue, isRomanValue, nextLetter, nextRoman, readMarker, SHORT_NUMBER_DIGITS, type Marker } from './markers.ts';
import { gluedParagraphStarts, opensLikePreamble } from './openingPhrase.ts';
import { isMasthead, isSubtitle, RESOLUTION_NUMBER } from './masthead.ts';
import { furnitureOf, isImageText, pageFurnitureOf } from './pageFurniture.ts';
import { emptyDraft, type ParsedDraft, type ParsedItem, type UnplacedText } from './parsedDraft.ts';
import { columnsOf, isPartyLine, isWitnessLine, signatoriesOf } from './signatures.ts';
import { ANNEX_LINE, ARTICLE_LINE, closingContinues, FORMULA_SENTENCE, headingText, isClosingLine, OPERATIVE_OPENING, readArticleLine, WRAPPED_HEADING, type HeadingLimits } from './shapes.ts';

/**
 * The structure of a zero draft, from its lines (docs/SPEC.md IMP2). Pure:
 * the file readers (server/import/) turn .docx, .md and .txt into
 * `DraftLine`s; this reads conference line, title, subtitle, chapeau,
 * preamble, formula, operative paragraphs and sub-items (numbered, in
 * articles or unnumbered, with the headings above them), closing, note,
 * footnotes and signatures from them, in that order.
 *
 * Every line is accounted for (IMP1): a line no part takes — the UN
 * masthead, running heads, image placeholders, rules, anything not
 * recognised — is listed in `unplaced` with its reason and the part it
 * stood before.
 *
 * - Title: among the lines before the chapeau, leaving the UN masthead
 *   aside (masthead.ts), a heading that names a kind of text ("Declaration
 *   of …"), else any such line (with what follows it in its block, up to a
 *   subtitle), else the first heading, else a short first block. The block
 *   above it naming a meeting is the conference line, the first subtitle
 *   line below it the subtitle.
 * - Lines of hard-wrapped text are joined; a paragraph ends at a blank line,
 *   at the end of a Word paragraph, before a numbered line, or after a line
 *   ending with "," ";" ":" (or "." before a line that opens like a
 *   preambular paragraph, or "." on a line that ends before the text's
 *   wrapping width) followed by a line starting with a capital.
 * - Numbers are stripped: they are derived, never stored; a working number
 *   "7 bis." is kept as the paragraph's `number`.
 */

interface Line {
  text: string;
  blank: boolean;
  /** An image placeholder or a rule: a break, reported as page furniture. */
  image: boolean;
  marker: Marker | null;
  list: DraftLine['list'];
  ends: boolean;
  heading: boolean;
  table: boolean;
  furniture: boolean;
  /** The text of a footnote (footnotes.ts): taken out of the flow. */
  footnote: boolean;
  /** The line's columns when two blocks are typed side by side (signatures.ts); one otherwise. */
  columns: string[];
}

type Phase = 'header' | 'preamble' | 'operative' | 'note' | 'signatures';
type ParagraphKind = 'preamble' | 'operative' | 'note';
type Part = NonNullable<UnplacedText['before']>['part'];

/** The last punctuation mark, closing quotes, brackets and emphasis left aside: `… RELACOPAZ".` ends with ".". */
function lastMark(text: string): string {
  // Footnote markers glued after the punctuation ("Council,1,2", "none.27") are not the paragraph's end.
  return text
    .replace(/(?<=[.,;:])(?:\d{1,3}|[*†‡¹²³⁴⁵⁶⁷⁸⁹⁰]+)(?:,\d{1,3})*$/u, '')
    // ":-", as some chanceries type the end of a formula: a colon.
    .replace(/(?<=:)[-–—]$/u, '')
    .replace(/["'”’»)\]*_]+$/u, '')
    .slice(-1);
}

/** "Preamble", "Préambule": the heading of the preamble. */
const PREAMBLE_HEADING = /^(?:preamble|preámbulo|preâmbulo|préambule)$/iu;

/**
 * "Considérant :", "Considering:", or "Considerando" alone on its line
 * before a blank line: a lead-in shared by the preambular paragraphs after
 * it, kept as their heading.
 */
function isLeadIn(line: Line, next: Line | undefined): boolean {
  const { text } = line;
  if (text.split(/\s+/u).length > 3 || !opensLikePreamble(text)) return false;
  return /:$/u.test(text) || (/[^.,;:]$/u.test(text) && next !== undefined && next.blank);
}

const STARTS_UPPER = /^[[("“'«¿¡*_]*[\p{Lu}\p{N}]/u;
const FORMULA_MAX_CHARS = 80;
const FORMULA_MAX_WORDS = 8;
const NOTE = /^[*†‡\s]*(?:notes?|nota|n\.\s?b\.)\s*:\s*/iu;
/** Who speaks, opening a chapeau: "The Security Council,", "We, the Heads of State …", "Therefore the Security Council,". */
const ACTOR =
  /^[“"'«]?(?:(?:therefore|thus|por (?:lo )?tanto|portanto|par conséquent),?\s+)?(?:(?:the|los|las|el|la|les|le|os|as|o|a|we|nosotros|nosotras|nous|nós)(?![\p{L}])|l['’])/iu;
const TITLE_WORD =
  /(?<![\p{L}])(?:declaration|declaración|declaração|déclaration|resolution|resolución|resolução|résolution|decision|decisión|decisão|décision|statement|communiqué|communique|comunicado|charter|compromiso|compromisso|commitment|agreement|acuerdo|acordo|accord|consensus|consenso|pact|pacto|pacte|programme|program|programa|agenda|proclama|proclamation|proclamação|charte|carta)(?![\p{L}])/iu;
/** A block above the title naming a meeting: the conference line. */
const MEETING =
  /(?<![\p{L}])(?:summit|cumbre|cúpula|sommet|conference|conferencia|conferência|conférence|meeting|reunión|reunião|réunion|forum|foro|fórum|congress|congreso|congresso|congrès|assembly|asamblea|assembleia|assemblée|ministerial)(?![\p{L}])/iu;
/** A stray running header caught at the end of a paragraph: "… under this Statement. DECLARATI". */
const TRAILING_STRAY = /([.;:])\s+(\p{Lu}{4,})$/u;
const MAX_SIGNATURE_LINE = 120;
const MAX_TITLE_CHARS = 300;
/** A chapeau of up to 300 words ("We, the Heads of State …, gathered at …,"). */
const MAX_CHAPEAU_WORDS = 300;
/** A paragraph this long opening with "We" and ending with "." commits: an unnumbered operative paragraph, not a title. */
const MIN_STATEMENT_WORDS = 30;
/** How far the heading looks ahead for the end of a chapeau or a preambular paragraph. */
const MAX_HEADER_LOOKAHEAD = 40;
/** Above this, lines are paragraphs, not hard-wrapped text: a line ending with "." ends its paragraph. */
const MAX_WRAP_WIDTH = 200;

function wordCount(text: string): number {
  return text.split(/\s+/u).filter((w) => w !== '').length;
}

function isFormula(line: Line, lowerCase = false): boolean {
  const { text } = line;
  return (
    line.marker === null &&
    line.list === undefined &&
    text.endsWith(':') &&
    text.length <= FORMULA_MAX_CHARS &&
    text.split(' ').length <= FORMULA_MAX_WORDS &&
    (lowerCase ? /^\p{L}/u.test(text) : STARTS_UPPER.test(text)) &&
    !NOTE.test(text) &&
    // "Recalling its resolution 1325 (2000):" is a short preambular paragraph, not the formula (DRAFT9); "Having agreed as follows:" is one.
    (!opensLikePreamble(text) || FORMULA_SENTENCE.test(text))
  );
}

/**
 * A line of a signature block that names its party or its witnesses ("For
 * the Government of …,", "Witnessed by:"): the block's lines may then end
 * with "," or "." as such blocks are typed ("Engineer Ibrahim Mahmoud
 * Hamid,"), column by column when side by side.
 */
function looselySignatureShaped(line: Line): boolean {
  if (line.marker !== null || line.list !== undefined || line.footnote || line.image || line.text === '') return false;
  return line.columns.every((c) => c.length <= MAX_SIGNATURE_LINE) && line.text.length <= 2 * MAX_SIGNATURE_LINE;
}

function namesParty(line: Line): boolean {
  return line.columns.some((c) => isPartyLine(c) || isWitnessLine(c));
}

/** Short, no clause number, no clause punctuation: a line of a signature block. */
function signatureShaped(line: Line): boolean {
  if (line.marker !== null || line.list !== undefined || line.text.length > MAX_SIGNATURE_LINE || line.footnote || line.image) return false;
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

/** The separator between two wrapped lines: none inside a word broken at a hyphen ("peace-" + "keeping"). */
function separator(head: string, next: string): string {
  return /\p{L}-$/u.test(head) && /^\p{Ll}/u.test(next) ? '' : ' ';
}

/**
 * The operative paragraphs and their sub-items as they are read: where the
 * next item goes depends on the markers seen so far ("i)" after "h)" is a
 * letter, after "a)" a roman numeral one level down). In a text organised
 * in articles, an article is an operative paragraph and its numbered
 * paragraphs "1.", "(1)" are its sub-items.
 */
class OperativeTree {
  private op: ParsedItem | null = null;
  private sub: ParsedItem | null = null;
  private last: ParsedItem | null = null;
  private subStyle: 'letter' | 'roman' | null = null;
  private subValue: string | null = null;
  private subSubValue: string | null = null;
  articles = false;
  /** The operative part opened with a bullet: bullets at the top level are its paragraphs. */
  bulletParagraphs = false;

  constructor(private readonly items: ParsedItem[]) {}

  add(line: Line | null, text: string): ParsedItem {
    // Bullets that open the operative part (after a formula too) are its paragraphs; under a numbered paragraph, its sub-items.
    if (this.op === null && line?.list?.kind === 'bullet' && line.list.level === 0) this.bulletParagraphs = true;
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
    return item;
  }

  /** A paragraph without a number: the rest of the item before it (or the first operative paragraph); an article's first paragraph is its text. */
  continueLast(text: string): void {
    if (this.last === null) this.add(null, text);
    else if (this.last.text === '' && this.last.subitems.length === 0) this.last.text = text;
    else this.last.text = `${this.last.text} ${text}`;
  }

  get isEmpty(): boolean {
    return this.op === null;
  }

  /** An annex begins: its first item is a paragraph, never a sub-item of the last clause before it. */
  restart(): void {
    this.op = null;
    this.sub = null;
    this.last = null;
    this.subStyle = null;
    this.subValue = null;
    this.subSubValue = null;
    this.bulletParagraphs = false;
  }

  get current(): ParsedItem | null {
    return this.op;
  }

  private placeOf(line: Line): { depth: 0 | 1 | 2; style?: 'letter' | 'roman'; value?: string } {
    const marker = line.marker;
    if (this.articles && this.op !== null) {
      // Inside an article: "1.", "(1)" are its paragraphs, "(a)" one level further — or its sub-items where it has no numbered paragraphs.
      const numbered = this.op.subitems.length > 0 && this.subStyle === 'roman';
      if (marker && marker.style !== 'alpha') return { depth: 1, style: 'roman', value: marker.value };
      if (marker || (line.list && line.list.kind !== 'number')) return numbered ? { depth: 2, style: 'letter', value: marker?.value } : { depth: 1, style: 'letter', value: marker?.value };
      if (line.list) return { depth: 1, style: 'roman' };
    }
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
    if (list.kind === 'bullet' && this.bulletParagraphs && list.level === 0) return { depth: 0 };
    if (list.level >= 2) return { depth: 2, style: 'roman' };
    if (list.level === 1) return { depth: 1, style: list.kind === 'roman' ? 'roman' : 'letter' };
    if (list.kind === 'number') return { depth: 0 };
    if (list.kind === 'roman') return this.subStyle === 'letter' ? { depth: 2, style: 'roman' } : { depth: 1, style: 'roman' };
    // A letter list, or bullets under an operative paragraph.
    return { depth: 1, style: 'letter' };
  }
}

/** An OCR'd "(1)" for "(i)": a parenthesised 1 followed, as the next numbered line, by "(ii)". */
function fixOcrRomanOne(lines: Line[]): void {
  for (let i = 0; i < lines.length; i++) {
    const marker = lines[i]!.marker;
    if (!marker || marker.style !== 'number' || marker.value !== '1' || !marker.enclosed) continue;
    const next = lines.slice(i + 1).find((l) => l.marker !== null);
    if (next?.marker?.style === 'alpha' && next.marker.value === 'ii') lines[i]!.marker = { ...marker, style: 'alpha', value: 'i' };
  }
}

/**
 * A number of four digits or more ("1000.", "1234)") is a paragraph's
 * number only when it continues the numbering: the number before it, typed
 * or a list item's, is one less ("999." then "1000.") or the same when it is
 * a working number ("1000." then "1000 bis."). Otherwise it is text: a year
 * or an amount at the start of a wrapped line ("2030. Agenda …") is not
 * paragraph 2030 (IMP19).
 */
function keepLongNumbersInSequence(lines: Line[]): void {
  let previous: number | null = null;
  for (const line of lines) {
    if (line.list?.kind === 'number') {
      previous = line.list.value ?? null;
      continue;
    }
    const marker = line.marker;
    if (!marker || marker.style !== 'number') continue;
    const value = Number(marker.value);
    if (marker.value.length > SHORT_NUMBER_DIGITS && !(previous !== null && (value === previous + 1 || (marker.suffix !== undefined && value === previous)))) {
      line.marker = null;
      continue;
    }
    previous = value;
  }
}

/** Bullets the file readers leave in the text ("▪ …", "■ …", "➢ …", as Word's own bullets come out in a text copy): list items, one level down when indented. */
const TYPED_BULLET = /^(\s*)[▪■◾▫□➢►]\s+/u;

function withTypedBullet(line: DraftLine): DraftLine {
  if (line.list !== undefined) return line;
  const bullet = TYPED_BULLET.exec(line.text);
  if (!bullet) return line;
  return { ...line, text: line.text.slice(bullet[0].length), list: { level: bullet[1]!.length >= 2 ? 1 : 0, kind: 'bullet' } };
}

function prepare(input: readonly DraftLine[], texts: readonly string[], footnotes: FootnoteLines, pageFurniture: ReadonlySet<number>): Line[] {
  const cleaned: DraftLine[] = input.map((line, i) => {
    const text = texts[i]!;
    return isImageText(text) || footnotes.lines.has(i) ? { text: '', ends: line.ends } : { ...line, text };
  });
  const furniture = furnitureOf(cleaned);
  for (const i of pageFurniture) furniture.add(i);
  const lines = input.map((line, i): Line => {
    const text = texts[i]!;
    const footnote = footnotes.lines.has(i);
    const image = !footnote && (line.rule === true || (text !== '' && isImageText(text)));
    const quiet = text === '' || image || footnote;
    // An automatic number says what the item is; a typed one is read only where there is none ("- a) …").
    const marker = quiet || line.list?.kind === 'number' ? null : readMarker(text, { long: true });
    return {
      text,
      blank: text === '' && !image,
      image,
      marker,
      list: line.list,
      ends: line.ends === true,
      heading: line.heading === true,
      table: line.table === true,
      furniture: !quiet && furniture.has(i),
      footnote,
      columns: quiet ? [text] : columnsOf(input[i]!.text).map((c) => cleanText(c)),
    };
  });
  fixOcrRomanOne(lines);
  keepLongNumbersInSequence(lines);
  return lines;
}

class Recogniser {
  private readonly draft = emptyDraft();
  private tree = new OperativeTree(this.draft.operative);
  private readonly header: { lines: number[]; heading: boolean; furniture: boolean }[] = [];
  private readonly headerLines = new Set<number>();
  private phase: Phase = 'header';
  /** Operative paragraphs without numbers: each paragraph is one. */
  private unnumbered = false;
  private numbered = false;
  /** Lines some part took. */
  private readonly used: boolean[];
  /** Where each part begins: the line and the part, for `unplaced[].before`. */
  private readonly placements: { line: number; part: Part; index?: number }[] = [];
  /** Words cut from a line (a stray running header): reported where they stood. */
  private readonly cut: { line: number; text: string; reason: UnplacedText['reason'] }[] = [];
  private pendingHeading: string | null = null;
  private readonly wrapWidth: number;

  /** For each line: where its group ends (the next blank line), and where the lines shaped like a signature's stop. */
  private readonly groupEnd: number[];
  private readonly signatureShapeEnd: number[];
  /** Where lines loosely shaped like a signature's stop, and the next line naming a party or witnesses, and the next closing line. */
  private readonly looseShapeEnd: number[];
  private readonly partyNext: number[];
  private readonly closingNext: number[];
  /** After an "Annex" heading: each paragraph is an operative paragraph of its own (IMP18). */
  private annex = false;
  /**
   * For a line that begins a page break — page furniture, with the blank
   * lines, rules and the notes at the foot of the page around it — the line
   * of text after it; -1 elsewhere. A paragraph may run on across it (IMP20).
   */
  private readonly pageBreakEnd: number[];

  constructor(
    private readonly lines: Line[],
    private readonly notes: FootnoteLines,
  ) {
    this.used = new Array<boolean>(lines.length).fill(false);
    // Computed once, backwards, so that asking "do signatures start here?" at every line stays linear.
    this.groupEnd = new Array<number>(lines.length);
    this.signatureShapeEnd = new Array<number>(lines.length);
    this.looseShapeEnd = new Array<number>(lines.length);
    this.partyNext = new Array<number>(lines.length);
    this.closingNext = new Array<number>(lines.length);
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i]!;
      const breaks = line.blank || line.furniture || line.image || line.footnote;
      this.groupEnd[i] = breaks ? i : (this.groupEnd[i + 1] ?? lines.length);
      this.signatureShapeEnd[i] = breaks || !signatureShaped(line) ? i : (this.signatureShapeEnd[i + 1] ?? lines.length);
      this.looseShapeEnd[i] = breaks || !looselySignatureShaped(line) ? i : (this.looseShapeEnd[i + 1] ?? lines.length);
      this.partyNext[i] = !breaks && namesParty(line) ? i : (this.partyNext[i + 1] ?? lines.length);
      this.closingNext[i] = !breaks && (isClosingLine(line.text) || ANNEX_LINE.test(line.text)) ? i : (this.closingNext[i + 1] ?? lines.length);
    }
    this.pageBreakEnd = new Array<number>(lines.length).fill(-1);
    let textAfter = lines.length;
    let furnitureAhead = false;
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i]!;
      if (!(line.blank || line.furniture || line.image || line.footnote)) {
        textAfter = i;
        furnitureAhead = false;
        continue;
      }
      furnitureAhead ||= line.furniture;
      if (furnitureAhead && textAfter < lines.length) this.pageBreakEnd[i] = textAfter;
    }
    let width = 0;
    for (const line of lines) if (!line.blank && !line.furniture) width = Math.max(width, line.text.length);
    this.wrapWidth = width;
  }

  run(): ParsedDraft {
    let i = 0;
    let block: (typeof this.header)[number] | null = null;
    while (i < this.lines.length) {
      const line = this.lines[i]!;
      if (line.blank || line.image || line.footnote || (line.furniture && this.phase !== 'header')) {
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
          block!.lines.push(i);
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
    for (const b of this.header) for (const line of b.lines) this.headerLines.add(line);
    this.heading();
    this.footnotes();
    if (this.pendingHeading !== null) this.unplacedHeading();
    if (this.tree.articles) this.draft.paragraphs = 'articles';
    else if (this.unnumbered && !this.numbered && this.draft.operative.length > 0) this.draft.paragraphs = 'unnumbered';
    const unplaced = this.unplaced();
    if (unplaced.length > 0) this.draft.unplaced = unplaced;
    return this.draft;
  }

  // ——— bookkeeping: every line is taken by a part or reported ———

  /** Page furniture a paragraph runs across (a page break) stays unplaced. */
  private take(from: number, to: number): void {
    for (let k = from; k < to; k++) if (!this.lines[k]!.furniture && !this.lines[k]!.image) this.used[k] = true;
  }

  private place(line: number, part: Part, index?: number): void {
    this.placements.push(index === undefined ? { line, part } : { line, part, index });
  }

  private unplaced(): UnplacedText[] {
    const placements = [...this.placements].sort((a, b) => a.line - b.line);
    const before = (line: number): UnplacedText['before'] => {
      const next = placements.find((p) => p.line > line);
      if (!next) return { part: 'end' };
      return next.index === undefined ? { part: next.part } : { part: next.part, index: next.index };
    };
    const out: { line: number; entry: UnplacedText }[] = [];
    this.lines.forEach((line, i) => {
      if (this.used[i] || line.footnote || line.text === '') return;
      // A job number or symbol on the first page is the masthead's; printed again on the next pages, page furniture.
      const masthead = isMasthead(line.text);
      const reason = line.image || (line.furniture && !(masthead && this.headerLines.has(i))) ? 'page-furniture' : masthead ? 'masthead' : isSubtitle(line.text) ? 'subtitle' : 'unrecognised';
      out.push({ line: i, entry: { text: line.text, reason } });
    });
    for (const { line, text, reason } of this.cut) out.push({ line, entry: { text, reason } });
    out.sort((a, b) => a.line - b.line);
    return out.map(({ line, entry }) => {
      const where = before(line);
      return where && placements.length > 0 ? { ...entry, before: where } : entry;
    });
  }

  /** Text of a paragraph, a stray running header at its end cut off and reported. */
  private stripped(text: string, lastLine: number): string {
    const stray = TRAILING_STRAY.exec(text);
    if (stray && !/^[IVXLC]+$/u.test(stray[2]!)) {
      this.cut.push({ line: lastLine + 0.5, text: stray[2]!, reason: 'page-furniture' });
      return cleanText(text.slice(0, stray.index + 1));
    }
    return cleanText(text);
  }

  // ——— the phases ———

  /** null: the line belongs to the heading; else where to go on from, in a later phase. */
  private headerLine(i: number): number | null {
    const line = this.lines[i]!;
    if ((PREAMBLE_HEADING.test(line.text) && this.header.length > 0) || isLeadIn(line, this.lines[i + 1])) {
      this.enter('preamble', i);
      return this.takeHeading(i);
    }
    const later = this.laterPart(line, i);
    if (later !== null) return later;
    // "A/RES/74/132" is masthead, not a chapeau opening with the article "A"; "San José, …, el 4 de diciembre de 2000," a subtitle.
    if (line.furniture || isMasthead(line.text) || isSubtitle(line.text)) return null;
    const paragraph = this.paragraph(i, 'preamble', MAX_HEADER_LOOKAHEAD);
    const mark = lastMark(paragraph.text);
    if (this.draft.chapeau === null && ACTOR.test(line.text) && (mark === ',' || mark === ':') && wordCount(paragraph.text) <= MAX_CHAPEAU_WORDS) {
      return this.setChapeau(i, paragraph);
    }
    // "We, Abdullah II …, have agreed to …": a long sentence that already commits.
    // Also a long sentence under the title of a statement by its authors' names ("Cuba e Noruega, …, anunciam … .").
    const statement = ACTOR.test(line.text) || (this.header.length > 0 && !line.heading && STARTS_UPPER.test(line.text) && !opensLikePreamble(line.text));
    if (statement && mark === '.' && wordCount(paragraph.text) >= MIN_STATEMENT_WORDS) {
      this.unnumbered = true;
      return this.enter('operative', i);
    }
    if (!/[,;]/.test(mark) && !(mark === '.' && opensLikePreamble(line.text) && !line.heading)) return null;
    const startsBlock = i === 0 || this.lines[i - 1]!.blank || this.lines[i - 1]!.ends || this.lines[i - 1]!.furniture || this.lines[i - 1]!.image;
    if (!line.heading && (opensLikePreamble(line.text) || (this.header.length > 0 && startsBlock))) return this.enter('preamble', i);
    return null;
  }

  private setChapeau(i: number, paragraph: { text: string; next: number }): number {
    this.draft.chapeau = paragraph.text;
    this.take(i, paragraph.next);
    this.place(i, 'chapeau');
    return this.enter('preamble', paragraph.next);
  }

  private preambleLine(i: number): number {
    const line = this.lines[i]!;
    if (isLeadIn(line, this.lines[i + 1])) return this.takeHeading(i);
    const later = this.laterPart(line, i);
    if (later !== null) return later;
    const heading = this.headingAt(i);
    if (heading > 0) return this.takeHeading(i, heading);
    const paragraph = this.paragraph(i, 'preamble');
    // "Therefore the Security Council," after a first paragraph: the chapeau.
    if (this.draft.chapeau === null && this.draft.preamble.length <= 2 && ACTOR.test(line.text) && lastMark(paragraph.text) === ',' && wordCount(paragraph.text) <= 20) {
      return this.setChapeau(i, paragraph);
    }
    // "Hereby resolves …", "Agree that …": an operative paragraph without a number.
    if (!opensLikePreamble(line.text) && OPERATIVE_OPENING.test(line.text)) {
      this.unnumbered = true;
      return this.enter('operative', i);
    }
    this.take(i, paragraph.next);
    const text = this.stripped(paragraph.text, paragraph.next - 1);
    // Two paragraphs glued on one line by a PDF copy ("…; Tendo em mente …"): two paragraphs.
    const cuts = [0, ...gluedParagraphStarts(text), text.length];
    for (let k = 0; k + 1 < cuts.length; k++) {
      this.place(i, 'preamble', this.draft.preamble.length);
      this.draft.preamble.push(this.withHeading({ text: text.slice(cuts[k], cuts[k + 1]).trim() }));
    }
    return paragraph.next;
  }

  /** Where to go on from if the operative part, its formula, the closing or the note begins at this line; else null. */
  private laterPart(line: Line, i: number): number | null {
    if (ARTICLE_LINE.test(line.text) && !line.marker) return this.startOperative(i, 'articles');
    if (opensOperativePart(line)) return this.startOperative(i, 'numbered');
    if (line.list?.kind === 'bullet' && line.list.level === 0 && this.phase === 'preamble') {
      this.tree.bulletParagraphs = true;
      return this.startOperative(i, 'unnumbered');
    }
    if (isFormula(line, this.phase === 'preamble')) {
      this.draft.formula = line.text;
      this.take(i, i + 1);
      this.place(i, 'formula');
      return this.enter('operative', i + 1);
    }
    if (this.phase !== 'header' && isClosingLine(line.text)) return this.closingAt(i);
    if (NOTE.test(line.text)) return this.enter('note', i);
    return null;
  }

  /**
   * The operative part begins. Without a formula, the last paragraph
   * before it that is a sentence proclaiming what follows ("Now, Therefore
   * THE GENERAL ASSEMBLY proclaims …", "En conséquence, l'Assemblée
   * nationale reconnaît et déclare …") is the formula; before articles,
   * unnumbered paragraphs read so far are the front matter.
   */
  private startOperative(i: number, style: 'numbered' | 'articles' | 'unnumbered'): number {
    if (style === 'articles') this.switchToArticles();
    if (this.draft.formula === null && this.draft.operative.length === 0) {
      const last = this.draft.preamble[this.draft.preamble.length - 1];
      if (last && !opensLikePreamble(last.text) && FORMULA_SENTENCE.test(last.text) && /[.:]/u.test(lastMark(last.text))) {
        this.draft.preamble.pop();
        this.draft.formula = last.text;
        const placement = [...this.placements].reverse().find((p) => p.part === 'preamble');
        if (placement) {
          placement.part = 'formula';
          delete placement.index;
        }
      }
    }
    if (style === 'unnumbered') this.unnumbered = true;
    return this.enter('operative', i);
  }

  private switchToArticles(): void {
    if (this.tree.articles) return;
    this.tree.articles = true;
    if (!this.numbered && this.draft.operative.length > 0 && this.draft.operative.every((op) => op.subitems.length === 0)) this.frontMatterFromOperative();
  }

  /** "Les représentants du peuple français, … ." then "En conséquence, … déclare …" before "Article 1er": chapeau and formula, not clauses. */
  private frontMatterFromOperative(): void {
    const items = this.draft.operative.splice(0);
    const starts = this.placements.filter((p) => p.part === 'operative');
    for (const p of starts) this.placements.splice(this.placements.indexOf(p), 1);
    let formula: { text: string; line: number } | null = null;
    const last = items[items.length - 1]!;
    if (this.draft.formula === null && FORMULA_SENTENCE.test(last.text)) {
      formula = { text: last.text, line: starts[starts.length - 1]!.line };
      items.pop();
    }
    items.forEach((item, k) => {
      const line = starts[k]!.line;
      if (k === 0 && this.draft.chapeau === null && ACTOR.test(item.text) && wordCount(item.text) <= MAX_CHAPEAU_WORDS) {
        this.draft.chapeau = item.text;
        this.place(line, 'chapeau');
      } else {
        this.place(line, 'preamble', this.draft.preamble.length);
        this.draft.preamble.push(item.heading === undefined ? { text: item.text } : { text: item.text, heading: item.heading });
      }
    });
    if (formula) {
      this.draft.formula = formula.text;
      this.place(formula.line, 'formula');
    }
    // A new tree: the articles start at OP1.
    this.unnumbered = false;
    this.tree = new OperativeTree(this.draft.operative);
    this.tree.articles = true;
  }

  private operativeLine(i: number): number {
    const line = this.lines[i]!;
    if (NOTE.test(line.text)) return this.enter('note', i);
    if (isClosingLine(line.text)) return this.closingAt(i);
    if (!this.tree.isEmpty && ANNEX_LINE.test(line.text) && !line.marker) return this.annexAt(i);
    // The title repeated over the signatures, just above "Done at …": not the last clause's text; reported.
    if (!this.tree.isEmpty && !line.marker && !line.list && headingText(line.text) && this.closingNext[i] === i + 1) {
      this.cut.push({ line: i, text: line.text, reason: 'unrecognised' });
      this.take(i, i + 1);
      return i + 1;
    }
    if (ARTICLE_LINE.test(line.text) && !line.marker) return this.articleAt(i);
    if (this.tree.articles && this.tree.isEmpty) return this.articleAt(i);
    if (line.marker !== null || line.list !== undefined) {
      const heading = line.marker?.style === 'upper-roman' ? this.headingAt(i) : 0;
      if (heading > 0) return this.takeHeading(i, heading);
      const paragraph = this.paragraph(i, 'operative');
      const item = this.addItem(line, i, this.stripped(paragraph.text, paragraph.next - 1));
      if (line.marker?.suffix) item.number = `${line.marker.value} ${line.marker.suffix}`;
      this.take(i, paragraph.next);
      return paragraph.next;
    }
    if (!this.tree.isEmpty && this.signaturesAt(i)) return this.enter('signatures', i);
    const heading = this.headingAt(i);
    if (heading > 0) return this.takeHeading(i, heading);
    const paragraph = this.paragraph(i, 'operative');
    const text = this.stripped(paragraph.text, paragraph.next - 1);
    this.take(i, paragraph.next);
    if ((this.unnumbered || this.annex || this.tree.isEmpty) && !this.tree.articles && !/^\p{Ll}/u.test(text)) {
      if (this.tree.isEmpty) this.unnumbered = true;
      this.addItem(null, i, text);
    } else {
      this.tree.continueLast(text);
    }
    return paragraph.next;
  }

  private addItem(line: Line | null, i: number, text: string): ParsedItem {
    const before = this.draft.operative.length;
    if (line?.marker?.style === 'alpha' && this.draft.subItemStyle === undefined && !this.tree.isEmpty) {
      this.draft.subItemStyle = line.marker.enclosed ? 'enclosed' : 'closing';
    }
    const item = this.tree.add(line, text);
    if (this.draft.operative.length > before) {
      this.place(i, 'operative', before);
      if (line?.marker || line?.list?.kind === 'number') this.numbered = true;
      this.withHeading(item);
    }
    return item;
  }

  /** "Article 5", "Artículo 12.", "### Article 1er", with a caption on the same or the next line: an operative paragraph with a heading. */
  private articleAt(i: number): number {
    const line = this.lines[i]!;
    const article = readArticleLine(line.text);
    if (article) this.switchToArticles();
    this.take(i, i + 1);
    if (!article) {
      // Text before the first article heading of an article-organised operative part: its own paragraph.
      const paragraph = this.paragraph(i, 'operative');
      this.take(i, paragraph.next);
      this.addItem(null, i, this.stripped(paragraph.text, paragraph.next - 1));
      return paragraph.next;
    }
    let next = i + 1;
    let caption = article.caption;
    let text = '';
    if (caption !== '' && !headingText(caption)) {
      // "Article 3. Everyone has the right …": the text on the heading's line.
      text = caption;
      caption = '';
    }
    if (caption === '') {
      let j = next;
      while (j < this.lines.length && this.lines[j]!.blank) j++;
      const candidate = this.lines[j];
      let k = j + 1;
      while (k < this.lines.length && this.lines[k]!.blank) k++;
      const after = this.lines[k];
      if (
        text === '' &&
        candidate &&
        !candidate.marker &&
        !candidate.list &&
        headingText(candidate.text) &&
        !ARTICLE_LINE.test(candidate.text) &&
        after &&
        !after.blank &&
        !ARTICLE_LINE.test(after.text) &&
        (candidate.heading || candidate.ends || k > j + 1 || opensOperativePart(after) || after.marker !== null)
      ) {
        caption = candidate.text;
        this.take(j, j + 1);
        next = j + 1;
      }
    }
    if (caption !== '') this.pendingHeading = this.pendingHeading === null ? caption : `${this.pendingHeading} ${caption}`;
    this.addItem(null, i, text);
    return next;
  }

  /**
   * "Annex", "Anexo II" after the operative part (IMP18): the annex's
   * paragraphs follow the main ones as operative paragraphs, each paragraph
   * one, the "Annex" line (with a title line under it) the heading of the
   * first.
   */
  private annexAt(i: number): number {
    this.annex = true;
    this.tree.restart();
    this.enter('operative', i);
    return this.takeHeading(i);
  }

  /** "Adopted unanimously at the 1382nd meeting.", "Done at …", "50th plenary meeting" and its date: the closing. */
  private closingAt(i: number): number {
    const texts = [this.lines[i]!.text];
    let j = i + 1;
    while (j < this.lines.length) {
      const next = this.lines[j]!;
      if (next.blank || next.image || next.footnote || next.furniture) break;
      const glue = closingContinues(texts[texts.length - 1]!, next.text);
      if (glue === null) break;
      texts.push(glue, next.text);
      j++;
    }
    const closing = texts
      .join('')
      .split('\n')
      .map((part) => cleanText(part))
      .join('\n');
    this.draft.closing = this.draft.closing === null ? closing : `${this.draft.closing}\n${closing}`;
    this.take(i, j);
    this.place(i, 'closing');
    return this.enter(this.phase === 'header' ? 'preamble' : 'note', j);
  }

  private noteLine(i: number): number {
    if (this.signaturesAt(i)) return this.enter('signatures', i);
    const line = this.lines[i]!;
    if (ANNEX_LINE.test(line.text) && !this.tree.isEmpty) return this.annexAt(i);
    if (isClosingLine(line.text) && this.draft.closing === null) return this.closingAt(i);
    const paragraph = this.paragraph(i, 'note');
    this.take(i, paragraph.next);
    this.addToNote(i, paragraph.text.replace(NOTE, ''), paragraph.next - 1);
    return paragraph.next;
  }

  private signatureGroup(i: number): number {
    // An annex after the signature page: its paragraphs are clauses again.
    if (ANNEX_LINE.test(this.lines[i]!.text) && !this.tree.isEmpty) return this.annexAt(i);
    const group = this.groupAt(i);
    this.take(i, i + group.length);
    if (!this.signatureLike(i)) {
      // Text among the signatures (not an image, not a page header): kept, as part of the note.
      this.addToNote(
        i,
        group.map((l) => l.text).join(' '),
        i + group.length - 1,
      );
      return i + group.length;
    }
    // A Word table's cell is a block of its own, never split in threes.
    for (const signatory of signatoriesOf(
      group.map((l) => l.columns),
      group[0]!.table,
    )) {
      this.place(i, 'signatories', this.draft.signatories.length);
      this.draft.signatories.push({ name: signatory.name, title: cleanText(signatory.title), state: signatory.state });
    }
    return i + group.length;
  }

  private addToNote(i: number, text: string, lastLine: number): void {
    const clean = this.stripped(text, lastLine);
    if (clean === '') return;
    if (this.draft.note === null) this.place(i, 'note');
    this.draft.note = this.draft.note === null ? clean : `${this.draft.note} ${clean}`;
  }

  private enter(phase: Phase, at: number): number {
    this.phase = phase;
    return at;
  }

  // ——— headings above clauses ———

  /**
   * A heading above a clause: a section letter or Roman part ("A. Health",
   * "II", "III. Cooperation"), a topic line ("Security and Stability",
   * "Preamble"): short, no clause punctuation, on a line of its own before
   * a paragraph. It may take two lines (IMP20): a section mark alone with
   * its title on the next line ("I." / "Global context and shared
   * commitments"), or a heading wrapped before a numbered clause ("II.
   * Implementation of the … for Landlocked" / "Developing Countries …").
   * The number of its lines; 0 when the line heads nothing.
   */
  private headingAt(i: number): number {
    const line = this.lines[i]!;
    if (!headingShaped(line, WRAPPED_HEADING)) return 0;
    if (headingShaped(line) && this.headsClause(line, i)) return 1;
    const second = this.lines[i + 1];
    if (!second || line.ends || second.blank || second.furniture || second.image || second.footnote || second.marker !== null || second.list !== undefined) return 0;
    if (opensLikePreamble(second.text) || OPERATIVE_OPENING.test(second.text)) return 0;
    // "I." alone: the title under it is the rest of the heading, and heads what follows as a heading of one line would.
    if (/^(?:[A-Z]|[IVXLC]{1,7})\.?$/u.test(line.text)) return headingShaped(second) && this.headsClause(second, i + 1) ? 2 : 0;
    // Wrapped: together no longer than a heading over two lines, right above a numbered clause.
    const after = this.lines[i + 2];
    if (!headingText(`${line.text} ${second.text}`, WRAPPED_HEADING) || /[.,;:]["'”’»)]*$/u.test(line.text)) return 0;
    return after !== undefined && (after.marker !== null || after.list !== undefined) ? 2 : 0;
  }

  /** Whether the heading line `i` stands right before what it heads: a clause, after blank lines or page furniture at most. */
  private headsClause(line: Line, i: number): boolean {
    let j = i + 1;
    while (j < this.lines.length && (this.lines[j]!.furniture || this.lines[j]!.image)) j++;
    const next = this.lines[j];
    if (!next || next.footnote) return false;
    if (next.blank) {
      let k = j;
      while (k < this.lines.length && this.lines[k]!.blank) k++;
      const after = this.lines[k];
      return after !== undefined && !after.footnote && !after.image && !this.signaturesAt(k) && (line.heading || !signatureShaped(after) || after.marker !== null || after.list !== undefined);
    }
    if (line.heading || line.ends) return !next.heading || next.marker !== null;
    return next.marker !== null || next.list !== undefined || opensLikePreamble(next.text) || OPERATIVE_OPENING.test(next.text);
  }

  private takeHeading(i: number, lines = 1): number {
    const text = this.lines
      .slice(i, i + lines)
      .map((l) => l.text)
      .join(' ');
    this.take(i, i + lines);
    this.pendingHeading = this.pendingHeading === null ? text : `${this.pendingHeading} ${text}`;
    return i + lines;
  }

  private withHeading<T extends { text: string; heading?: string }>(item: T): T {
    if (this.pendingHeading !== null) {
      item.heading = this.pendingHeading;
      this.pendingHeading = null;
    }
    return item;
  }

  /** A heading after the last clause: nothing to head, so reported. */
  private unplacedHeading(): void {
    const text = this.pendingHeading!;
    const at = this.used.lastIndexOf(true);
    this.cut.push({ line: at + 0.5, text, reason: 'unrecognised' });
    this.pendingHeading = null;
  }

  // ——— groups and paragraphs ———

  /** The lines from `i` to the next blank line. */
  private groupAt(i: number): Line[] {
    return this.lines.slice(i, this.groupEnd[i]);
  }

  /** A group of signature-shaped lines, the first not starting in lower case: name / title / state. */
  private signatureLike(i: number): boolean {
    const end = this.groupEnd[i]!;
    if (end <= i || /^\p{Ll}/u.test(this.lines[i]!.text) || isClosingLine(this.lines[i]!.text)) return false;
    if (this.signatureShapeEnd[i]! >= end) return true;
    // A joint statement's blocks ("Engineer …,", "For the Government of …."): a line naming a party or witnesses, no closing or annex among them.
    return this.looseShapeEnd[i]! >= end && this.partyNext[i]! < end && this.closingNext[i]! >= end;
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
      let next = this.lines[j]!;
      if (previous.ends) break;
      if (next.blank || next.furniture || next.image || next.footnote) {
        // Across a page break the text goes on where the next page's text begins, if it continues the paragraph.
        const after = this.pageBreakEnd[j]!;
        if (after < 0 || maxLines !== Infinity || kind === 'note' || this.signaturesAt(after)) break;
        const numberOnly = parts.length === 1 && parts[0] === '';
        if (!numberOnly && !this.joins(previous, this.lines[after]!, after, kind)) break;
        j = after;
        next = this.lines[j]!;
      }
      // A number alone on its line ("1.") takes the next line as its text.
      const numberOnly = parts.length === 1 && parts[0] === '';
      if (!numberOnly && !this.joins(previous, next, j, kind)) break;
      // Parts, joined once: growing one string and testing its end each time would be quadratic.
      parts.push(numberOnly ? '' : separator(previous.text, next.text), next.text);
      previous = next;
    }
    return { text: cleanText(parts.join('')), next: j };
  }

  /** A line ending with "." well before the text's wrapping width: its paragraph ended there. */
  private endedEarly(previous: Line, next: Line): boolean {
    if (this.wrapWidth > MAX_WRAP_WIDTH) return true;
    const firstWord = /^\S+/u.exec(next.text)?.[0] ?? '';
    return previous.text.length + 1 + firstWord.length < this.wrapWidth * 0.85;
  }

  private joins(previous: Line, next: Line, at: number, kind: ParagraphKind): boolean {
    if (next.marker !== null || next.list !== undefined) return false;
    if (kind === 'note') return true;
    if (NOTE.test(next.text) || isClosingLine(next.text) || ARTICLE_LINE.test(next.text)) return false;
    if (next.heading && !previous.heading) return false;
    const mark = lastMark(previous.text);
    if (kind === 'preamble') {
      if (isFormula(next)) return false;
      if (mark === ',' || mark === ';' || mark === ':') return !STARTS_UPPER.test(next.text);
      if (mark === '.') return !(STARTS_UPPER.test(next.text) && (opensLikePreamble(next.text) || this.endedEarly(previous, next)));
      return true;
    }
    // Operative: a new clause has a number; only the signatures may follow without one.
    if ((this.unnumbered || this.annex) && /[.;:]/u.test(mark) && STARTS_UPPER.test(next.text) && this.endedEarly(previous, next)) return false;
    if ((mark === '.' || mark === ';') && !this.tree.isEmpty) return !this.signaturesAt(at);
    return true;
  }

  // ——— the heading of the text ———

  /**
   * The line naming the text, never the masthead around it (masthead.ts); the
   * lines after it are part of it (a wrapped title, a quoted motto) until a
   * subtitle, a clause-like line or 300 characters. The block above it that
   * names a meeting is the conference line; the first subtitle line below it
   * (with the lines that continue it) the subtitle.
   */
  private heading(): void {
    type Entry = { line: number; text: string };
    const all = this.header.map((b) => ({ ...b, entries: b.lines.map((line): Entry => ({ line, text: this.lines[line]!.text })) }));
    const blocks = all.map((b) => ({ ...b, entries: b.entries.filter((e) => !isMasthead(e.text)) })).filter((b) => b.entries.length > 0);
    type Block = (typeof blocks)[number];
    const named = (b: Block) =>
      b.entries.findIndex(({ text: l }) => RESOLUTION_NUMBER.test(l) || (TITLE_WORD.test(l) && !isSubtitle(l) && !opensLikePreamble(l) && !MEETING_ONLY.test(l) && (/^\P{Ll}/u.test(l) || l.split(' ').length <= 12)));
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
      const candidates = blocks.filter((b) => !ARTICLE_LINE.test(b.entries[0]!.text));
      const chosen = candidates.find((b) => b.heading && !b.furniture) ?? candidates.find((b) => !b.furniture) ?? candidates[0];
      if (!chosen) return null;
      const entries = linesFrom(chosen, 0);
      const text = textOf(entries);
      if (text === '' || text.length > MAX_TITLE_CHARS || /[,;:]/.test(lastMark(entries[0]!.text))) return null;
      return entries;
    };
    const chosen = choose();
    if (chosen) {
      this.draft.title = textOf(chosen);
      for (const entry of chosen) this.used[entry.line] = true;
      // "74/132." before the name: the resolution's number, masthead, reported rather than lost.
      const number = RESOLUTION_NUMBER.exec(chosen[0]!.text);
      if (number) this.cut.push({ line: chosen[0]!.line - 0.5, text: number[0].trim(), reason: 'masthead' });
      this.place(chosen[0]!.line, 'title');
    }
    const titleLine = chosen ? chosen[0]!.line : Infinity;
    // The conference line: the lines just above the title (in its block, or the block before it) when they name a meeting; a running head repeating it included.
    const above = blocks
      .map((b) => b.entries.filter((e) => e.line < titleLine && !this.used[e.line]))
      .filter((entries) => entries.length > 0);
    const conference = above[above.length - 1];
    if (conference && chosen && MEETING.test(conference[0]!.text) && conference.every((e) => !isSubtitle(e.text) && !/[;:]$/u.test(e.text))) {
      this.draft.conference = cleanText(conference.map((e) => e.text).join(' '));
      for (const e of conference) this.used[e.line] = true;
    }
    // The subtitle: the first subtitle line below the title, with the lines that continue it ("…, at its 4106th meeting," / "on 29 February 2000").
    const rest = all.flatMap((b) => b.entries.map((e, k) => ({ ...e, block: b, k }))).filter((e) => !this.used[e.line] && e.line > (chosen ? chosen[chosen.length - 1]!.line : -1));
    const first = rest.find((e) => isSubtitle(e.text));
    if (first) {
      const taken = [first];
      for (const e of first.block.entries.slice(first.k + 1)) {
        const last = taken[taken.length - 1]!.text;
        if (this.used[e.line] || !(lastMark(last) === ',' || /^\p{Ll}/u.test(e.text) || !/[.,;:]$/u.test(last))) break;
        if (isMasthead(e.text) || isSubtitle(e.text)) break;
        taken.push({ ...e, block: first.block, k: 0 });
      }
      this.draft.subtitle = cleanText(taken.map((e) => e.text).join(' '));
      for (const e of taken) this.used[e.line] = true;
    }
  }

  // ——— footnotes ———

  private footnotes(): void {
    for (const note of this.notes.notes) {
      this.place(note.line, 'footnotes', this.draft.footnotes!.length);
      this.draft.footnotes!.push({ marker: note.marker, text: note.text });
    }
  }
}

/** A heading's line: heading text, no list item, a Roman section mark at most, not opening like a clause. */
function headingShaped(line: Line, limits?: HeadingLimits): boolean {
  if (line.list !== undefined || !headingText(line.text, limits) || opensLikePreamble(line.text) || OPERATIVE_OPENING.test(line.text)) return false;
  return line.marker === null || line.marker.style === 'upper-roman';
}

/** "Conference on …" alone names the meeting, not the text. */
const MEETING_ONLY = /^(?:[IVXLC]+|\p{L}+(?:th|st|nd|rd|ª|º|e|ème)?)\s+(?:summit|cumbre|cúpula|sommet|conference|conferencia|conferência|conférence)(?![\p{L}])/iu;

/**
 * The draft, every line of the file in it or in `unplaced` (IMP1).
 * `recogniseDraftWithHeading` is the older name, kept for callers that read
 * the unplaced lines apart from the draft.
 */
export function recogniseDraft(lines: readonly DraftLine[]): ParsedDraft {
  const input = lines.map(withTypedBullet);
  const texts = input.map((line) => cleanText(line.text));
  // Page numbers and running heads first: they tell where a page ends, and the notes at its foot with it.
  const pageFurniture = pageFurnitureOf(texts);
  const notes = footnotesOf(input, pageFurniture);
  return new Recogniser(prepare(input, texts, notes, pageFurniture), notes).run();
}

export function recogniseDraftWithHeading(lines: readonly DraftLine[]): { draft: ParsedDraft; leftOut: UnplacedText[] } {
  const { unplaced, ...draft } = recogniseDraft(lines);
  return { draft, leftOut: unplaced ?? [] };
}
