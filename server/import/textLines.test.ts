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

  it('IMP8: in a .md file emphasis is kept as runs: italic, bold, both, nested, "_" and "__", glued runs as the exporter writes them', () => {
    expect(textLines('*Recognizing* the **value** of ***all*** peace', 'md')).toEqual([
      { text: 'Recognizing the value of all peace', runs: [{ text: 'Recognizing', italic: true }, { text: ' the ' }, { text: 'value', bold: true }, { text: ' of ' }, { text: 'all', italic: true, bold: true }, { text: ' peace' }] },
    ]);
    expect(textLines('**bold *both* bold** and _it_ and __strong__', 'md')[0]!.runs).toEqual([
      { text: 'bold ', bold: true },
      { text: 'both', italic: true, bold: true },
      { text: ' bold', bold: true },
      { text: ' and ' },
      { text: 'it', italic: true },
      { text: ' and ' },
      { text: 'strong', bold: true },
    ]);
    expect(textLines('*We, the* ***Heads of State****,*', 'md')[0]).toEqual({ text: 'We, the Heads of State,', runs: [{ text: 'We, the', italic: true }, { text: ' ' }, { text: 'Heads of State', italic: true, bold: true }, { text: ',', italic: true }] });
    // Inside a word, "*" and "_" are text; an escaped "*" is a "*"; a line without emphasis has no runs.
    expect(textLines('snake_case x*y and \\*star\\*', 'md')).toEqual([{ text: 'snake_case x*y and *star*' }]);
    expect(textLines('1. Our *commitment*;', 'md')[0]).toMatchObject({ text: 'Our commitment;', runs: [{ text: 'Our ' }, { text: 'commitment', italic: true }, { text: ';' }] });
  });

  it('IMP8: in a .txt file nothing is formatting: no runs, a "*" stays a "*", emphasis pairs removed as before', () => {
    expect(textLines('Taking note of resolution 2250 (2015)*, *Recognizing* that **all**,', 'txt')).toEqual([{ text: 'Taking note of resolution 2250 (2015)*, Recognizing that all,' }]);
  });

  it('IMP8: a no-break space inside a line is kept as it is, in both', () => {
    for (const format of ['md', 'txt'] as const) expect(texts('Déclarent\u00a0:\n«\u00a0Paix\u00a0»', format)).toEqual(['Déclarent\u00a0:', '«\u00a0Paix\u00a0»']);
  });
});
