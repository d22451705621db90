import type { DeclarationSeed, SeedFootnote, SeedOperative, SeedSubitem } from '../declarationSeed.ts';
import { opening, plain, type RichText, type Run } from '../richText.ts';
import { cleanText } from './cleanText.ts';
import { openingPhraseLength } from './openingPhrase.ts';
import type { FormattedField, ParsedDraft, ParsedItem, SourceRun } from './parsedDraft.ts';
import { validRuns } from './sourceFormatting.ts';

/**
 * A parsed (and perhaps corrected) draft as the seed of a new declaration:
 * where the source had italics or bold (`runs`, `formatting`, IMP8) they
 * are the part's rich text; elsewhere plain text becomes rich text the way
 * the printed text shows it — the opening phrase of each preambular
 * paragraph and the chapeau in italics, the rest plain. Conference line, subtitle, closing line, headings and
 * footnotes are kept as the draft has them (a draft without them, as
 * other programs sent before issue 15, has none). Each footnote's marker
 * is found in the text and carries the footnote mark (findReferences).
 */
export function seedFromDraft(draft: ParsedDraft): DeclarationSeed {
  const text = (value: string | null | undefined, runs?: SourceRun[]): RichText => richOf(value, runs) ?? plain(cleanText(value ?? ''));
  const field = (key: FormattedField): RichText => text(draft[key], draft.formatting?.[key]);
  const chapeau = cleanText(draft.chapeau ?? '');
  const headingOf = (value: string | undefined): { heading?: string } => {
    const heading = cleanText(value ?? '');
    return heading === '' ? {} : { heading };
  };
  const item = (entry: ParsedItem): SeedOperative & SeedSubitem => {
    const subitems = entry.subitems.map(item);
    return { body: text(entry.text, entry.runs), ...(subitems.length > 0 ? { subitems } : {}), ...headingOf(entry.heading), ...(entry.number ? { number: entry.number } : {}) };
  };
  const preambleHeadings = draft.preamble.map((paragraph) => headingOf(paragraph.heading).heading);
  const seed: DeclarationSeed = {
    conference: field('conference'),
    title: field('title'),
    subtitle: field('subtitle'),
    chapeau: richOf(chapeau, draft.formatting?.chapeau) ?? (chapeau === '' ? [] : [{ text: chapeau, italic: true }]),
    preamble: draft.preamble.map((paragraph) => richOf(paragraph.text, paragraph.runs) ?? preambular(cleanText(paragraph.text))),
    ...(preambleHeadings.some((h) => h !== undefined) ? { preambleHeadings } : {}),
    formula: field('formula'),
    operative: draft.operative.map(item),
    note: field('note'),
    closing: field('closing'),
    signatories: draft.signatories.map((s) => ({ name: cleanText(s.name), title: cleanText(s.title), state: cleanText(s.state) })),
  };
  const footnotes: SeedFootnote[] = (draft.footnotes ?? []).map((footnote, i) => ({
    // Ids a seed can be compared by; footnotes added later get random ones (shared/ids.ts), which never look like these.
    id: `fn${i + 1}`,
    marker: cleanText(footnote.marker),
    body: text(footnote.text, footnote.runs),
  }));
  if (footnotes.length > 0) {
    seed.footnotes = footnotes;
    findReferences(seed, footnotes);
  }
  return seed;
}

/** The source's own runs of a part, when they still are its text (validRuns); only their italics and bold are kept. */
function richOf(value: string | null | undefined, runs: SourceRun[] | undefined): RichText | null {
  const valid = validRuns(value, runs);
  if (!valid) return null;
  return valid.filter((run) => run.text !== '').map((run) => ({ text: run.text, ...(run.italic ? { italic: true } : {}), ...(run.bold ? { bold: true } : {}) }));
}

/** "Bearing in mind that …" → *Bearing in mind* that … */
export function preambular(text: string): RichText {
  const length = openingPhraseLength(text);
  return length === 0 ? plain(text) : opening(text.slice(0, length), text.slice(length));
}

/** A text of the seed that may hold a footnote reference, read and written in place. */
interface Slot {
  get(): RichText;
  set(text: RichText): void;
}

/** Every text that may reference a footnote, in reading order: the heading parts, each clause (its sub-items after it), the closing line, the note. */
function slotsOf(seed: DeclarationSeed): Slot[] {
  const field = (key: 'conference' | 'title' | 'subtitle' | 'chapeau' | 'formula' | 'note' | 'closing'): Slot => ({
    get: () => seed[key] ?? [],
    set: (text) => {
      seed[key] = text;
    },
  });
  const slots: Slot[] = [field('conference'), field('title'), field('subtitle'), field('chapeau')];
  seed.preamble.forEach((_, i) => slots.push({ get: () => seed.preamble[i]!, set: (text) => void (seed.preamble[i] = text) }));
  slots.push(field('formula'));
  const items = (list: SeedSubitem[]) => {
    for (const entry of list) {
      slots.push({ get: () => entry.body, set: (text) => void (entry.body = text) });
      items(entry.subitems ?? []);
    }
  };
  items(seed.operative);
  slots.push(field('closing'), field('note'));
  return slots;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Puts each footnote's mark on its reference: the first occurrence, in
 * reading order, of its marker glued to what precedes it — a letter or a
 * closing punctuation mark ("peace1,", "(2015)*", "»2") — and followed by
 * the end, a space or punctuation, that no earlier footnote took. "A/RES/77/1"
 * or "2015" do not reference footnote 1: a digit or a slash before the
 * marker is part of a number; nor does "Argentina," reference footnote "a":
 * a marker that is a letter must follow punctuation ("peace,a"). A marker not found leaves its footnote
 * unreferenced; it is still created (no text is dropped, IMP1).
 */
function findReferences(seed: DeclarationSeed, footnotes: SeedFootnote[]): void {
  const slots = slotsOf(seed);
  const claimed = slots.map(() => [] as [number, number][]);
  for (const footnote of footnotes) {
    if (footnote.marker === '') continue;
    // After a letter only when the marker does not start with one: "Argentina," holds no reference "a".
    const before = /^\p{L}/u.test(footnote.marker) ? `.,;:!?)\\]’”»"'` : `\\p{L}.,;:!?)\\]’”»"'`;
    const glued = new RegExp(`(?<=[${before}])${escape(footnote.marker)}(?=$|[\\s.,;:!?)\\]’”»])`, 'gu');
    found: for (const [i, slot] of slots.entries()) {
      const plainText = slot.get().map((run) => run.text).join('');
      for (const match of plainText.matchAll(glued)) {
        const start = match.index;
        const end = start + footnote.marker.length;
        if (claimed[i]!.some(([a, b]) => start < b && a < end)) continue;
        claimed[i]!.push([start, end]);
        slot.set(markRange(slot.get(), start, end, footnote.id));
        break found;
      }
    }
  }
}

/** The runs with characters [start, end) carrying the footnote mark `id`, split where needed. */
function markRange(runs: RichText, start: number, end: number, id: string): RichText {
  const out: Run[] = [];
  let at = 0;
  for (const run of runs) {
    const from = at;
    const to = at + run.text.length;
    at = to;
    if (to <= start || from >= end) {
      out.push(run);
      continue;
    }
    const cut = (a: number, b: number, mark: boolean) => {
      if (b <= a) return;
      const piece: Run = { ...run, text: run.text.slice(a - from, b - from) };
      if (mark) piece.footnote = id;
      out.push(piece);
    };
    cut(from, Math.max(from, start), false);
    cut(Math.max(from, start), Math.min(to, end), true);
    cut(Math.min(to, end), to, false);
  }
  return out;
}
