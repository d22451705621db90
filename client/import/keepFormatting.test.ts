import { describe, expect, it } from 'vitest';
import { emptyDraft, type ParsedDraft } from '../../shared/import/parsedDraft.ts';
import { keepFormatting } from './keepFormatting.ts';
import { draftOf, mergeRow, place, previewOf, setFootnote, setPart, setRowHeading, setRowKind, setRowText, splitRow } from './placeUnplaced.ts';

/** The import preview keeps the source's italics and bold through the chair's changes (docs/SPEC.md IMP8). */
const noting = [{ text: 'Noting', italic: true }, { text: ' the ' }, { text: 'report', bold: true }, { text: ',' }];

function draft(): ParsedDraft {
  return {
    ...emptyDraft(),
    title: 'Declaration of Lima',
    chapeau: 'We, the Ministers,',
    formatting: { chapeau: [{ text: 'We, the ' }, { text: 'Ministers', bold: true }, { text: ',' }] },
    preamble: [{ text: 'Noting the report,', runs: noting }],
    formula: 'Declare:',
    operative: [
      { text: 'To act now.', runs: [{ text: 'To act', italic: true }, { text: ' now.' }], subitems: [] },
      { text: 'To meet in Lima.', subitems: [] },
    ],
    footnotes: [{ marker: '1', text: 'Official Records.', runs: [{ text: 'Official Records', italic: true }, { text: '.' }] }],
    unplaced: [{ text: 'and to report back.', reason: 'unrecognised', before: { part: 'operative', index: 1 } }, { text: 'Adopted in Lima', reason: 'subtitle', before: { part: 'chapeau' } }],
  };
}

describe('the source\'s italics and bold in the import preview', () => {
  it('IMP8: an edited text keeps the marks of the words that stayed; typed text takes the marks its neighbours share', () => {
    expect(keepFormatting(noting, 'Noting with concern the report,')).toEqual([{ text: 'Noting', italic: true }, { text: ' with concern the ' }, { text: 'report', bold: true }, { text: ',' }]);
    expect(keepFormatting([{ text: 'Bearing in mind', italic: true }, { text: ' that' }], 'Bearing well in mind that')).toEqual([{ text: 'Bearing well in mind', italic: true }, { text: ' that' }]);
    // No mark left, or none to begin with: no runs.
    expect(keepFormatting(noting, 'Welcomes the plan,')).toBeUndefined();
    expect(keepFormatting(undefined, 'Noting the report,')).toBeUndefined();
  });

  it('IMP8: the draft sent to create carries every part\'s italics and bold, unchanged when nothing was edited', () => {
    const { unplaced: _unplaced, ...parts } = draft();
    expect(draftOf(previewOf(draft()))).toEqual(parts);
  });

  it('IMP8: editing a row, a part or a footnote keeps the marks on the words that stayed', () => {
    let p = previewOf(draft());
    p = setRowText(p, 0, 'Noting with concern the report,');
    p = setPart(p, 'chapeau', 'We, the Ministers of Defence,');
    p = setFootnote(p, 0, { marker: '1', text: 'See Official Records.' });
    p = setRowKind(p, 2, 'subitem');
    p = setRowHeading(p, 1, 'A. Action');
    const sent = draftOf(p);
    expect(sent.preamble[0]!.runs).toEqual([{ text: 'Noting', italic: true }, { text: ' with concern the ' }, { text: 'report', bold: true }, { text: ',' }]);
    expect(sent.formatting).toEqual({ chapeau: [{ text: 'We, the ' }, { text: 'Ministers', bold: true }, { text: ' of Defence,' }] });
    expect(sent.footnotes![0]!.runs).toEqual([{ text: 'See ' }, { text: 'Official Records', italic: true }, { text: '.' }]);
    expect(sent.operative).toEqual([{ text: 'To act now.', runs: [{ text: 'To act', italic: true }, { text: ' now.' }], heading: 'A. Action', subitems: [{ text: 'To meet in Lima.', subitems: [] }] }]);
    // A part emptied has no formatting left.
    expect(draftOf(setPart(p, 'chapeau', null)).formatting).toBeUndefined();
  });

  it('IMP8: merging and splitting rows keeps each word\'s marks; a placed line joins plain', () => {
    let p = previewOf(draft());
    // The line that stood before OP2 appended to OP1: plain, OP1's italics kept.
    p = place(p, 0, 'append');
    const appended = 'To act now. and to report back.';
    expect(p.rows[1]).toMatchObject({ text: appended, runs: [{ text: 'To act', italic: true }, { text: ' now. and to report back.' }] });
    p = mergeRow(p, 2);
    expect(p.rows[1]).toMatchObject({ text: `${appended} To meet in Lima.`, runs: [{ text: 'To act', italic: true }, { text: ' now. and to report back. To meet in Lima.' }] });
    p = splitRow(p, 1, appended.length);
    expect(p.rows[1]).toMatchObject({ text: appended, runs: [{ text: 'To act', italic: true }, { text: ' now. and to report back.' }] });
    expect(p.rows[2]).toMatchObject({ text: 'To meet in Lima.' });
    expect(p.rows[2]!.runs).toBeUndefined();
    p = splitRow(p, 0, 'Noting the'.length);
    expect(p.rows.slice(0, 2).map((row) => row.runs)).toEqual([[{ text: 'Noting', italic: true }, { text: ' the' }], [{ text: 'report', bold: true }, { text: ',' }]]);
    // A line placed before the chapeau joins it plain; the chapeau's bold stays on its word.
    p = place(p, 1, 'chapeau');
    expect(p.parts.chapeau).toBe('Adopted in Lima We, the Ministers,');
    expect(p.parts.formatting?.chapeau).toEqual([{ text: 'Adopted in Lima We, the ' }, { text: 'Ministers', bold: true }, { text: ',' }]);
  });
});
