/**
 * A zero draft as the parser reads it (`npm run admin -- parse FILE`, the
 * import preview): plain text per part, in the shape other programs rely on
 * (docs/API.md). Unknown parts are null or empty.
 */
export interface ParsedItem {
  text: string;
  subitems: ParsedItem[];
}

/** Why a line is in `unplaced`: page furniture left out on purpose (the UN masthead), a subtitle or conference line the draft has no place for yet, or text not recognised. */
export type UnplacedReason = 'masthead' | 'subtitle' | 'page-furniture' | 'unrecognised';

/** A line of the file the reader did not put in any part: shown, never dropped without trace (issue 15, IMP1). */
export interface UnplacedText {
  text: string;
  reason: UnplacedReason;
}

export interface ParsedDraft {
  title: string | null;
  chapeau: string | null;
  preamble: { text: string }[];
  formula: string | null;
  operative: ParsedItem[];
  note: string | null;
  signatories: { name: string; title: string; state: string }[];
  /** What the reader could not place, in file order; absent when everything was placed. Shown by the preview; a declaration is made of the parts above only. */
  unplaced?: UnplacedText[];
}

export function emptyDraft(): ParsedDraft {
  return { title: null, chapeau: null, preamble: [], formula: null, operative: [], note: null, signatories: [] };
}
