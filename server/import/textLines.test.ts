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

  it('IMP8: in a .md file emphasis spanning hard-wrapped lines of a paragraph keeps its formatting on each line, and stops at the paragraph\'s end', () => {
    expect(textLines('*Recalling\nits resolution* 70/1,\nand **bold over\ntwo lines**;', 'md')).toEqual([
      { text: 'Recalling', runs: [{ text: 'Recalling', italic: true }] },
      { text: 'its resolution 70/1,', runs: [{ text: 'its resolution', italic: true }, { text: ' 70/1,' }] },
      { text: 'and bold over', runs: [{ text: 'and ' }, { text: 'bold over', bold: true }] },
      { text: 'two lines;', runs: [{ text: 'two lines', bold: true }, { text: ';' }] },
    ]);
    // Three lines, nested: the middle line is wholly in italics and bold, not a heading.
    expect(textLines('1. Our ***shared\ncommitment to\npeace***.', 'md').map((line) => line.runs)).toEqual([
      [{ text: 'Our ' }, { text: 'shared', italic: true, bold: true }],
      [{ text: 'commitment to', italic: true, bold: true }],
      [{ text: 'peace', italic: true, bold: true }, { text: '.' }],
    ]);
    // A blank line, a new list item or a heading ends the paragraph: an opener left on one is markup without formatting, as before.
    expect(textLines('*Recalling\n\nits resolution*', 'md')).toEqual([{ text: 'Recalling' }, { text: '' }, { text: 'its resolution' }]);
    expect(textLines('- *one\n- two*', 'md').map((line) => [line.text, line.runs])).toEqual([
      ['one', undefined],
      ['two', undefined],
    ]);
    expect(textLines('# A *heading\ntext* here', 'md').map((line) => [line.text, line.heading, line.runs])).toEqual([
      ['A heading', true, undefined],
      ['text here', undefined, undefined],
    ]);
    // A paragraph longer than any declaration holds (over 40,000 characters: a file without blank lines) is read line by line, as before (IMP16).
    const filler = Array.from({ length: 800 }, () => 'a line of the long paragraph, fifty-six characters long,');
    const long = textLines(['*Recalling', ...filler, 'its resolution*'].join('\n'), 'md');
    expect([long[0], long.at(-1)]).toEqual([{ text: 'Recalling' }, { text: 'its resolution' }]);
    // A "_" left open at the paragraph's end stays text, wherever it stood.
    expect(texts('snake_case and\nmore', 'md')).toEqual(['snake_case and', 'more']);
  });

  it('IMP19: a list number of four digits or more is a list item only when it continues the numbering; a year at the start of a line is text', () => {
    for (const format of ['md', 'txt'] as const) {
      const lines = textLines('998. Decides;\n999. Requests;\n1000. Decides to remain seized.\n\n2030. Agenda for Sustainable Development,', format);
      expect(lines.map((line) => [line.text, line.list?.value])).toEqual([
        ['Decides;', 998],
        ['Requests;', 999],
        ['Decides to remain seized.', 1000],
        ['', undefined],
        ['2030. Agenda for Sustainable Development,', undefined],
      ]);
      // Not after 999: "1001." skips a number, and no numbering comes before "2023.".
      expect(textLines('999. Takes note;\n1001. Decides.', format)[1]).toEqual({ text: '1001. Decides.' });
      expect(textLines('2023. The year of peace', format)).toEqual([{ text: '2023. The year of peace' }]);
    }
  });

  it('IMP8: a no-break space inside a line is kept as it is, in both', () => {
    for (const format of ['md', 'txt'] as const) expect(texts('Déclarent\u00a0:\n«\u00a0Paix\u00a0»', format)).toEqual(['Déclarent\u00a0:', '«\u00a0Paix\u00a0»']);
  });
});
