import type { Outline, OutlineNode } from '../outline.ts';
import { flattenOutline } from '../outline.ts';
import type { RichText } from '../richText.ts';
import { openingPhraseLength } from '../import/openingPhrase.ts';
import { finalMark, textWithoutFootnotes, type FinalMark } from './finalMark.ts';

/**
 * The declaration's own style, learned from its text (docs/SPEC.md DRAFT2,
 * DRAFT4): the drafting checks flag departures from it, not from a house
 * style. The real Declaration of Buenos Aires ends most operative paragraphs
 * and every sub-item with a period, three with a semicolon, and three of its
 * thirteen preambular paragraphs with a period; UN resolutions end operative
 * paragraphs with a semicolon and preambular ones with a comma. Each is
 * right for itself.
 *
 * The usage of a kind of clause is every final mark that at least
 * USAGE_SHARE of its clauses, and at least MIN_USES of them, end with: what
 * the declaration does regularly is its style, a mark on a lone clause is a
 * departure. With fewer than MIN_SAMPLES clauses of a kind (a declaration
 * being started) the genre's usage holds. Italics follow the majority.
 */
export const MIN_SAMPLES = 3;
export const USAGE_SHARE = 1 / 5;
export const MIN_USES = 2;

export interface Convention {
  /** How preambular paragraphs end, most used first. */
  preambleEnd: FinalMark[];
  /** How operative paragraphs end (but the last of the operative part, which ends with "."), most used first. */
  operativeEnd: FinalMark[];
  /** How sub-items end (but the last of the operative part), most used first. */
  subitemEnd: FinalMark[];
  /** Whether preambular paragraphs open with their phrase in italics. */
  preambleItalic: boolean;
  /** Whether operative paragraphs open with their verb in italics. */
  operativeItalic: boolean;
}

/**
 * The genre's usage, for a declaration too short to have its own: UN
 * resolutions end preambular paragraphs with "," (French ones often with
 * ";"), operative paragraphs with ";", declarations of the region with ".".
 */
export const GENRE: Convention = { preambleEnd: [',', ';'], operativeEnd: [';', '.'], subitemEnd: [';', '.'], preambleItalic: true, operativeItalic: false };

/**
 * Whether the first `length` characters of the text (after leading spaces)
 * are all in italics. Footnote references do not count.
 */
export function opensInItalics(body: RichText, length: number): boolean {
  let at = 0;
  let started = false;
  for (const run of body) {
    if (run.footnote !== undefined) continue;
    let text = run.text;
    if (!started) {
      text = text.trimStart();
      if (text === '') continue;
      started = true;
    }
    if (at >= length) return true;
    if (!run.italic && text.slice(0, length - at).trim() !== '') return false;
    at += text.length;
  }
  return started;
}

/** The words a clause opens with: the preamble's phrase ("Bearing in mind"), an operative paragraph's verb. */
export function openingLength(body: RichText): number {
  return openingPhraseLength(textWithoutFootnotes(body).trimStart());
}

function usage(marks: FinalMark[], genre: FinalMark[]): FinalMark[] {
  if (marks.length < MIN_SAMPLES) return genre;
  const counts = new Map<FinalMark, number>();
  for (const mark of marks) counts.set(mark, (counts.get(mark) ?? 0) + 1);
  return [...counts]
    .filter(([, count]) => count >= MIN_USES && count >= USAGE_SHARE * marks.length)
    .sort((a, b) => b[1] - a[1])
    .map(([mark]) => mark);
}

function mostly(values: boolean[], genre: boolean): boolean {
  if (values.length < MIN_SAMPLES) return genre;
  return values.filter(Boolean).length * 2 > values.length;
}

/** The clauses the operative part's final period goes on: the last in reading order. */
export function lastOfOperative(outline: Outline): OutlineNode | null {
  const operative = flattenOutline({ preamble: [], operative: outline.operative });
  return operative[operative.length - 1] ?? null;
}

/**
 * A colon introduces what follows (sub-items, or the paragraphs after it:
 * "… les principes ci-après :"), and a paragraph with sub-items may run on
 * into them with no mark ("Affirms further the necessity" (a) …): neither
 * is a departure, nor do they tell the declaration's usage.
 */
export function introducesWhatFollows(node: OutlineNode, mark: FinalMark | ''): boolean {
  return mark === ':' || (mark === '' && node.children.length > 0);
}

export function learnConvention(outline: Outline): Convention {
  const nonEmpty = (n: OutlineNode) => textWithoutFootnotes(n.clause.body).trim() !== '';
  const preamble = flattenOutline({ preamble: outline.preamble, operative: [] }).filter(nonEmpty);
  const last = lastOfOperative(outline);
  const operative = flattenOutline({ preamble: [], operative: outline.operative }).filter((n) => nonEmpty(n) && n !== last);
  const endings = (nodes: OutlineNode[]) =>
    nodes.map((n) => ({ n, mark: finalMark(n.clause.body) })).filter(({ n, mark }) => mark !== '' && !introducesWhatFollows(n, mark)).map(({ mark }) => mark as FinalMark);
  const paragraphs = operative.filter((n) => n.depth === 0);
  const subitems = operative.filter((n) => n.depth > 0);
  const operativeEnd = usage(endings(paragraphs), GENRE.operativeEnd);
  const italic = (nodes: OutlineNode[]) => nodes.map((n) => opensInItalics(n.clause.body, openingLength(n.clause.body)));
  return {
    preambleEnd: usage(endings(preamble), GENRE.preambleEnd),
    operativeEnd,
    // Sub-items follow their paragraphs unless they have a style of their own.
    subitemEnd: usage(endings(subitems), [...new Set([...operativeEnd, ...GENRE.subitemEnd])]),
    preambleItalic: mostly(italic(preamble), GENRE.preambleItalic),
    operativeItalic: mostly(italic(outline.operative.filter(nonEmpty)), GENRE.operativeItalic),
  };
}
