import { describe, expect, it } from 'vitest';
import { redlineSides, tokenize, tokensToRuns, wordRedline } from '../proposals/wordDiff.ts';
import { plain, toPlainText, type RichText } from '../richText.ts';
import { seededRandom } from '../seededRandom.ts';
import { attributeRedline, changesBy, type TextStep } from './attribution.ts';
import type { AttributedRedline } from './compare.ts';

/**
 * Attribution of a comparison's changes (docs/SPEC.md CMP3): each inserted
 * or deleted run goes to the participant whose recorded step made it, split
 * where the author changes, and to nobody (null) where the history cannot
 * say; the `by` filter keeps one participant's changes only.
 */

/** The redline as a reader sees it: [+words+] and [-words-] with their author. */
const show = (redline: AttributedRedline) =>
  redline.map((s) => (s.op === 'equal' ? toPlainText(s.runs) : `${s.op === 'insert' ? '+' : '-'}${s.by === undefined ? '?' : (s.by ?? 'nobody')}{${toPlainText(s.runs)}}`)).join('');

/** Steps from `base` through each text, each by its author. */
function chain(base: string, ...edits: [string, string][]): TextStep[] {
  const steps: TextStep[] = [];
  let before = plain(base);
  for (const [by, text] of edits) {
    steps.push({ by, before, after: plain(text) });
    before = plain(text);
  }
  return steps;
}

const attribute = (base: string, target: string, steps: TextStep[]) => attributeRedline(wordRedline(plain(base), plain(target)), steps);

describe('CMP3: attributing a redline to the steps that made it', () => {
  const BASE = 'The States shall cooperate on trade.';

  it('CMP3: three participants editing one clause each get their own runs', () => {
    const steps = chain(BASE, ['chile', 'The States should cooperate on trade.'], ['peru', 'The States should cooperate on trade and science.'], ['cuba', 'States should cooperate on trade and science.']);
    expect(show(attribute(BASE, 'States should cooperate on trade and science.', steps))).toBe('-cuba{The }States -chile{shall}+chile{should} cooperate on trade+peru{ and science}.');
  });

  it('CMP3: one inserted run typed by two participants is split where the author changes', () => {
    const base = 'Decides to act;';
    const steps = chain(base, ['chile', 'Decides to act now;'], ['peru', 'Decides to act now and together;']);
    expect(show(attribute(base, 'Decides to act now and together;', steps))).toBe('Decides to act+chile{ now}+peru{ and together};');
  });

  it('CMP3: a deletion is the deleter\'s, even of words another participant typed before the base', () => {
    const base = 'Decides to act now and together;';
    const steps = chain(base, ['cuba', 'Decides to act together;']);
    expect(show(attribute(base, 'Decides to act together;', steps))).toBe('Decides to act -cuba{now and }together;');
  });

  it('CMP3: words inserted and deleted again between the two states are nobody\'s change; the later insertion is its author\'s', () => {
    const base = 'Decides to act;';
    const steps = chain(base, ['chile', 'Decides to act at once;'], ['peru', 'Decides to act;'], ['cuba', 'Decides to act promptly;']);
    expect(show(attribute(base, 'Decides to act promptly;', steps))).toBe('Decides to act+cuba{ promptly};');
  });

  it('CMP3: without history the change is nobody\'s (null); a gap in the history is bridged by nobody', () => {
    expect(show(attribute(BASE, 'The States should cooperate on trade.', []))).toBe('The States -nobody{shall}+nobody{should} cooperate on trade.');
    // The server changed the text between two recorded steps (an accepted proposal): "should" is nobody's, "science" Peru's.
    const steps: TextStep[] = [{ by: 'peru', before: plain('The States should cooperate on trade.'), after: plain('The States should cooperate on trade and science.') }];
    expect(show(attribute(BASE, 'The States should cooperate on trade and science.', steps))).toBe('The States -nobody{shall}+nobody{should} cooperate on trade+peru{ and science}.');
  });

  it('CMP3: a step that began before the base was saved counts only for what it changed since', () => {
    // Chile typed "now" before the version, "together" after, in one entry.
    const base = 'Decides to act now;';
    const steps: TextStep[] = [{ by: 'chile', before: plain('Decides to act;'), after: plain('Decides to act now together;') }];
    expect(show(attribute(base, 'Decides to act now together;', steps))).toBe('Decides to act now+chile{ together};');
  });

  it('CMP3: a step that ran on after the target was saved keeps what it had typed by then', () => {
    const base = 'Decides to act;';
    const steps: TextStep[] = [{ by: 'chile', before: plain(base), after: plain('Decides to act now and then;') }];
    expect(show(attribute(base, 'Decides to act now;', steps))).toBe('Decides to act+chile{ now};');
  });

  it('CMP3: italics and bold stay on the split runs', () => {
    const base: RichText = [{ text: 'Recalling', italic: true }, { text: ' the Charter,' }];
    const mid: RichText = [{ text: 'Recalling', italic: true }, { text: ' ' }, { text: 'also', italic: true }, { text: ' the Charter,' }];
    const target: RichText = [{ text: 'Recalling', italic: true }, { text: ' ' }, { text: 'also', italic: true }, { text: ' ' }, { text: 'firmly', bold: true }, { text: ' the Charter,' }];
    const steps: TextStep[] = [
      { by: 'chile', before: base, after: mid },
      { by: 'peru', before: mid, after: target },
    ];
    const redline = attributeRedline(wordRedline(base, target), steps);
    expect(redline.map((s) => [s.op, s.by, s.runs])).toEqual([
      ['equal', undefined, [{ text: 'Recalling', italic: true }, { text: ' ' }]],
      ['insert', 'chile', [{ text: 'also', italic: true }, { text: ' ' }]],
      ['insert', 'peru', [{ text: 'firmly', bold: true }, { text: ' ' }]],
      ['equal', undefined, [{ text: 'the Charter,' }]],
    ]);
  });

  it('CMP3: equal text and an unchanged redline are returned as they are', () => {
    const redline = wordRedline(plain(BASE), plain(BASE));
    expect(attributeRedline(redline, chain(BASE, ['chile', 'Other text.'], ['peru', BASE]))).toBe(redline);
  });

  it('CMP3 property: attribution never loses or invents a word, names only the steps\' authors, and one author\'s unbroken chain is all theirs', () => {
    const random = seededRandom(13);
    const WORDS = ['the', 'States', 'shall', 'cooperate', 'on', 'trade', 'science', 'voluntary', 'fund', ',', ';', 'and'];
    const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const edit = (text: string): string => {
      const words = text.split(' ').filter((w) => w !== '');
      const at = Math.floor(random() * (words.length + 1));
      const what = random();
      if (what < 0.4 || words.length === 0) words.splice(at, 0, pick(WORDS));
      else if (what < 0.7) words.splice(Math.min(at, words.length - 1), 1);
      else words.splice(Math.min(at, words.length - 1), 1, pick(WORDS));
      return words.join(' ');
    };
    const authors = ['chile', 'peru', 'cuba'];
    for (let round = 0; round < 200; round++) {
      let text = Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick(WORDS)).join(' ');
      const base = text;
      const steps: TextStep[] = [];
      const solo = random() < 0.3 ? pick(authors) : null;
      for (let n = Math.floor(random() * 6); n > 0; n--) {
        const next = edit(text);
        steps.push({ by: solo ?? pick(authors), before: plain(text), after: plain(next) });
        text = next;
      }
      const redline = wordRedline(plain(base), plain(text));
      const attributed = attributeRedline(redline, steps);
      const normal = (t: RichText) => tokensToRuns(tokenize(t));
      expect(normal(redlineSides(attributed).from)).toEqual(normal(plain(base)));
      expect(normal(redlineSides(attributed).to)).toEqual(normal(plain(text)));
      for (const segment of attributed) {
        if (segment.op === 'equal') expect(segment.by).toBeUndefined();
        else expect([...authors, null]).toContain(segment.by);
        if (solo !== null && segment.op !== 'equal') expect(segment.by).toBe(solo);
      }
      // The filter: one participant's changes on the target's text.
      const mine = changesBy(attributed, 'chile');
      expect(normal(redlineSides(mine).to)).toEqual(normal(plain(text)));
      expect(mine.every((s) => s.op === 'equal' || s.by === 'chile')).toBe(true);
    }
  });
});

describe('CMP3: the by filter', () => {
  it('CMP3: keeps one participant\'s insertions and deletions; others\' insertions read as text, their deletions are gone', () => {
    const base = 'The States shall cooperate on trade.';
    const steps = chain(base, ['chile', 'The States should cooperate on trade.'], ['peru', 'The States should cooperate on trade and science.'], ['cuba', 'States should cooperate on trade and science.']);
    const attributed = attributeRedline(wordRedline(plain(base), plain('States should cooperate on trade and science.')), steps);
    expect(show(changesBy(attributed, 'chile'))).toBe('States -chile{shall}+chile{should} cooperate on trade and science.');
    expect(show(changesBy(attributed, 'peru'))).toBe('States should cooperate on trade+peru{ and science}.');
    expect(show(changesBy(attributed, 'cuba'))).toBe('-cuba{The }States should cooperate on trade and science.');
    expect(changesBy(attributed, 'bolivia')).toEqual([{ op: 'equal', runs: plain('States should cooperate on trade and science.') }]);
  });
});
