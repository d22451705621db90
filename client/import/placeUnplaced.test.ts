import { describe, expect, it } from 'vitest';
import { emptyDraft, type ParsedDraft } from '../../shared/import/parsedDraft.ts';
import { canMerge, canPlace, discard, discardAll, draftOf, footnoteOfLine, layout, mergeRow, pendingLines, place, previewOf, setRowHeading, setRowKind, splitRow, undoDiscard, type Entry, type Preview } from './placeUnplaced.ts';

/** The import preview's placing of unplaced lines (docs/SPEC.md IMP6). */
function draft(): ParsedDraft {
  return {
    ...emptyDraft(),
    title: 'Declaration of Lima',
    chapeau: 'The Ministers,',
    preamble: [{ text: 'Recognizing the value of dialogue,' }, { text: 'Bearing in mind the Charter,', heading: 'A. Principles' }],
    formula: 'Declare:',
    operative: [
      { text: 'To cooperate;', subitems: [] },
      { text: 'To meet:', number: '1 bis', heading: 'Meetings', subitems: [{ text: 'in Lima;', subitems: [] }] },
    ],
    footnotes: [{ marker: '1', text: 'First note.' }],
    paragraphs: 'numbered',
    subItemStyle: 'enclosed',
    unplaced: [
      { text: 'Distr.: General', reason: 'masthead' },
      { text: 'A/RES/1', reason: 'masthead', before: { part: 'title' } },
      { text: 'Adopted at Lima, 3 May 2025', reason: 'subtitle', before: { part: 'chapeau' } },
      { text: 'Page 2', reason: 'page-furniture', before: { part: 'preamble', index: 1 } },
      { text: 'and to report back;', reason: 'unrecognised', before: { part: 'operative', index: 1 } },
      { text: '2 Second note.', reason: 'unrecognised', before: { part: 'end' } },
    ],
  };
}

const show = (p: Preview) =>
  layout(p).map((e: Entry) => {
    if (e.kind === 'field') return e.field;
    if (e.kind === 'row') return `row:${p.rows[e.index]!.text}`;
    if (e.kind === 'line') return `line:${p.lines.find((l) => l.id === e.id)!.text}`;
    if (e.kind === 'footnote') return `fn:${p.parts.footnotes![e.index]!.marker}`;
    return 'signatories';
  });

describe('placing the lines the reader could not place', () => {
  it('IMP6: every line shows where it stood, among the parts in their printed order', () => {
    expect(show(previewOf(draft()))).toEqual([
      'line:Distr.: General',
      'conference',
      'line:A/RES/1',
      'title',
      'subtitle',
      'line:Adopted at Lima, 3 May 2025',
      'chapeau',
      'row:Recognizing the value of dialogue,',
      'line:Page 2',
      'row:Bearing in mind the Charter,',
      'formula',
      'row:To cooperate;',
      'line:and to report back;',
      'row:To meet:',
      'row:in Lima;',
      'closing',
      'note',
      'fn:1',
      'signatories',
      'line:2 Second note.',
    ]);
  });

  it('IMP6: without unplaced lines and placements, the draft goes to create as the reader found it, headings and working numbers kept', () => {
    const { unplaced: _u, ...parts } = draft();
    expect(draftOf(previewOf(draft()))).toEqual(parts);
  });

  it('IMP6: a line placed in a part joins its text, before it when it stood above it', () => {
    let p = previewOf(draft());
    p = place(p, 2, 'subtitle');
    expect(p.parts.subtitle).toBe('Adopted at Lima, 3 May 2025');
    p = place(p, 1, 'title');
    expect(p.parts.title).toBe('A/RES/1 Declaration of Lima');
    p = place(p, 5, 'note');
    expect(p.parts.note).toBe('2 Second note.');
    expect(pendingLines(p).map((l) => l.id)).toEqual([0, 3, 4]);
    expect(draftOf(p).subtitle).toBe('Adopted at Lima, 3 May 2025');
  });

  it('IMP6: a line becomes a new paragraph where it stood, or the end of the clause above it; the other lines keep their places', () => {
    let p = previewOf(draft());
    expect(canPlace(p, 0, 'append')).toBe(false);
    p = place(p, 3, 'preamble');
    expect(p.rows.map((r) => r.text).slice(0, 3)).toEqual(['Recognizing the value of dialogue,', 'Page 2', 'Bearing in mind the Charter,']);
    expect(show(p).indexOf('line:and to report back;')).toBe(show(p).indexOf('row:To cooperate;') + 1);
    p = place(p, 4, 'append');
    expect(draftOf(p).operative[0]!.text).toBe('To cooperate; and to report back;');
    p = place(p, 0, 'operative');
    // Above everything: the first row, an operative paragraph before the preamble's rows (it goes to the operative part, first).
    expect(draftOf(p).operative.map((o) => o.text)).toEqual(['Distr.: General', 'To cooperate; and to report back;', 'To meet:']);
    expect(draftOf(p).preamble.map((o) => o.text)).toEqual(['Recognizing the value of dialogue,', 'Page 2', 'Bearing in mind the Charter,']);
  });

  it('IMP6: a line placed as a footnote keeps its marker, in file order among the footnotes', () => {
    expect(footnoteOfLine('27 Ibid., Supplement No. 53.', 0)).toEqual({ marker: '27', text: 'Ibid., Supplement No. 53.' });
    expect(footnoteOfLine('* Document A/74/53.', 3)).toEqual({ marker: '*', text: 'Document A/74/53.' });
    expect(footnoteOfLine('Official Records.', 3)).toEqual({ marker: '4', text: 'Official Records.' });
    const p = place(previewOf(draft()), 5, 'footnote');
    expect(p.parts.footnotes).toEqual([
      { marker: '1', text: 'First note.' },
      { marker: '2', text: 'Second note.' },
    ]);
  });

  it('IMP6: discarding is explicit and can be undone; a whole kind at once', () => {
    let p = discardAll(previewOf(draft()), 'masthead');
    expect(pendingLines(p).map((l) => l.id)).toEqual([2, 3, 4, 5]);
    p = discard(p, 3);
    expect(pendingLines(p)).toHaveLength(3);
    expect(p.lines.filter((l) => l.discarded).map((l) => l.text)).toEqual(['Distr.: General', 'A/RES/1', 'Page 2']);
    p = undoDiscard(p, 3);
    expect(show(p).indexOf('line:Page 2')).toBe(show(p).indexOf('row:Bearing in mind the Charter,') - 1);
    // Discarded lines are never in the draft.
    expect(JSON.stringify(draftOf(p))).not.toContain('Distr.');
  });

  it('IMP6: merging and splitting rows keep each line beside its rows and each heading on its row', () => {
    let p = previewOf(draft());
    expect(canMerge(p, 1)).toBe(false); // under the heading "A. Principles"
    expect(mergeRow(p, 1)).toBe(p);
    p = splitRow(p, 0, 'Recognizing'.length);
    expect(p.rows.map((r) => r.text).slice(0, 3)).toEqual(['Recognizing', 'the value of dialogue,', 'Bearing in mind the Charter,']);
    expect(show(p).indexOf('line:Page 2')).toBe(show(p).indexOf('row:Bearing in mind the Charter,') - 1);
    p = mergeRow(p, 1);
    expect(p.rows[0]!.text).toBe('Recognizing the value of dialogue,');
    expect(show(p).indexOf('line:Page 2')).toBe(show(p).indexOf('row:Bearing in mind the Charter,') - 1);
    // A row split under a heading: the heading and the working number stay with its first part.
    const op2 = p.rows.findIndex((r) => r.text === 'To meet:');
    p = splitRow(p, op2, 3);
    expect(p.rows.slice(op2, op2 + 2)).toEqual([
      { kind: 'operative', depth: 0, text: 'To', heading: 'Meetings', number: '1 bis' },
      { kind: 'operative', depth: 0, text: 'meet:' },
    ]);
    p = setRowHeading(setRowKind(p, op2 + 1, 'subitem'), op2, '');
    expect(draftOf(p).operative[1]).toEqual({ text: 'To', number: '1 bis', subitems: [{ text: 'meet:', subitems: [] }, { text: 'in Lima;', subitems: [] }] });
  });
});
