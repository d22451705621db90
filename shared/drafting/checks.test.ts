import { describe, expect, it } from 'vitest';
import type { Clause } from '../declaration.ts';
import { buildOutline } from '../outline.ts';
import { opening, plain, type RichText } from '../richText.ts';
import { draftingWarnings } from './checks.ts';

let next = 0;
function clause(kind: Clause['kind'], body: RichText, parent: string | null = null): Clause {
  next++;
  return { id: `c${next}`, kind, parent, order: `a${String(next).padStart(3, '0')}`, body };
}

describe('DRAFT1: drafting checks for the conventions of the genre', () => {
  it('passes a text that follows them', () => {
    const op = clause('operative', plain('Agree to:'));
    const clauses = [
      clause('preamble', opening('Recognizing', ' that peace matters,')),
      clause('preamble', opening('Bearing in mind', ' the Charter,')),
      op,
      clause('operative', plain('meet again;'), op.id),
      clause('operative', plain('Decide to stay seized of the matter.')),
    ];
    expect(draftingWarnings(buildOutline(clauses))).toEqual([]);
  });

  it('warns, in reading order: no comma, no italics, no semicolon, no final period, empty', () => {
    const pp = clause('preamble', plain('Recognizing that peace matters;'));
    const ppItalicPart = clause('preamble', [{ text: 'Bearing', italic: true }, { text: ' in mind the Charter,' }]);
    const op1 = clause('operative', plain('Decide to act.'));
    const empty = clause('operative', plain('  '));
    const last = clause('operative', plain('Decide to meet again;'));
    const warnings = draftingWarnings(buildOutline([last, empty, op1, ppItalicPart, pp]));
    expect(warnings).toEqual([
      { clauseId: pp.id, check: 'preamble-comma' },
      { clauseId: pp.id, check: 'preamble-italic' },
      { clauseId: ppItalicPart.id, check: 'preamble-italic' },
      { clauseId: op1.id, check: 'operative-semicolon' },
      { clauseId: empty.id, check: 'empty' },
      { clauseId: last.id, check: 'operative-last-period' },
    ]);
  });

  it('reads the mark before closing quotes and brackets', () => {
    const clauses = [clause('preamble', opening('Noting', ' that it said "welcomes the Conference",')), clause('operative', plain('Decide to call it "RELACOPAZ".'))];
    expect(draftingWarnings(buildOutline(clauses))).toEqual([]);
  });
});
