import { describe, expect, it } from 'vitest';
import { mergeRuns } from '../document/richTextFragment.ts';
import { plain, toPlainText, type RichText } from '../richText.ts';
import { seededRandom } from '../seededRandom.ts';
import { EDIT_KINDS, fixtureClauses, randomEdits } from './randomEdits.ts';
import { redlineChanges, redlineSides, tokenize, wordRedline, type Redline } from './wordDiff.ts';

/**
 * The word redline (docs/SPEC.md PROP4): examples of what a delegate sees,
 * and a property over random edits of the demo declaration's clauses.
 * WORD_DIFF_SEED=<n> replays other draws (the seed is in every failure).
 */
const SEED = Number(process.env.WORD_DIFF_SEED ?? 20230912);

/** A redline as [op, text] pairs, italics shown as *…*: what a reader sees. */
const shown = (redline: Redline) =>
  redline.map((segment) => [segment.op, segment.runs.map((run) => (run.italic ? `*${run.text}*` : run.text)).join('')]);

/** Rich text as stored and compared: runs merged, comment marks left out (they are not part of a proposal). */
const normal = (text: RichText): RichText =>
  mergeRuns(
    text.map((run) => {
      const out: RichText[number] = { text: run.text };
      if (run.italic) out.italic = true;
      if (run.bold) out.bold = true;
      return out;
    }),
  );

/** Offsets in a text where one token ends and the next begins (0 and the length included). */
function tokenBoundaries(text: RichText): Set<number> {
  const boundaries = new Set([0]);
  let at = 0;
  for (const token of tokenize(text)) boundaries.add((at += token.text.length));
  return boundaries;
}

/** Where each change begins and ends, in the offsets of the text it was made from and of the one it leads to. */
function changeEdges(redline: Redline): { from: number[]; to: number[] } {
  const from: number[] = [];
  const to: number[] = [];
  let a = 0;
  let b = 0;
  for (const segment of redline) {
    const length = toPlainText(segment.runs).length;
    if (segment.op === 'equal') {
      a += length;
      b += length;
      continue;
    }
    if (segment.op === 'delete') {
      from.push(a, (a += length));
      to.push(b);
    } else {
      to.push(b, (b += length));
      from.push(a);
    }
  }
  return { from, to };
}

describe('the word redline', () => {
  it('PROP4: "shall" → "should" is one deleted word and one inserted word, never part of a word', () => {
    const redline = wordRedline(plain('The Parties shall cooperate.'), plain('The Parties should cooperate.'));
    expect(shown(redline)).toEqual([
      ['equal', 'The Parties '],
      ['delete', 'shall'],
      ['insert', 'should'],
      ['equal', ' cooperate.'],
    ]);
    expect(redlineChanges(redline)).toBe(true);
  });

  it('PROP4: several edits in one clause are shown each where it is, words kept in between', () => {
    const from = plain('Recognizing that the Ministries shall cooperate and exchange information on regional training,');
    const to = plain('Recognizing that all Ministries should cooperate and exchange information on joint regional training,');
    expect(shown(wordRedline(from, to))).toEqual([
      ['equal', 'Recognizing that '],
      ['delete', 'the'],
      ['insert', 'all'],
      ['equal', ' Ministries '],
      ['delete', 'shall'],
      ['insert', 'should'],
      ['equal', ' cooperate and exchange information on'],
      ['insert', ' joint'],
      ['equal', ' regional training,'],
    ]);
    // Semantic cleanup: a word kept between two changes right beside it reads better inside one change.
    expect(shown(wordRedline(plain('on training,'), plain('on joint training;')))).toEqual([
      ['equal', 'on '],
      ['delete', 'training,'],
      ['insert', 'joint training;'],
    ]);
  });

  it('PROP4: a punctuation mark is a change of its own; the word beside it is kept', () => {
    expect(shown(wordRedline(plain('peace, stability and security,'), plain('peace; stability, and security.')))).toEqual([
      ['equal', 'peace'],
      ['delete', ','],
      ['insert', ';'],
      ['equal', ' stability'],
      ['insert', ','],
      ['equal', ' and security'],
      ['delete', ','],
      ['insert', '.'],
    ]);
  });

  it('PROP4: words with diacritics, apostrophes and hyphens are whole words (Spanish, Portuguese, French)', () => {
    expect(tokenize(plain("d'accord État-major ações São señalando l’Organisation")).map((t) => t.text)).toEqual([
      "d'accord", ' ', 'État-major', ' ', 'ações', ' ', 'São', ' ', 'señalando', ' ', 'l’Organisation',
    ]);
    // A letter followed by a combining accent (NFD) stays in its word.
    expect(tokenize(plain('Peru\u0301 accio\u0301n')).map((t) => t.text)).toEqual(['Peru\u0301', ' ', 'accio\u0301n']);

    expect(shown(wordRedline(plain('La acción de los Estados señalando la paz'), plain('Las acciones de los Estados señalando la paz')))).toEqual([
      ['delete', 'La acción'],
      ['insert', 'Las acciones'],
      ['equal', ' de los Estados señalando la paz'],
    ]);
    expect(shown(wordRedline(plain('As ações não são vinculantes em São Paulo'), plain('As ações são vinculantes em São Paulo')))).toEqual([
      ['equal', 'As ações '],
      ['delete', 'não '],
      ['equal', 'são vinculantes em São Paulo'],
    ]);
    expect(shown(wordRedline(plain("Les États membres sont d'accord avec l'État-major"), plain("Les États membres ne sont pas d'accord avec l'État-major")))).toEqual([
      ['equal', 'Les États membres '],
      ['delete', 'sont'],
      ['insert', 'ne sont pas'],
      ['equal', " d'accord avec l'État-major"],
    ]);
    expect(shown(wordRedline(plain('peace-keeping operations'), plain('peacekeeping operations')))).toEqual([
      ['delete', 'peace-keeping'],
      ['insert', 'peacekeeping'],
      ['equal', ' operations'],
    ]);
  });

  it('PROP4: a word that only gains italics is shown as replaced, in its new formatting', () => {
    const redline = wordRedline(plain('Recognizing that peace matters,'), [{ text: 'Recognizing', italic: true }, { text: ' that peace matters,' }]);
    expect(shown(redline)).toEqual([
      ['delete', 'Recognizing'],
      ['insert', '*Recognizing*'],
      ['equal', ' that peace matters,'],
    ]);
    expect(redline[1]!.runs).toEqual([{ text: 'Recognizing', italic: true }]);
    expect(shown(wordRedline([{ text: 'shall', bold: true }], plain('shall')))).toEqual([
      ['delete', 'shall'],
      ['insert', 'shall'],
    ]);
  });

  it('PROP4: from or to an empty text, the whole text is inserted or deleted; identical texts change nothing', () => {
    const text: RichText = [{ text: 'Emphasizing', italic: true }, { text: ' that peace matters,' }];
    expect(wordRedline([], text)).toEqual([{ op: 'insert', runs: text }]);
    expect(wordRedline(text, [])).toEqual([{ op: 'delete', runs: text }]);
    expect(wordRedline([], [])).toEqual([]);
    expect(redlineChanges(wordRedline([], []))).toBe(false);

    const same = wordRedline(text, structuredClone(text));
    expect(same).toEqual([{ op: 'equal', runs: text }]);
    expect(redlineChanges(same)).toBe(false);
    // Comment marks are the clause's, not the proposal's: a commented text equals its plain proposal.
    expect(redlineChanges(wordRedline([{ text: 'peace', comments: ['t1'] }, { text: ' and security' }], plain('peace and security')))).toBe(false);
    // …even when the comment begins or ends inside a word: the word is still one word, unchanged.
    const commented: RichText = [{ text: 'an impo' }, { text: 'rtant mea', comments: ['t1'] }, { text: 'ns' }];
    expect(tokenize(commented).map((t) => t.text)).toEqual(['an', ' ', 'important', ' ', 'means']);
    expect(shown(wordRedline(commented, plain('an essential means')))).toEqual([
      ['equal', 'an '],
      ['delete', 'important'],
      ['insert', 'essential'],
      ['equal', ' means'],
    ]);
  });

  it(`PROP4: over random edits of every real clause, the redline gives back both texts exactly and never splits a word (seed ${SEED})`, () => {
    const random = seededRandom(SEED);
    const clauses = fixtureClauses();
    let cases = 0;
    let changed = 0;
    const kindsSeen = new Set<string>();
    for (let round = 0; round < 24; round++) {
      for (const [n, clause] of clauses.entries()) {
        // Now and then a proposal of one kind only, so that each kind is met alone too.
        const kind = EDIT_KINDS[(round + n) % EDIT_KINDS.length]!;
        const kinds = round % 3 === 0 ? [kind] : EDIT_KINDS;
        kinds.forEach((k) => kindsSeen.add(k));
        const edits = 1 + Math.floor(random() * 6);
        // Sometimes the clause is the edited text and the proposal the original: deletions and insertions trade places.
        let a = clause;
        let b = randomEdits(clause, random, edits, kinds);
        if (random() < 0.3) [a, b] = [b, a];
        if (random() < 0.2) a = randomEdits(a, random, 1, kinds);
        const where = `seed ${SEED}, round ${round}, clause ${n}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`;
        const redline = wordRedline(a, b);
        const sides = redlineSides(redline);
        expect(normal(sides.from), where).toEqual(normal(a));
        expect(normal(sides.to), where).toEqual(normal(b));
        expect(redlineChanges(redline), where).toBe(toPlainText(a) !== toPlainText(b) || JSON.stringify(normal(a)) !== JSON.stringify(normal(b)));
        // Never two segments of the same kind in a row, never an empty one.
        for (const [i, segment] of redline.entries()) {
          expect(toPlainText(segment.runs), where).not.toBe('');
          if (i > 0) expect(segment.op === 'equal' && redline[i - 1]!.op === 'equal', where).toBe(false);
        }
        const edges = changeEdges(redline);
        const fromBoundaries = tokenBoundaries(a);
        const toBoundaries = tokenBoundaries(b);
        for (const at of edges.from) expect(fromBoundaries.has(at), `${where}: a change starts or ends at ${at} of the clause, inside a word`).toBe(true);
        for (const at of edges.to) expect(toBoundaries.has(at), `${where}: a change starts or ends at ${at} of the proposal, inside a word`).toBe(true);
        cases++;
        if (redlineChanges(redline)) changed++;
      }
    }
    expect(kindsSeen).toEqual(new Set(EDIT_KINDS));
    expect(cases).toBeGreaterThan(500);
    expect(changed).toBeGreaterThan(cases * 0.9);
  });
});
