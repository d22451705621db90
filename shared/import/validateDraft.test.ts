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

  it('SEED1: takes the parts issue 15 added, with their limits and shapes, naming the clause', () => {
    const full: ParsedDraft = {
      ...good,
      conference: 'Fourth Summit',
      subtitle: 'Adopted at Lima',
      closing: 'Done at Lima.',
      footnotes: [{ marker: '1', text: 'See A/1.' }],
      paragraphs: 'articles',
      subItemStyle: 'enclosed',
      preamble: [{ text: 'Recalling,', heading: 'I. Context' }],
      operative: [{ text: 'Act;', subitems: [{ text: 'now;', subitems: [], number: 'a bis' }], heading: 'A. Health', number: '2 bis' }],
    };
    expect(validateDraft(full)).toEqual({ ok: true, draft: full });
    expect(validateDraft({ ...full, closing: null })).toEqual({ ok: true, draft: { ...full, closing: null } });
    const long = 'h'.repeat(2400);
    expect(problem({ ...good, operative: [{ ...good.operative[0], heading: 'x' }, { text: 'y', subitems: [], heading: long }] })).toBe(
      "OP2's heading is 2400 characters long; at most 2000 are allowed.",
    );
    expect(problem({ ...good, preamble: [{ text: 'x', heading: 3 }] })).toBe("PP1's heading must be text.");
    expect(problem({ ...good, closing: 'c'.repeat(2001) })).toBe('The closing line is 2001 characters long; at most 2000 are allowed.');
    expect(problem({ ...good, conference: ['x'] })).toBe('The conference line must be text.');
    expect(problem({ ...good, footnotes: {} })).toBe('The footnotes must be a list.');
    expect(problem({ ...good, footnotes: [{ marker: '1', text: 'x', id: 'a' }] })).toBe('Footnote 1 has an unknown field "id".');
    expect(problem({ ...good, footnotes: [{ marker: '12345678901234567', text: 'x' }] })).toBe('The marker of footnote 1 is 17 characters long; at most 16 are allowed.');
    expect(problem({ ...good, footnotes: [{ marker: ' ', text: 'x' }] })).toMatch(/^Footnote 1 has no marker/);
    expect(problem({ ...good, footnotes: [{ marker: '1', text: 'x'.repeat(10_001) }] })).toBe('Footnote 1 is 10001 characters long; at most 10000 are allowed.');
    expect(problem({ ...good, paragraphs: 'roman' })).toBe('paragraphs must be "numbered", "articles" or "unnumbered".');
    expect(problem({ ...good, subItemStyle: null })).toBe('subItemStyle must be "enclosed" ("(a)") or "closing" ("a)").');
    expect(problem({ ...good, operative: [{ text: 'x', subitems: [], number: '2 bos' }] })).toBe('OP1\'s number "2 bos" is not a working number for its level (such as "2 bis").');
    expect(problem({ ...good, operative: [{ text: 'x', subitems: [{ text: 'y', subitems: [], number: '3' }] }] })).toBe(
      'OP1(a)\'s number "3" is not a working number for its level (such as "a bis").',
    );
    expect(problem({ ...good, operative: [{ text: 'x', subitems: [], number: 7 }] })).toBe("OP1's number must be text.");
  });

  it('IMP8: takes the source\'s italics and bold on the parts, refusing other shapes and over-long runs, saying where', () => {
    const formatted: ParsedDraft = {
      ...good,
      preamble: [{ text: 'Recognizing peace,', runs: [{ text: 'Recognizing', italic: true }, { text: ' peace,' }] }],
      operative: [{ text: 'To act:', runs: [{ text: 'To act', bold: true }, { text: ':' }], subitems: [] }],
      footnotes: [{ marker: '1', text: 'Ibid.', runs: [{ text: 'Ibid.', italic: true }] }],
      formatting: { chapeau: [{ text: 'The Ministers,', italic: true, bold: false }], title: [] },
    };
    expect(validateDraft(formatted)).toEqual({ ok: true, draft: { ...formatted, formatting: { chapeau: [{ text: 'The Ministers,', italic: true }], title: [] } } });
    expect(problem({ ...good, formatting: { heading: [] } })).toBe('The formatting has an unknown field "heading".');
    expect(problem({ ...good, formatting: { chapeau: 'x' } })).toBe('The formatting of the chapeau must be a list.');
    expect(problem({ ...good, preamble: [{ text: 'x', runs: [{ text: 'x', underline: true }] }] })).toBe('Run 1 of the formatting of PP1 has an unknown field "underline".');
    expect(problem({ ...good, operative: [{ text: 'x', subitems: [], runs: [{ text: 'x', italic: 'yes' }] }] })).toBe('"italic" in run 1 of the formatting of OP1 must be true or false.');
    expect(problem({ ...good, operative: [{ text: 'x', subitems: [], runs: [{ text: 'x'.repeat(MAX_CLAUSE_CHARS) }, { text: 'y' }] }] })).toBe(
      `The formatting of OP1 is longer than ${MAX_CLAUSE_CHARS} characters; at most ${MAX_CLAUSE_CHARS} are allowed.`,
    );
    expect(problem({ ...good, footnotes: [{ marker: '1', text: 'x', runs: [{ italic: true }] }] })).toBe('Run 1 of the formatting of footnote 1 has no "text".');
  });
});
