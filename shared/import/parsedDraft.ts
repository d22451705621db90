/**
 * A zero draft as the parser reads it (`npm run admin -- parse FILE`, the
 * import preview): plain text per part, in the shape other programs rely on
 * (docs/API.md). Unknown parts are null or empty.
 */
export interface ParsedItem {
  text: string;
  subitems: ParsedItem[];
}

export interface ParsedDraft {
  title: string | null;
  chapeau: string | null;
  preamble: { text: string }[];
  formula: string | null;
  operative: ParsedItem[];
  note: string | null;
  signatories: { name: string; title: string; state: string }[];
}

export function emptyDraft(): ParsedDraft {
  return { title: null, chapeau: null, preamble: [], formula: null, operative: [], note: null, signatories: [] };
}
