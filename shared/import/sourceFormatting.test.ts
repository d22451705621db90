import { describe, expect, it } from 'vitest';
import type { DraftLine } from './draftLine.ts';
import { emptyDraft, type ParsedDraft } from './parsedDraft.ts';
import { validRuns, withSourceFormatting } from './sourceFormatting.ts';

/** The draft the recogniser would give for the lines below: markers, labels and wrapping gone. */
const draft: ParsedDraft = {
  ...emptyDraft(),
  title: 'Declaration of Lima',
  chapeau: 'The Ministers,',
  preamble: [{ text: 'Bearing in mind the Charter,' }, { text: 'Noting the report,' }],
  formula: 'Declare:',
  operative: [{ text: 'To act now:', subitems: [{ text: 'in peace;', subitems: [] }] }],
  note: 'Text subject to revision.',
};

const lines: DraftLine[] = [
  { text: 'Declaration of Lima', heading: true },
  { text: 'The Ministers,', runs: [{ text: 'The Ministers,', italic: true }] },
  // A paragraph wrapped over two lines, its opening phrase in italics across the break.
  { text: 'Bearing in', runs: [{ text: 'Bearing in', italic: true }] },
  { text: 'mind  the Charter,', runs: [{ text: 'mind', italic: true }, { text: '  the Charter,' }] },
  { text: 'Noting the report,' },
  { text: 'Declare:', runs: [{ text: 'Declare:', bold: true }] },
  { text: '1. To act now:', runs: [{ text: '1. ' }, { text: 'To act', bold: true }, { text: ' now:' }] },
  { text: '(a) in peace;', runs: [{ text: '(a) in ' }, { text: 'peace', italic: true, bold: true }, { text: ';' }] },
  { text: 'Note: Text subject to revision.', runs: [{ text: 'Note:', bold: true }, { text: ' Text subject to revision.' }] },
];

describe('the source\'s italics and bold on the parts', () => {
  it('IMP8: each part found again in file order, white space and removed markers and labels aside, takes its characters\' italics and bold', () => {
    const formatted = withSourceFormatting(draft, lines);
    expect(formatted.formatting).toEqual({ chapeau: [{ text: 'The Ministers,', italic: true }], formula: [{ text: 'Declare:', bold: true }] });
    // A space between two italic words is italic; the one after them is not.
    expect(formatted.preamble).toEqual([{ text: 'Bearing in mind the Charter,', runs: [{ text: 'Bearing in mind', italic: true }, { text: ' the Charter,' }] }, { text: 'Noting the report,' }]);
    expect(formatted.operative).toEqual([
      { text: 'To act now:', runs: [{ text: 'To act', bold: true }, { text: ' now:' }], subitems: [{ text: 'in peace;', runs: [{ text: 'in ' }, { text: 'peace', italic: true, bold: true }, { text: ';' }], subitems: [] }] },
    ]);
    // The bold "Note:" label is not the note's: the note's own text is plain.
    expect(formatted.formatting?.note).toBeUndefined();
  });

  it('IMP8: lines without any runs (a .txt file) leave the draft as it is; a part not found in the file gets none', () => {
    expect(withSourceFormatting(draft, lines.map(({ runs: _runs, ...line }) => line))).toBe(draft);
    const changed = withSourceFormatting({ ...draft, chapeau: 'The Ministers of Defence,' }, lines);
    expect(changed.formatting?.chapeau).toBeUndefined();
    // The parts after it are still found.
    expect(changed.formatting?.formula).toEqual([{ text: 'Declare:', bold: true }]);
  });

  it('IMP8 IMP16: a part longer than a declaration holds (which create refuses until it is split) is given no formatting; the parts before it keep theirs', () => {
    const long = `${'Italic words. '.repeat(800)}end.`;
    const withLong: ParsedDraft = { ...draft, note: long.trim() };
    const longLines: DraftLine[] = [...lines.slice(0, -1), { text: long, runs: [{ text: long, italic: true }] }];
    const formatted = withSourceFormatting(withLong, longLines);
    expect(formatted.formatting?.note).toBeUndefined();
    expect(formatted.formatting?.formula).toEqual([{ text: 'Declare:', bold: true }]);
    // Within the limit, the same note is formatted.
    const short = 'Italic words. end.';
    expect(withSourceFormatting({ ...draft, note: short }, [...lines.slice(0, -1), { text: short, runs: [{ text: short, italic: true }] }]).formatting?.note).toEqual([{ text: short, italic: true }]);
  });

  it('IMP8: runs count only while they still are the part\'s text', () => {
    const runs = [{ text: 'Noting', italic: true }, { text: ' the report,' }];
    expect(validRuns('Noting  the report, ', runs)).toEqual(runs);
    expect(validRuns('Noting the reports,', runs)).toBeNull();
    expect(validRuns('Noting the report,', undefined)).toBeNull();
  });
});
