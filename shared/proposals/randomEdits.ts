import { buenosAires2023 } from '../fixtures/buenosAires2023.ts';
import type { SeedSubitem } from '../declarationSeed.ts';
import type { RichText, Run } from '../richText.ts';
import { tokenize, type Token } from './wordDiff.ts';

/**
 * Random edits of real clauses, the way delegations amend them: a word
 * replaced, inserted, deleted or moved, italics toggled on a word,
 * punctuation or spacing changed. The word-diff property tests
 * (wordDiff.test.ts, applyWordDiff.test.ts) and the benchmark's proposals
 * section (bench/proposals.ts) draw their proposals from here, so that the
 * redline is checked and timed on the texts it will meet.
 */
export const EDIT_KINDS = ['replace', 'insert', 'delete', 'move', 'italic', 'punctuation', 'whitespace'] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

/** Every clause of the demo declaration (preamble, operative paragraphs and their sub-items), as rich text. */
export function fixtureClauses(): RichText[] {
  const subitems = (items: SeedSubitem[] | undefined): RichText[] => (items ?? []).flatMap((item) => [item.body, ...subitems(item.subitems)]);
  return [...buenosAires2023.preamble, ...buenosAires2023.operative.flatMap((clause) => [clause.body, ...subitems(clause.subitems)])];
}

/** Words a delegation might bring in: some from the declaration, some with diacritics, apostrophes or hyphens. */
const FOREIGN_WORDS = ['shall', 'should', 'acción', 'ações', 'não', 'São', "d'accord", 'État-major', 'Côte', 'naïve', 'señalando', 'peace-keeping', 'über', 'Perú', "l'Organisation"];
const PUNCTUATION = [',', ';', '.', ':', '!', '?', '—', '(', ')', '"'];
const SPACES = ['  ', '\u00a0', ' \n', '\t', ' '];

const WORD = /^[\p{L}\p{N}\p{M}]/u;
const isWord = (token: Token) => WORD.test(token.text);
const isSpace = (token: Token) => /^\s+$/u.test(token.text);

let vocabulary: string[] | null = null;
function words(): string[] {
  vocabulary ??= [...new Set([...fixtureClauses().flatMap((text) => tokenize(text).filter(isWord).map((t) => t.text)), ...FOREIGN_WORDS])];
  return vocabulary;
}

/** Rich text from tokens, neighbours with the same marks joined. */
export function richTextOf(tokens: Token[]): RichText {
  const runs: RichText = [];
  for (const token of tokens) {
    if (token.text === '') continue;
    const last = runs[runs.length - 1];
    if (last && !!last.italic === token.italic && !!last.bold === token.bold && last.footnote === token.footnote) last.text += token.text;
    else {
      const run: Run = { text: token.text };
      if (token.italic) run.italic = true;
      if (token.bold) run.bold = true;
      if (token.footnote !== undefined) run.footnote = token.footnote;
      runs.push(run);
    }
  }
  return runs;
}

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;

/** Indices of the tokens that pass `test`. */
const where = (tokens: Token[], test: (token: Token) => boolean): number[] => tokens.flatMap((token, i) => (test(token) ? [i] : []));

/** One edit of `kind` (random when not given). A text without words gets a word inserted. */
export function randomEdit(text: RichText, random: () => number, kind: EditKind = pick(EDIT_KINDS, random)): RichText {
  const tokens = tokenize(text);
  const wordAt = where(tokens, isWord);
  const plainToken = (t: string, like?: Token): Token => ({ text: t, italic: like?.italic ?? false, bold: like?.bold ?? false });
  if (wordAt.length === 0 || kind === 'insert') {
    const at = Math.floor(random() * (tokens.length + 1));
    const like = tokens[at] ?? tokens[at - 1];
    // A space on the side that keeps the new word apart from its neighbours.
    const inserted = at === tokens.length ? [plainToken(' ', like), plainToken(pick(words(), random), like)] : [plainToken(pick(words(), random), like), plainToken(' ', like)];
    tokens.splice(at, 0, ...inserted);
    return richTextOf(tokens);
  }
  const i = pick(wordAt, random);
  switch (kind) {
    case 'replace': {
      let word = pick(words(), random);
      if (word === tokens[i]!.text) word = `${word}s`;
      tokens[i] = { ...tokens[i]!, text: word };
      break;
    }
    case 'delete': {
      // The word and one space beside it, as a person deletes a word.
      const space = tokens[i + 1] && isSpace(tokens[i + 1]!) ? i + 1 : tokens[i - 1] && isSpace(tokens[i - 1]!) ? i - 1 : -1;
      tokens.splice(space === -1 ? i : Math.min(i, space), space === -1 ? 1 : 2);
      break;
    }
    case 'move': {
      // One to four words with what lies between them, moved before another word.
      let end = i;
      for (let n = 1 + Math.floor(random() * 4); n > 1; n--) {
        const next = wordAt.find((w) => w > end);
        if (next === undefined) break;
        end = next;
      }
      const moved = tokens.splice(i, end - i + 1);
      if (tokens[i] && isSpace(tokens[i]!)) tokens.splice(i, 1);
      const targets = where(tokens, isWord);
      const to = targets.length === 0 ? 0 : pick(targets, random);
      tokens.splice(to, 0, ...moved, plainToken(' ', moved[moved.length - 1]));
      break;
    }
    case 'italic':
      tokens[i] = { ...tokens[i]!, italic: !tokens[i]!.italic };
      break;
    case 'punctuation': {
      const marks = where(tokens, (t) => !isWord(t) && !isSpace(t));
      if (marks.length > 0 && random() < 0.5) tokens[pick(marks, random)]!.text = pick(PUNCTUATION, random);
      else tokens.splice(i + 1, 0, plainToken(pick(PUNCTUATION, random), tokens[i]));
      break;
    }
    case 'whitespace': {
      const spaces = where(tokens, isSpace);
      if (spaces.length > 0) tokens[pick(spaces, random)]!.text = pick(SPACES, random);
      else tokens.splice(i + 1, 0, plainToken(pick(SPACES, random)));
      break;
    }
  }
  return richTextOf(tokens);
}

/** `count` random edits one after the other, of the given kinds (all by default). */
export function randomEdits(text: RichText, random: () => number, count: number, kinds: readonly EditKind[] = EDIT_KINDS): RichText {
  let edited = text;
  for (let n = 0; n < count; n++) edited = randomEdit(edited, random, pick(kinds, random));
  return edited;
}
