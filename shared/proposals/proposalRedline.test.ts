import { describe, expect, it } from 'vitest';
import { plain, toPlainText, type RichText } from '../richText.ts';
import { seededRandom } from '../seededRandom.ts';
import { changedSince, originalRedline, proposalRedline, proposedTextNow } from './proposalRedline.ts';
import { fixtureClauses } from './randomEdits.ts';
import { redlineSides, tokenize, tokensToRuns, type Redline } from './wordDiff.ts';

/**
 * A proposal's redline now (docs/SPEC.md PROP4, PROP7): its own word changes
 * carried over onto the clause as others have changed it since.
 * WORD_DIFF_SEED=<n> replays other draws (the seed is in every failure).
 */
const SEED = Number(process.env.WORD_DIFF_SEED ?? 20230912);
const shown = (redline: Redline) => redline.map((segment) => [segment.op, toPlainText(segment.runs)]);
const replace = (baseText: RichText, text: RichText) => ({ action: 'replace' as const, baseText, text });

describe('proposalRedline', () => {
  it('PROP7: words typed into the clause since the proposal was made stay, and the redline shows only the proposal\'s changes', () => {
    const proposal = replace(plain('The Parties shall cooperate closely;'), plain('The Parties should cooperate closely;'));
    const now = plain('The Parties shall cooperate closely on trade;');
    expect(toPlainText(proposedTextNow(proposal, now))).toBe('The Parties should cooperate closely on trade;');
    expect(shown(proposalRedline(proposal, now))).toEqual([
      ['equal', 'The Parties '],
      ['delete', 'shall'],
      ['insert', 'should'],
      ['equal', ' cooperate closely on trade;'],
    ]);
    expect(changedSince(proposal, now)).toBe(true);
    expect(shown(originalRedline(proposal))).toEqual([
      ['equal', 'The Parties '],
      ['delete', 'shall'],
      ['insert', 'should'],
      ['equal', ' cooperate closely;'],
    ]);
  });

  it('PROP4: on an unchanged clause the proposal is its own text; a deletion strikes the clause as it is now; a new paragraph is all inserted', () => {
    const base = [{ text: 'Recognizing', italic: true }, { text: ' that peace matters,' }];
    const proposal = replace(base, [{ text: 'Recognizing', italic: true }, { text: ' that lasting peace matters,' }]);
    expect(proposedTextNow(proposal, base)).toEqual(proposal.text);
    expect(changedSince(proposal, base)).toBe(false);
    const now = plain('Noting that peace matters,');
    expect(shown(proposalRedline({ action: 'delete', baseText: base, text: [] }, now))).toEqual([['delete', 'Noting that peace matters,']]);
    expect(shown(proposalRedline({ action: 'insert-after', baseText: base, text: plain('New text;') }, now))).toEqual([['insert', 'New text;']]);
  });

  it('PROP7: where the proposal and the clause changed the same place, the proposal stays as written and its redline shows everything that differs', () => {
    const proposal = replace(plain('States shall act;'), plain('States should act;'));
    const now = plain('States must act;');
    expect(proposedTextNow(proposal, now)).toEqual(plain('States should act;'));
    expect(shown(proposalRedline(proposal, now))).toEqual([
      ['equal', 'States '],
      ['delete', 'must'],
      ['insert', 'should'],
      ['equal', ' act;'],
    ]);
    // A clause rewritten whole since: no word of the proposal's base is left to carry its changes over.
    const rewritten = plain('Entirely new wording;');
    expect(proposedTextNow(proposal, rewritten)).toEqual(plain('States should act;'));
  });

  it(`PROP7: over the real clauses, a proposal's word changes in one half and others' insertions in the other half both stand, and the redline gives back the text now (seed ${SEED})`, () => {
    const random = seededRandom(SEED);
    const words = ['peace', 'security', 'cooperation', 'regional', 'sustainable', 'Parties', 'shall', 'should'];
    let cases = 0;
    for (let round = 0; round < 8; round++) {
      for (const clause of fixtureClauses()) {
        const tokens = tokenize(clause);
        const wordAt = tokens.map((t, i) => (/\p{L}/u.test(t.text) ? i : -1)).filter((i) => i >= 0);
        if (wordAt.length < 4) continue;
        const half = wordAt[Math.floor(wordAt.length / 2)]!;
        // The proposal replaces words before the half; others insert words after it.
        const mine = tokens.map((t) => ({ ...t }));
        for (const i of wordAt.filter((i) => i < half)) if (random() < 0.3) mine[i] = { ...mine[i]!, text: words[Math.floor(random() * words.length)]! };
        const theirs = tokens.map((t) => ({ ...t }));
        const expected = mine.map((t) => ({ ...t }));
        for (const i of wordAt.filter((i) => i > half)) {
          if (random() < 0.3) {
            const word = `${words[Math.floor(random() * words.length)]!} `;
            theirs[i] = { ...theirs[i]!, text: word + theirs[i]!.text };
            expected[i] = { ...expected[i]!, text: word + expected[i]!.text };
          }
        }
        const proposal = replace(clause, tokensToRuns(mine));
        const now = tokensToRuns(theirs);
        const merged = proposedTextNow(proposal, now);
        expect(toPlainText(merged), `seed ${SEED}, round ${round}`).toBe(toPlainText(tokensToRuns(expected)));
        const sides = redlineSides(proposalRedline(proposal, now));
        expect(toPlainText(sides.from)).toBe(toPlainText(now));
        expect(toPlainText(sides.to)).toBe(toPlainText(merged));
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(100);
  });
});
