import { describe, expect, it } from 'vitest';
import { textLines, withoutInlineMarkup } from './textLines.ts';

/** What the file readers of plain text and Markdown keep of each line's characters (docs/SPEC.md IMP8). */
const texts = (text: string, format: 'md' | 'txt') => textLines(text, format).map((line) => line.text);

describe('plain text and Markdown lines', () => {
  it('IMP8: in a .txt file a "*" stays a "*": after a word, before a footnote, alone in the text', () => {
    expect(texts('Taking note of resolution 2250 (2015)*, adopted unanimously,', 'txt')).toEqual(['Taking note of resolution 2250 (2015)*, adopted unanimously,']);
    expect(texts('Note: * Document S/RES/2250 (2015).', 'txt')).toEqual(['Note: * Document S/RES/2250 (2015).']);
    expect(texts('its commitments* and its goals**,', 'txt')).toEqual(['its commitments* and its goals**,']);
    expect(texts('5 * 3 = 15; see [annex](I) and `code`', 'txt')).toEqual(['5 * 3 = 15; see [annex](I) and `code`']);
  });

  it('IMP8: in a .txt file a pair of emphasis markers around words and a backslash before punctuation are Markdown habits, removed', () => {
    expect(texts('*Recognizing* that peace, **all** of it,', 'txt')).toEqual(['Recognizing that peace, all of it,']);
    expect(textLines('**Declaration of Lima**', 'txt')).toEqual([{ text: 'Declaration of Lima', heading: true }]);
    expect(texts('**\\*\\*Note:** It is specified', 'txt')).toEqual(['**Note: It is specified']);
  });

  it('IMP8: in a .md file emphasis, escapes and links are markup; an escaped "*" is a "*"', () => {
    expect(texts('*Recognizing* resolution 2250 (2015)\\*, see [annex](http://example.org)', 'md')).toEqual(['Recognizing resolution 2250 (2015)*, see annex']);
    expect(withoutInlineMarkup('***all*** of it')).toBe('all of it');
  });

  it('IMP8: a no-break space inside a line is kept as it is, in both', () => {
    for (const format of ['md', 'txt'] as const) expect(texts('Déclarent\u00a0:\n«\u00a0Paix\u00a0»', format)).toEqual(['Déclarent\u00a0:', '«\u00a0Paix\u00a0»']);
  });
});
