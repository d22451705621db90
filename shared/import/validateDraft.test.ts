import { describe, expect, it } from 'vitest';
import { MAX_CLAUSE_CHARS, MAX_DRAFT_CLAUSES } from './limits.ts';
import { emptyDraft, type ParsedDraft } from './parsedDraft.ts';
import { validateDraft } from './validateDraft.ts';

const good: ParsedDraft = {
  title: 'Declaration of Lima',
  chapeau: 'The Ministers,',
  preamble: [{ text: 'Recognizing peace,' }],
  formula: 'Declare:',
  operative: [{ text: 'To act:', subitems: [{ text: 'now;', subitems: [{ text: 'today.', subitems: [] }] }] }],
  note: null,
  signatories: [{ name: 'Jorge Taiana', title: 'Ministro', state: 'Argentina' }],
};

const problem = (value: unknown) => {
  const check = validateDraft(value);
  return check.ok ? null : check.problem;
};

describe('validateDraft', () => {
  it('IMP4: takes a draft of the right shape as it is', () => {
    expect(validateDraft(good)).toEqual({ ok: true, draft: good });
    expect(validateDraft(emptyDraft())).toEqual({ ok: true, draft: emptyDraft() });
  });

  it('IMP4: refuses other shapes, unknown fields, wrong types, saying where', () => {
    expect(problem(null)).toBe('The draft must be an object.');
    expect(problem([])).toBe('The draft must be an object.');
    expect(problem({ ...good, extra: 1 })).toBe('The draft has an unknown field "extra".');
    const { note: _note, ...noNote } = good;
    expect(problem(noNote)).toBe('The draft has no "note".');
    expect(problem({ ...good, title: 3 })).toBe('The title must be text.');
    expect(problem({ ...good, preamble: 'x' })).toBe('The preamble must be a list.');
    expect(problem({ ...good, preamble: [{ text: 'a', bold: true }] })).toBe('PP1 has an unknown field "bold".');
    expect(problem({ ...good, operative: [good.operative[0], { text: 'x' }] })).toBe('OP2 has no "subitems".');
    expect(problem({ ...good, operative: [{ text: 'x', subitems: [{ text: 'y', subitems: [{ text: 'z', subitems: [{ text: 'w', subitems: [] }] }] }] }] })).toBe(
      'OP1(a)(i) has sub-items; sub-items go 2 levels deep at most.',
    );
    expect(problem({ ...good, signatories: [{ name: 'A', title: 'B' }] })).toBe('Signatory 1 has no "state".');
  });

  it('IMP4: holds strings and clauses to their limits', () => {
    expect(problem({ ...good, operative: [{ text: 'x', subitems: [{ text: 'y'.repeat(MAX_CLAUSE_CHARS + 1), subitems: [] }] }] })).toBe(
      `OP1(a) is ${MAX_CLAUSE_CHARS + 1} characters long; at most ${MAX_CLAUSE_CHARS} are allowed.`,
    );
    const many = Array.from({ length: MAX_DRAFT_CLAUSES + 1 }, () => ({ text: 'Noting,' }));
    expect(problem({ ...good, preamble: many })).toBe(`The draft has more than ${MAX_DRAFT_CLAUSES} clauses.`);
    expect(problem({ ...good, preamble: many.slice(0, MAX_DRAFT_CLAUSES - 3) })).toBeNull();
  });
});
