import { describe, expect, it } from 'vitest';
import type { ClauseStatus } from '../../shared/clauseStatus.ts';
import { META_FIELDS, type Clause, type Declaration } from '../../shared/declaration.ts';
import { plain } from '../../shared/richText.ts';
import { compareDeclarations, type ComparedSide } from '../../shared/versions/compare.ts';
import { changeStep } from './comparisonKeys.ts';
import { changeStops, summarySentence } from './comparisonWords.ts';

/**
 * What the comparison view says (docs/SPEC.md CMP2, CMP5): the summary
 * sentence on top, the changes gone through one by one in the order of the
 * text, and the keys that go through them.
 */
function side(clauses: Clause[], statuses: Record<string, ClauseStatus> = {}, title = 'Declaration of Buenos Aires'): ComparedSide {
  const meta = Object.fromEntries(META_FIELDS.map((field) => [field, field === 'title' ? plain(title) : field === 'formula' ? plain('Declare:') : []])) as Declaration['meta'];
  return { declaration: { meta, clauses, signatories: [] }, statuses, frozen: null };
}
const op = (id: string, order: string, text: string, parent: string | null = null): Clause => ({ id, kind: 'operative', parent, order, body: plain(text) });
const pp = (id: string, order: string, text: string): Clause => ({ id, kind: 'preamble', parent: null, order, body: plain(text) });
const agreed: ClauseStatus = { state: 'agreed', by: 'Argentina', at: 1 };

const BASE = [pp('p1', 'a0', 'Recalling the first,'), op('o1', 'a0', 'The States shall cooperate;'), op('o2', 'a1', 'Old paragraph;'), op('o3', 'a2', 'Third;'), op('o4', 'a3', 'Last.')];

describe('CMP5: the summary sentence and the changes one by one', () => {
  it('CMP5: "Since Rev.1: 1 paragraph added (OP4), 1 deleted (OP2), 1 changed, 1 agreed." against the text now', () => {
    const target = [pp('p1', 'a0', 'Recalling the first,'), op('o1', 'a0', 'The States should cooperate;'), op('o3', 'a2', 'Third;'), op('o4', 'a3', 'Last.'), op('o5', 'a4', 'New.')];
    const { summary } = compareDeclarations(side(BASE), side(target, { o3: agreed }));
    expect(summarySentence(summary, 'Rev.1', null)).toBe('Since Rev.1: 1 paragraph added (OP4), 1 deleted (OP2), 1 changed, 1 agreed.');
    expect(summarySentence(summary, 'Rev.1', 'Rev.2')).toBe('From Rev.1 to Rev.2: 1 paragraph added (OP4), 1 deleted (OP2), 1 changed, 1 agreed.');
    expect(summarySentence(summary, 'Rev.1', null, 'Chile')).toBe('Since Rev.1: 1 paragraph added (OP4), 1 deleted (OP2), 1 changed, 1 agreed. (Changes by Chile only.)');
  });

  it('CMP5: more than three labels are cut short with "…"; plural words; the heading and nothing-changed say so', () => {
    const added = [op('n1', 'b0', 'One;'), op('n2', 'b1', 'Two;'), op('n3', 'b2', 'Three;'), op('n4', 'b3', 'Four.')];
    const { summary } = compareDeclarations(side(BASE), side([...BASE, ...added], {}, 'Declaration of Lima'));
    expect(summarySentence(summary, 'Zero draft', null)).toBe('Since Zero draft: 4 paragraphs added (OP5, OP6, OP7, …), the title changed.');
    const same = compareDeclarations(side(BASE), side(BASE));
    expect(summarySentence(same.summary, 'Rev.1', null)).toBe('No changes since Rev.1.');
    expect(summarySentence(same.summary, 'Rev.1', 'Rev.2')).toBe('No changes from Rev.1 to Rev.2.');
    expect(changeStops(same)).toEqual([]);
  });

  it('CMP5: the stops follow the text — heading, preamble, formula, operative part — and say what happened: "moved from OP3", "Open → Agreed"', () => {
    // The last paragraph moves to the top; o2 is deleted; o1's words change and it is agreed; the title changes.
    const target = [pp('p1', 'a0', 'Recalling the first,'), op('o4', 'Zz', 'Last.'), op('o1', 'a0', 'The States should cooperate;'), op('o3', 'a2', 'Third;')];
    const comparison = compareDeclarations(side(BASE), side(target, { o1: agreed }, 'Declaration of Lima'));
    expect(changeStops(comparison).map((s) => [s.key, s.place, s.what.join(', ')])).toEqual([
      ['meta:title', 'Title', 'changed'],
      ['clause:o4', 'OP1', 'moved from OP4'],
      ['clause:o1', 'OP2', 'was OP1, changed, Open → Agreed'],
      ['clause:o2', 'OP2', 'deleted'],
    ]);
    // A clause that keeps its words and place is not a stop, whatever its number (OP3 stays OP3 here).
    expect(changeStops(comparison).some((s) => s.key === 'clause:o3')).toBe(false);
  });

  it('CMP5 HEAD1 CLOSE1 FN1: a heading set, changed or removed, the closing line and the footnotes are stops in the order of the text', () => {
    const base = side([{ ...op('o1', 'a0', 'The States shall cooperate;'), heading: 'A. Health' }, op('o2', 'a1', 'Second;'), { ...op('o3', 'a2', 'Third;'), heading: 'B. Trade' }]);
    const target = side([{ ...op('o1', 'a0', 'The States shall cooperate;'), heading: 'A. Health and care' }, { ...op('o2', 'a1', 'Second;'), heading: 'Interim' }, op('o3', 'a2', 'Third;')]);
    target.declaration.meta = { ...target.declaration.meta, closing: plain('Done at Lima.') };
    target.declaration.footnotes = [{ id: 'fn1', order: 'a', marker: '1', body: plain('See A/1.') }];
    expect(changeStops(compareDeclarations(base, target)).map((s) => [s.key, s.place, s.what.join(', ')])).toEqual([
      ['clause:o1', 'OP1', 'heading changed'],
      ['clause:o2', 'OP2', 'heading changed'],
      ['clause:o3', 'OP3', 'heading changed'],
      ['meta:closing', 'Closing line', 'changed'],
      ['footnotes', 'Footnotes', 'changed'],
    ]);
    // The same heading on both sides is no change.
    expect(changeStops(compareDeclarations(base, base))).toEqual([]);
  });

  it('CMP5: n and p, Alt+PageDown and Alt+PageUp go through the changes; letters typed into a field do not', () => {
    const key = (k: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });
    expect(changeStep(key('n'), false)).toBe(1);
    expect(changeStep(key('p'), false)).toBe(-1);
    expect(changeStep(key('PageDown', { altKey: true }), false)).toBe(1);
    expect(changeStep(key('PageUp', { altKey: true }), true)).toBe(-1);
    expect(changeStep(key('n'), true)).toBeNull();
    expect(changeStep(key('n', { ctrlKey: true }), false)).toBeNull();
    expect(changeStep(key('PageDown'), false)).toBeNull();
  });
});
