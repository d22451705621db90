import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Clause } from '../declaration.ts';
import { readDeclaration } from '../document/readDeclaration.ts';
import { writeSeed } from '../document/writeSeed.ts';
import { buenosAires2023 } from '../fixtures/buenosAires2023.ts';
import { buildOutline } from '../outline.ts';
import { opening, plain, type RichText } from '../richText.ts';
import { draftingWarnings } from './checks.ts';
import { learnConvention } from './convention.ts';

let next = 0;
function clause(kind: Clause['kind'], body: RichText, parent: string | null = null, heading?: string): Clause {
  next++;
  return { id: `c${next}`, kind, parent, order: `a${String(next).padStart(3, '0')}`, body, ...(heading ? { heading } : {}) };
}

const pp = (rest: string, phrase = 'Recognizing') => clause('preamble', opening(phrase, rest));
const op = (text: string, parent: string | null = null) => clause('operative', plain(text), parent);

/** A UN-style resolution: preamble "… ,", operative "… ;", the last "… .". */
function unStyle(...extra: Clause[]): Clause[] {
  return [pp(' the first,'), pp(' the second,', 'Noting'), pp(' the third,', 'Bearing in mind'), op('Decides the first;'), op('Requests the second;'), op('Urges the third;'), ...extra, op('Decides to remain seized of the matter.')];
}

/** A declaration of the region: operative paragraphs ending with a period throughout. */
function periodStyle(...extra: Clause[]): Clause[] {
  return [pp(' the first,'), pp(' the second,'), pp(' the third,'), op('That the first.'), op('That the second.'), op('That the third.'), op('That the fourth.'), ...extra, op('Thanks the host.')];
}

const remarks = (clauses: Clause[], language: 'en' | 'es' | 'pt' | 'fr' = 'en') => draftingWarnings(buildOutline(clauses), language);
const checksOn = (clauses: Clause[], target: Clause, language: 'en' | 'es' | 'pt' | 'fr' = 'en') =>
  remarks(clauses, language)
    .filter((w) => w.clauseId === target.id)
    .map((w) => w.check);

describe('DRAFT1: the demo and texts consistent with themselves draw no remark', () => {
  it('DRAFT1: the demo declaration (the real Declaration of Buenos Aires) shows no remark', () => {
    const doc = new Y.Doc();
    writeSeed(doc, buenosAires2023);
    const outline = buildOutline(readDeclaration(doc).clauses);
    expect(outline.operative.length).toBeGreaterThan(10);
    expect(draftingWarnings(outline, 'en')).toEqual([]);
    // It is consistent with itself, not with the UN's house style: periods are its usage.
    expect(learnConvention(outline).operativeEnd[0]).toBe('.');
    expect(learnConvention(outline).subitemEnd).toEqual(['.']);
  });

  it('DRAFT1: a UN-style resolution and a period-style declaration draw none', () => {
    expect(remarks(unStyle())).toEqual([]);
    expect(remarks(periodStyle())).toEqual([]);
  });
});

describe('DRAFT2: endings follow the declaration’s own usage', () => {
  it('DRAFT2: an operative paragraph ending with "." in a text whose paragraphs end with ";" is a departure', () => {
    const slip = op('Invites the fourth.');
    expect(remarks(unStyle(slip))).toEqual([{ clauseId: slip.id, check: 'operative-end', params: { found: '.', expected: ';' } }]);
  });

  it('DRAFT2: the same paragraph ending with "." in a text of periods is not; a lone ";" there is', () => {
    const fine = op('That the fifth.');
    expect(remarks(periodStyle(fine))).toEqual([]);
    const slip = op('That the fifth;');
    expect(remarks(periodStyle(slip))).toEqual([{ clauseId: slip.id, check: 'operative-end', params: { found: ';', expected: '.' } }]);
  });

  it('DRAFT2: a preambular paragraph ending with "." where the others end with "," is a departure; the last one may lead into the formula with ","', () => {
    const first = pp(' the first,');
    const slip = pp(' the second.');
    const clauses = [first, slip, pp(' the third,'), pp(' the fourth,'), op('Decides.')];
    expect(checksOn(clauses, slip)).toEqual(['preamble-end']);
    const french = [pp(' le premier ;', 'Considérant'), pp(' le deuxième ;', 'Considérant'), pp(' le troisième ;', 'Considérant'), pp(' le dernier,', 'Considérant'), op('Proclame.')];
    expect(remarks(french, 'fr')).toEqual([]);
  });

  it('DRAFT2: sub-items follow their own usage, and a paragraph introducing them may end with ":" or run on into them', () => {
    const before = unStyle().slice(0, -1);
    const parent = op('Decides');
    const colon = op('Requests:');
    const items = [op('to act;', parent.id), op('to report;', parent.id), op('to meet;', colon.id), op('to meet again;', colon.id)];
    const slip = op('to stop.', parent.id);
    const clauses = [...before, parent, colon, ...items, slip, op('Decides to remain seized.')];
    expect(remarks(clauses)).toEqual([{ clauseId: slip.id, check: 'subitem-end', params: { found: '.', expected: ';' } }]);
  });

  it('DRAFT2: a declaration just begun is judged by the genre: "," or ";" in the preamble, ";" or "." in the operative part', () => {
    const slip = pp(' the first.');
    expect(checksOn([slip, op('Decides;'), op('Decides.')], slip)).toEqual(['preamble-end']);
    expect(remarks([pp(' the first;'), op('Decides.'), op('Decides.')])).toEqual([]);
  });
});

describe('DRAFT3: every clause ends with a mark, the last of the operative part with a period', () => {
  it('DRAFT3: a missing final mark is a remark; a wrong one on the last clause is too', () => {
    const before = unStyle().slice(0, -1);
    const missing = op('Requests the fourth');
    const last = op('Decides to remain seized;');
    const clauses = [...before, missing, last];
    expect(remarks(clauses)).toEqual([
      { clauseId: missing.id, check: 'final-mark' },
      { clauseId: last.id, check: 'last-period', params: { found: ';' } },
    ]);
  });

  it('DRAFT3: footnote markers, closing quotes and a chaining "and" after the mark do not hide it', () => {
    const before = unStyle().slice(0, -1);
    const footnoteRun = clause('operative', [{ text: 'Recalls resolution 1325 (2000);' }, { text: '3', footnote: 'f1' }]);
    const superscript = op('Recalls the Charter;¹²');
    const glued = op('Recalls the 27th meeting;27');
    const bracketed = op('Recalls San Francisco;[1]');
    const quoted = op('Calls it "RELACOPAZ";');
    const chained = op('Urges the fourth; and');
    const lastWithNote = clause('operative', [{ text: 'Decides to remain seized of the matter.' }, { text: '*', footnote: 'f2' }]);
    const clauses = [...before, footnoteRun, superscript, glued, bracketed, quoted, chained, lastWithNote];
    expect(remarks(clauses)).toEqual([]);
  });
});

describe('DRAFT4: italics follow the declaration’s usage', () => {
  it('DRAFT4: a preambular opening not in italics where the others are is a remark; in a text without italics it is not', () => {
    const plainPreamble = clause('preamble', plain('Noting the fourth,'));
    expect(checksOn(unStyle(plainPreamble), plainPreamble)).toEqual(['preamble-italic']);
    const allPlain = [clause('preamble', plain('Recognizing the first,')), clause('preamble', plain('Noting the second,')), clause('preamble', plain('Noting the third,')), op('Decides.')];
    expect(remarks(allPlain)).toEqual([]);
  });

  it('DRAFT4: an operative verb not in italics where the declaration italicises them is a remark; otherwise not', () => {
    const italicOp = (verb: string, rest: string) => clause('operative', [{ text: verb, italic: true }, { text: rest }]);
    const slip = op('Requests the fourth;');
    const clauses = [pp(' the first,'), italicOp('Decides', ' the first;'), italicOp('Requests', ' the second;'), italicOp('Urges', ' the third;'), slip, italicOp('Decides', ' to remain seized.')];
    expect(checksOn(clauses, slip)).toEqual(['operative-italic']);
    expect(checksOn(unStyle(slip), slip)).toEqual([]);
  });
});

describe('DRAFT5–DRAFT7: typing slips in any style', () => {
  it('DRAFT5: two spaces between words; a no-break space is not one', () => {
    const slip = op('Requests  the fourth;');
    const fine = op('Requests the 4\u00a0\u00a0000 units;');
    const clauses = unStyle(slip, fine);
    expect(checksOn(clauses, slip)).toEqual(['double-space']);
    expect(checksOn(clauses, fine)).toEqual([]);
  });

  it('DRAFT6: a space before ";" is a slip in English; before ";" it is the rule in French, before "," it is not', () => {
    const english = op('Requests the fourth ;');
    expect(remarks(unStyle(english))).toEqual([{ clauseId: english.id, check: 'space-before-mark', params: { mark: ';' } }]);
    const frenchOk = op('Prie le quatrième\u202f: oui ! et encore ?\u00a0Bien ;');
    const frenchPlain = op('Prie le cinquième ;');
    const frenchComma = op('Prie , le sixième ;');
    const clauses = unStyle(frenchOk, frenchPlain, frenchComma);
    expect(remarks(clauses, 'fr')).toEqual([{ clauseId: frenchComma.id, check: 'space-before-mark', params: { mark: ',' } }]);
    expect(remarks(unStyle(op('Recalls the list of items ... and others;'), op('Recalls a ratio of .5 to one;')))).toEqual([]);
  });

  it('DRAFT7: an unpaired bracket or quote is a slip; inline list markers and a quotation running on to the next paragraph are not', () => {
    const bracket = op('Recalls resolution 1325 (2000;');
    const quote = op('Calls it "RELACOPAZ;');
    const curly = op('Calls it “RELACOPAZ;');
    const clauses = unStyle(bracket, quote, curly);
    expect(remarks(clauses)).toEqual([
      { clauseId: bracket.id, check: 'unbalanced', params: { mark: '(' } },
      { clauseId: quote.id, check: 'unbalanced', params: { mark: '"' } },
      { clauseId: curly.id, check: 'unbalanced', params: { mark: '“' } },
    ]);
    const fine = [op('Acuerdan a) cooperar, b) informar (cada año) y c) reunirse;'), op('“We, the Ministers, agree to meet;'), op('Recall the “Lima Declaration” [2022];')];
    expect(remarks(unStyle(...fine), 'es')).toEqual([]);
  });
});

describe('DRAFT8: an empty clause', () => {
  it('DRAFT8: a clause with no words is a remark; an article’s frame (a heading or sub-items, no words of its own) is not', () => {
    const empty = op('  ');
    const article = clause('operative', [], null, 'Article 1');
    const frame = op('');
    const items = [op('Everyone has the right.', frame.id), op('No one shall be held.', frame.id)];
    expect(checksOn(unStyle(empty), empty)).toEqual(['empty']);
    expect(remarks([pp(' the first,'), article, frame, ...items, op('Decides.')]).filter((w) => w.clauseId === article.id || w.clauseId === frame.id)).toEqual([]);
  });
});
