import type { DeclarationSeed, SeedOperative, SeedSubitem } from '../declarationSeed.ts';
import { opening, plain, type RichText } from '../richText.ts';
import { cleanText } from './cleanText.ts';
import { openingPhraseLength } from './openingPhrase.ts';
import type { ParsedDraft, ParsedItem } from './parsedDraft.ts';

/**
 * A parsed (and perhaps corrected) draft as the seed of a new declaration:
 * plain text becomes rich text the way the printed text shows it — the
 * opening phrase of each preambular paragraph and the chapeau in italics,
 * the rest plain. The draft has no conference line or subtitle; they start
 * empty.
 */
export function seedFromDraft(draft: ParsedDraft): DeclarationSeed {
  const text = (value: string | null): RichText => plain(cleanText(value ?? ''));
  const chapeau = cleanText(draft.chapeau ?? '');
  const item = (entry: ParsedItem): SeedOperative & SeedSubitem => {
    const subitems = entry.subitems.map(item);
    return subitems.length > 0 ? { body: text(entry.text), subitems } : { body: text(entry.text) };
  };
  return {
    conference: [],
    title: text(draft.title),
    subtitle: [],
    chapeau: chapeau === '' ? [] : [{ text: chapeau, italic: true }],
    preamble: draft.preamble.map((paragraph) => preambular(cleanText(paragraph.text))),
    formula: text(draft.formula),
    operative: draft.operative.map(item),
    note: text(draft.note),
    signatories: draft.signatories.map((s) => ({ name: cleanText(s.name), title: cleanText(s.title), state: cleanText(s.state) })),
  };
}

/** "Bearing in mind that …" → *Bearing in mind* that … */
export function preambular(text: string): RichText {
  const length = openingPhraseLength(text);
  return length === 0 ? plain(text) : opening(text.slice(0, length), text.slice(length));
}
