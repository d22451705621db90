import { describe, expect, it } from 'vitest';
import { buenosAires2023 } from '../fixtures/buenosAires2023.ts';
import { toPlainText } from '../richText.ts';
import { emptyDraft, type ParsedDraft } from './parsedDraft.ts';
import { seedFromDraft } from './seedFromDraft.ts';

describe('seedFromDraft', () => {
  it('IMP4: the demo as a parsed draft becomes the demo seed: opening phrases and chapeau in italics; a draft without conference line, subtitle or closing line has them empty', () => {
    const seed = buenosAires2023;
    const items = (list: NonNullable<typeof seed.operative>): ParsedDraft['operative'] =>
      list.map((op) => ({ text: toPlainText(op.body), subitems: items(op.subitems ?? []) }));
    const draft: ParsedDraft = {
      title: toPlainText(seed.title),
      chapeau: toPlainText(seed.chapeau),
      preamble: seed.preamble.map((p) => ({ text: toPlainText(p) })),
      formula: toPlainText(seed.formula),
      operative: items(seed.operative),
      note: toPlainText(seed.note),
      signatories: seed.signatories,
    };
    expect(seedFromDraft(draft)).toEqual({ ...seed, conference: [], subtitle: [], closing: [] });
  });

  it('IMP4: empty parts stay empty; text is trimmed and whitespace-collapsed; a paragraph without a word has no italics', () => {
    const seed = seedFromDraft({
      ...emptyDraft(),
      title: '  Declaration \n of Lima ',
      preamble: [{ text: ' 1325  (2000), ' }, { text: 'Noting\tthe report,' }],
      operative: [{ text: 'To act:', subitems: [{ text: 'now;', subitems: [{ text: 'today.', subitems: [] }] }] }],
    });
    expect(seed.title).toEqual([{ text: 'Declaration of Lima' }]);
    expect(seed.chapeau).toEqual([]);
    expect(seed.formula).toEqual([]);
    expect(seed.note).toEqual([]);
    expect(seed.preamble).toEqual([[{ text: '1325 (2000),' }], [{ text: 'Noting', italic: true }, { text: ' the report,' }]]);
    expect(seed.operative).toEqual([{ body: [{ text: 'To act:' }], subitems: [{ body: [{ text: 'now;' }], subitems: [{ body: [{ text: 'today.' }] }] }] }]);
  });

  it('SEED1: conference line, subtitle, closing line and headings are kept; an empty heading is none', () => {
    const seed = seedFromDraft({
      ...emptyDraft(),
      title: 'Declaration',
      conference: ' Fourth  Summit ',
      subtitle: 'Adopted at Lima, 3 May 2023',
      closing: 'Done at Lima.',
      preamble: [{ text: 'Recalling,', heading: 'I. Context' }, { text: 'Noting,' }],
      operative: [
        { text: 'Act;', subitems: [{ text: 'now;', subitems: [], heading: 'Timing' }], heading: 'A. Health' },
        { text: 'Welcome.', subitems: [], heading: '  ' },
      ],
    });
    expect(seed.conference).toEqual([{ text: 'Fourth Summit' }]);
    expect(seed.subtitle).toEqual([{ text: 'Adopted at Lima, 3 May 2023' }]);
    expect(seed.closing).toEqual([{ text: 'Done at Lima.' }]);
    expect(seed.preambleHeadings).toEqual(['I. Context', undefined]);
    expect(seed.operative).toEqual([
      { body: [{ text: 'Act;' }], heading: 'A. Health', subitems: [{ body: [{ text: 'now;' }], heading: 'Timing' }] },
      { body: [{ text: 'Welcome.' }] },
    ]);
  });

  it('SEED1: each footnote marker glued after a word or punctuation, first unclaimed in reading order, carries the footnote mark; numbers are not references; a marker not found leaves the footnote unreferenced', () => {
    const seed = seedFromDraft({
      ...emptyDraft(),
      title: 'Declaration*',
      preamble: [{ text: 'Recalling resolution A/RES/77/1 and 2015,1 and peace1;' }],
      operative: [{ text: 'Welcome the «report»2.', subitems: [{ text: 'Noting (2015)3 the plan', subitems: [] }] }],
      footnotes: [
        { marker: '*', text: 'Adopted without a vote.' },
        { marker: '1', text: 'First.' },
        { marker: '1', text: 'First again.' },
        { marker: '2', text: 'Second.' },
        { marker: '3', text: 'Third.' },
        { marker: '9', text: 'Nowhere.' },
        { marker: 'a', text: 'A letter.' },
      ],
      closing: 'Done at Lima and Managua.a',
    });
    expect(seed.footnotes!.map((f) => [f.id, f.marker, f.body])).toEqual([
      ['fn1', '*', [{ text: 'Adopted without a vote.' }]],
      ['fn2', '1', [{ text: 'First.' }]],
      ['fn3', '1', [{ text: 'First again.' }]],
      ['fn4', '2', [{ text: 'Second.' }]],
      ['fn5', '3', [{ text: 'Third.' }]],
      ['fn6', '9', [{ text: 'Nowhere.' }]],
      ['fn7', 'a', [{ text: 'A letter.' }]],
    ]);
    // "Managua" ends in an "a" after a letter: no reference; the one after the stop is.
    expect(seed.closing).toEqual([{ text: 'Done at Lima and Managua.' }, { text: 'a', footnote: 'fn7' }]);
    expect(seed.title).toEqual([{ text: 'Declaration' }, { text: '*', footnote: 'fn1' }]);
    // The opening phrase keeps its italics; "77/1" and "2015" are numbers, ",1" and "peace1" the two references.
    expect(seed.preamble[0]).toEqual([
      { text: 'Recalling', italic: true },
      { text: ' resolution A/RES/77/1 and 2015,' },
      { text: '1', footnote: 'fn2' },
      { text: ' and peace' },
      { text: '1', footnote: 'fn3' },
      { text: ';' },
    ]);
    expect(seed.operative[0]!.body).toEqual([{ text: 'Welcome the «report»' }, { text: '2', footnote: 'fn4' }, { text: '.' }]);
    expect(seed.operative[0]!.subitems![0]!.body).toEqual([{ text: 'Noting (2015)' }, { text: '3', footnote: 'fn5' }, { text: ' the plan' }]);
  });

  it('IMP8: the source\'s italics and bold are the part\'s rich text where they still fit its text; elsewhere the derived italics', () => {
    const seed = seedFromDraft({
      ...emptyDraft(),
      title: 'Declaration',
      chapeau: 'We, the Ministers,',
      formatting: { chapeau: [{ text: 'We, the ' }, { text: 'Ministers', bold: true }, { text: ',' }], title: [{ text: 'Declaration', italic: true }], formula: [{ text: 'Stale:', bold: true }] },
      formula: 'Declare:',
      preamble: [
        { text: 'Noting  the report,', runs: [{ text: 'Noting the ' }, { text: 'report', italic: true }, { text: ',' }] },
        // Edited after it was read: its runs no longer join to its text, so the opening phrase is derived.
        { text: 'Recognizing the value of peace,', runs: [{ text: 'Recognizing the peace,', bold: true }] },
      ],
      operative: [{ text: 'Welcome the annex1.', runs: [{ text: 'Welcome the ' }, { text: 'annex', italic: true }, { text: '1.' }], subitems: [] }],
      footnotes: [{ marker: '1', text: 'Official Records.', runs: [{ text: 'Official Records', italic: true }, { text: '.' }] }],
    });
    expect(seed.title).toEqual([{ text: 'Declaration', italic: true }]);
    expect(seed.chapeau).toEqual([{ text: 'We, the ' }, { text: 'Ministers', bold: true }, { text: ',' }]);
    expect(seed.formula).toEqual([{ text: 'Declare:' }]);
    expect(seed.preamble).toEqual([
      [{ text: 'Noting the ' }, { text: 'report', italic: true }, { text: ',' }],
      [{ text: 'Recognizing', italic: true }, { text: ' the value of peace,' }],
    ]);
    // The footnote's marker is found in the source's runs and marked there.
    expect(seed.operative[0]!.body).toEqual([{ text: 'Welcome the ' }, { text: 'annex', italic: true }, { text: '1', footnote: 'fn1' }, { text: '.' }]);
    expect(seed.footnotes![0]!.body).toEqual([{ text: 'Official Records', italic: true }, { text: '.' }]);
  });
});
