import type { SubItemStyle } from '../declarationLanguage.ts';
import type { ParagraphStyle } from '../paragraphStyle.ts';

/**
 * A zero draft as the parser reads it (`npm run admin -- parse FILE`, the
 * import preview): plain text per part, in the shape other programs rely on
 * (docs/API.md). Unknown parts are null or empty.
 *
 * The fields marked optional were added by issue 15: the parser always
 * writes them, but `POST …/import/create` accepts a draft without them (the
 * shape other programs sent before), reading a missing one as empty.
 */
/**
 * The source's own italics and bold on a part (issue 15, IMP8): runs whose
 * texts, joined, are the part's text (after cleanText). Present only where
 * the source has italic or bold (.docx, .md; never .txt). Runs that no longer
 * join to the part's text (the text was edited without them) are ignored:
 * the part then gets the italics the seed derives (IMP4).
 */
export interface SourceRun {
  text: string;
  italic?: boolean;
  bold?: boolean;
}

/** The parts of a draft that are one text each and may carry the source's formatting. */
export const FORMATTED_FIELDS = ['conference', 'title', 'subtitle', 'chapeau', 'formula', 'note', 'closing'] as const;
export type FormattedField = (typeof FORMATTED_FIELDS)[number];

export interface ParsedItem {
  text: string;
  /** The source's italics and bold on `text` (SourceRun). */
  runs?: SourceRun[];
  subitems: ParsedItem[];
  /**
   * A heading printed above this clause in the source and kept as a heading:
   * a section letter or Roman part with its words ("A. Health", "II"), a topic
   * line, or an article's caption ("Right to education"). Not the article
   * number itself: "Article 5" is derived (`paragraphs: 'articles'`).
   */
  heading?: string;
  /** A working number typed in the source that consecutive numbers cannot give: "2 bis", "7 ter", "a bis". Absent when the source's number is the derived one. */
  number?: string;
}

export interface ParsedPreambular {
  text: string;
  /** The source's italics and bold on `text` (SourceRun); absent: the opening phrase in italics (IMP4). */
  runs?: SourceRun[];
  /** As ParsedItem.heading: a heading printed above this paragraph. */
  heading?: string;
}

/** A footnote of the source: its marker as printed where it is referenced ("1", "27", "*", "a") and its text, without the marker. */
export interface ParsedFootnote {
  marker: string;
  text: string;
  /** The source's italics and bold on `text` (SourceRun). */
  runs?: SourceRun[];
}


/** Why a line is in `unplaced`: page furniture left out on purpose (the UN masthead, running heads, job numbers, "[Signature]"), a subtitle or conference line the reader could not place, or text not recognised. */
export type UnplacedReason = 'masthead' | 'subtitle' | 'page-furniture' | 'unrecognised';

/** A line of the file the reader did not put in any part: shown, never dropped without trace (issue 15, IMP1). */
export interface UnplacedText {
  text: string;
  reason: UnplacedReason;
  /**
   * Where it stood: the part it came before, so that the preview can show it
   * in place. `{ part: 'preamble', index: 2 }` means just before the third
   * preambular paragraph; `{ part: 'end' }` after everything. Absent: at the top.
   */
  before?: { part: 'title' | 'chapeau' | 'preamble' | 'formula' | 'operative' | 'note' | 'closing' | 'footnotes' | 'signatories' | 'end'; index?: number };
}

export interface ParsedDraft {
  title: string | null;
  chapeau: string | null;
  preamble: ParsedPreambular[];
  formula: string | null;
  operative: ParsedItem[];
  note: string | null;
  signatories: { name: string; title: string; state: string }[];
  /** The conference line above the title ("Fourth Summit of …"). */
  conference?: string | null;
  /** The line under the title saying who adopted it, where and when ("of 22 November 1967", "Adopted at …, 3 May 2023"). */
  subtitle?: string | null;
  /** The closing line after the operative part: "Done at Washington, …", "Adopted unanimously at the 1382nd meeting." */
  closing?: string | null;
  /** In the order they are printed. Each marker stays in the text where it is referenced. */
  footnotes?: ParsedFootnote[];
  /** How the source numbers its paragraphs (shared/paragraphStyle.ts); absent: `numbered`. Becomes the declaration's setting. */
  paragraphs?: ParagraphStyle;
  /** How the source writes sub-item letters, "(a)" or "a)"; absent: the declaration language's own style. Becomes the declaration's setting. */
  subItemStyle?: SubItemStyle;
  /** What the reader could not place, in file order; absent when everything was placed. Shown by the preview; a declaration is made of the parts above only. */
  unplaced?: UnplacedText[];
  /** The source's italics and bold on the parts that are one text each (SourceRun), only those that have some. */
  formatting?: Partial<Record<FormattedField, SourceRun[]>>;
}

export function emptyDraft(): ParsedDraft {
  return {
    title: null,
    chapeau: null,
    preamble: [],
    formula: null,
    operative: [],
    note: null,
    signatories: [],
    conference: null,
    subtitle: null,
    closing: null,
    footnotes: [],
  };
}
