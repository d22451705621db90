import { describe, expect, it } from 'vitest';
import { changeKind, draftOfRows, mergeWithPrevious, rowsOfDraft, splitAt, type DraftRow } from './draftRows.ts';
import { emptyDraft, type ParsedDraft } from './parsedDraft.ts';

const draft: ParsedDraft = {
  ...emptyDraft(),
  title: 'Test',
  preamble: [{ text: 'Recognizing the first,' }, { text: 'Noting' }, { text: 'the second,' }],
  operative: [{ text: 'Decide to act;', subitems: [] }, { text: 'Agree to:', subitems: [{ text: 'meet;', subitems: [{ text: 'often.', subitems: [] }] }] }],
};
const { preamble: _preamble, operative: _operative, ...rest } = draft;

describe('IMP6: the import preview fixes the parser\'s split', () => {
  it('turns a draft into rows and back unchanged', () => {
    const rows = rowsOfDraft(draft);
    expect(rows.map((r) => `${r.kind}/${r.depth}`)).toEqual(['preamble/0', 'preamble/0', 'preamble/0', 'operative/0', 'operative/0', 'subitem/1', 'subitem/2']);
    expect(draftOfRows(rows, rest)).toEqual(draft);
  });
  it('IMP13 IMP14: keeps the headings and working numbers of clauses through rows and back', () => {
    const headed: ParsedDraft = {
      ...draft,
      preamble: [{ text: 'Whereas peace,', heading: 'Preamble' }],
      operative: [{ text: 'Decide;', subitems: [{ text: 'first;', subitems: [], number: 'a bis' }], heading: 'A. Health', number: '2 bis' }],
    };
    const { preamble: _p, operative: _o, ...others } = headed;
    expect(draftOfRows(rowsOfDraft(headed), others)).toEqual(headed);
  });

  it('merges a row with the previous one, and splits a row at a point', () => {
    const merged = mergeWithPrevious(rowsOfDraft(draft), 2);
    expect(merged[1]).toEqual({ kind: 'preamble', depth: 0, text: 'Noting the second,' });
    expect(merged).toHaveLength(6);
    const split = splitAt(merged, 0, 'Recognizing'.length);
    expect(split.slice(0, 2).map((r) => r.text)).toEqual(['Recognizing', 'the first,']);
    // Splitting at an edge would make an empty clause: nothing happens.
    expect(splitAt(merged, 0, 0)).toBe(merged);
  });
  it('changes kinds without dropping text: a sub-item with no paragraph before it becomes one', () => {
    let rows: DraftRow[] = rowsOfDraft(draft);
    rows = changeKind(rows, 3, 'preamble');
    rows = changeKind(rows, 4, 'subitem');
    const back = draftOfRows(rows, rest);
    expect(back.preamble.map((p) => p.text)).toEqual(['Recognizing the first,', 'Noting', 'the second,', 'Decide to act;']);
    expect(back.operative.map((o) => o.text)).toEqual(['Agree to:']);
    expect(back.operative[0]!.subitems.map((s) => s.text)).toEqual(['meet;']);
  });
});
