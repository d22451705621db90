import { describe, expect, it } from 'vitest';
import { buenosAires2023 } from '../fixtures/buenosAires2023.ts';
import { toPlainText } from '../richText.ts';
import { openingPhraseLength, opensLikePreamble } from './openingPhrase.ts';

const phrase = (text: string) => text.slice(0, openingPhraseLength(text));

describe('openingPhraseLength', () => {
  it('IMP2: finds the italic opening phrase of every preambular paragraph of the demo', () => {
    for (const paragraph of buenosAires2023.preamble) {
      expect(phrase(toPlainText(paragraph))).toBe(paragraph[0]!.text);
    }
  });

  it.each([
    ['Bearing in mind the Charter,', 'Bearing in mind'],
    ['Taking note of the report,', 'Taking note'],
    ['Taking note with appreciation of the report,', 'Taking note with appreciation'],
    ['Noting with concern that', 'Noting with concern'],
    ['Recalling also its resolution,', 'Recalling also'],
    ['Deeply concerned by', 'Deeply concerned'],
    ['Teniendo en cuenta la Carta,', 'Teniendo en cuenta'],
    ['Tomando nota del informe,', 'Tomando nota'],
    ['Reconociendo además que', 'Reconociendo además'],
    ['Reconhecendo a importância,', 'Reconhecendo'],
    ['Tendo em conta a Carta,', 'Tendo em conta'],
    ['Prenant note du rapport,', 'Prenant note'],
    ["Ayant à l'esprit la Charte,", "Ayant à l'esprit"],
    ['Considérant que', 'Considérant'],
    ['Recognizing,', 'Recognizing'],
    ['"Recognizing" that', '"Recognizing'],
    ['Taking', 'Taking'],
  ])('IMP2: "%s" opens with "%s"', (text, expected) => {
    expect(phrase(text)).toBe(expected);
  });

  it('IMP2: a text without a word has no opening phrase', () => {
    expect(openingPhraseLength('')).toBe(0);
    expect(openingPhraseLength('1325 (2000),')).toBe(0);
    // Case does not matter for known phrases, and a phrase ends where a word ends.
    expect(phrase('BEARING IN MIND that')).toBe('BEARING IN MIND');
    expect(phrase('Taking notes,')).toBe('Taking');
  });
});

describe('opensLikePreamble', () => {
  it('IMP2: knows the openings of the genre, not words that only look like them', () => {
    for (const text of ['Recognizing that', 'Convinced that', 'Bearing in mind', 'Reconociendo que', 'Considérant que', 'Tendo em conta']) {
      expect(opensLikePreamble(text), text).toBe(true);
    }
    for (const text of ['Peacekeeping missions', 'United Nations', 'Cuando', 'Cependant', 'recognizing that']) {
      expect(opensLikePreamble(text), text).toBe(false);
    }
  });
});
